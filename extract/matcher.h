// Relation matching on one sentence's mention view: the pack's prefilter says
// which patterns can match (extract/prefilter.h), only those run, and each
// match becomes one fact per (subject, object) member of its slots, with
// polarity and time read from the clause. Facts carry everything but the document-level fields and
// the id.
#ifndef KG_EXTRACT_MATCHER_H_
#define KG_EXTRACT_MATCHER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "extract/fact_list.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/rule_pack.h"
#include "extract/time/time_expression.h"

namespace kg {

struct SentenceInput {
  std::string_view document;
  size_t begin = 0, end = 0;  // the sentence, document offsets
  const std::vector<Mention>* mentions = nullptr;
  const MentionView* view = nullptr;
  const std::vector<TimeExpression>* times = nullptr;
  std::optional<Date> doc_date;
};

// Whether the mentions name at least two distinct entities. Every fact pairs
// two, so a sentence without them needs no view and no matching.
bool NamesTwoEntities(const std::vector<Mention>& mentions);

// Appends the facts of one sentence to *out, ordered by evidence position,
// then rule order.
void MatchSentence(const RulePack& pack, const MentionTracker& tracker, const SentenceInput& input,
                   FactList* out);

}  // namespace kg

#endif  // KG_EXTRACT_MATCHER_H_
