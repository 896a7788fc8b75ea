// Internal to the fact-line reader (fact_json_reader.cc): what one line's
// fields held, as both of its parsers record it — the SAX pass and the fast
// scanner (fact_json_scanner.h) fill the same RawFact, and one set of checks
// turns it into a Fact, so the two cannot disagree on what a line means.
#ifndef KG_GRAPH_MODEL_FACT_JSON_RAW_H_
#define KG_GRAPH_MODEL_FACT_JSON_RAW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::fact_json_internal {

// What a field held. kObject / kArray are only recorded for the fields that
// may be containers (time, mentions, span); other containers are kOther.
struct Raw {
  enum Kind : uint8_t { kAbsent, kNull, kString, kBool, kInteger, kObject, kArray, kOther };
  Kind kind = kAbsent;
  std::string text;
  bool flag = false;
};

// Field slots, top level then inside the containers.
enum Field : uint8_t {
  kId,
  kDoc,
  kSubject,
  kSubjectType,
  kRelation,
  kObject,
  kObjectType,
  kRule,
  kSentence,
  kNegated,
  kHedged,
  kDocDate,
  kSubjectMention,
  kObjectMention,
  kSpan,
  kTime,
  kTopFields
};
enum TimeField : uint8_t { kStart, kEnd, kValue, kText, kSource, kTimeFields };
enum MentionField : uint8_t { kMentionText, kResolution, kMentionFields };

inline constexpr std::pair<std::string_view, Field> kTopNames[] = {
    {"id", kId},
    {"doc", kDoc},
    {"subject", kSubject},
    {"subject_type", kSubjectType},
    {"relation", kRelation},
    {"object", kObject},
    {"object_type", kObjectType},
    {"rule", kRule},
    {"sentence", kSentence},
    {"negated", kNegated},
    {"hedged", kHedged},
    {"doc_date", kDocDate},
    {"subject_mention", kSubjectMention},
    {"object_mention", kObjectMention},
    {"span", kSpan},
    {"time", kTime}};
inline constexpr std::string_view kTimeNames[] = {"start", "end", "value", "text", "source"};
inline constexpr std::string_view kMentionNames[] = {"text", "resolution"};

inline int IndexOf(std::string_view key, const std::string_view* names, int n) {
  for (int i = 0; i < n; ++i) {
    if (names[i] == key) return i;
  }
  return -1;
}

struct RawFact {
  bool is_object = false;
  Raw top[kTopFields];
  Raw time[kTimeFields];
  Raw mention[2][kMentionFields];
  std::vector<int64_t> span;  // the integers of `span`
  bool span_ok = true;        // every element an integer
};

}  // namespace kg::fact_json_internal

#endif  // KG_GRAPH_MODEL_FACT_JSON_RAW_H_
