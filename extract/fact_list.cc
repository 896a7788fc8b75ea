#include "extract/fact_list.h"

namespace kg {
namespace {

void ResetEvidence(MentionEvidence* evidence) {
  auto& [text, resolution] = *evidence;  // as in ResetKeepingCapacity
  text.clear();
  resolution.clear();
}

}  // namespace

void ResetKeepingCapacity(Fact* fact) {
  // Every member is named here, so a field added to Fact stops this from
  // compiling until it is reset too: a stale field would leak one document's
  // fact into the next.
  auto& [id, doc, subject, subject_type, relation, object, object_type, time, negated, hedged, rule,
         sentence, span_begin, span_end, doc_date, subject_mention, object_mention] = *fact;
  id.clear();
  doc.clear();
  subject.clear();
  subject_type.clear();
  relation.clear();
  object.clear();
  object_type.clear();
  time.reset();  // its strings are short enough to live inline
  negated = false;
  hedged = false;
  rule.clear();
  sentence.clear();
  span_begin = 0;
  span_end = 0;
  doc_date.reset();
  ResetEvidence(&subject_mention);
  ResetEvidence(&object_mention);
}

Fact& FactList::Add() {
  if (size_ == records_.size()) {
    ++size_;
    return records_.emplace_back();
  }
  Fact& record = records_[size_++];
  ResetKeepingCapacity(&record);
  return record;
}

}  // namespace kg
