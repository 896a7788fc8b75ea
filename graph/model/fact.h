// Fact: one subject–relation–object statement found in a document, with its
// time and evidence. This record is where extraction and the graph meet:
// extract/ produces facts, graph/ builds edges from them, and neither needs the
// other to compile. Its JSON form is the contract's fact line (fact_json.h).
#ifndef KG_GRAPH_MODEL_FACT_H_
#define KG_GRAPH_MODEL_FACT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "graph/model/date.h"

namespace kg {

// When a fact happened, as precisely as the text says.
struct FactTime {
  std::optional<Date> start;  // inclusive; absent when the value cannot be resolved
  std::optional<Date> end;    // inclusive
  std::string value;          // TIMEX3-style: "2022", "2022-11", "2024-03-13", "2023-SU"
  std::string text;           // the expression as written ("last summer"); empty for `document`
  std::string source;         // "explicit", "relative" or "document"

  bool operator==(const FactTime&) const = default;
};

// How a mention in the evidence was tied to its entity.
struct MentionEvidence {
  std::string text;        // as written: "the Tesla CEO", "he", "Musk"
  std::string resolution;  // "name", "alias", "pronoun", "role", "surname", ... ("" if unknown)

  bool operator==(const MentionEvidence&) const = default;
};

struct Fact {
  std::string id;  // stable: the same input gives the same id
  std::string doc;
  std::string subject;  // canonical entity names
  std::string subject_type;
  std::string relation;
  std::string object;
  std::string object_type;
  std::optional<FactTime> time;
  bool negated = false;
  bool hedged = false;
  std::string rule;        // "acquired.active"
  std::string sentence;    // the sentence the fact was read from
  int64_t span_begin = 0;  // byte offsets of the evidence in the document text
  int64_t span_end = 0;
  std::optional<Date> doc_date;  // the document's own date, when known
  MentionEvidence subject_mention;
  MentionEvidence object_mention;

  bool operator==(const Fact&) const = default;
};

// A stable identifier from the fields that make a fact what it is
// (document, span, rule, subject, relation, object): 16 hex digits.
std::string MakeFactId(const Fact& fact);

// The same id written into *id, reusing its buffer: for a fact record that is
// refilled, WriteFactId(f, &f.id) allocates nothing (the id is not one of the
// fields it reads).
void WriteFactId(const Fact& fact, std::string* id);

}  // namespace kg

#endif  // KG_GRAPH_MODEL_FACT_H_
