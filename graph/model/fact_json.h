// The JSON Lines form of a Fact, as the contract fixes it (one object a line):
//   {"id", "doc", "subject", "subject_type", "relation", "object", "object_type",
//    "time": null | {"start", "end", "value", "text", "source"},
//    "negated", "hedged", "rule", "sentence", "span": [b, e], ...}
// plus kg's own evidence fields ("doc_date", "subject_mention", "object_mention").
// Writing is deterministic (fixed key order); reading accepts any key order and
// reports a missing or mistyped field with the line and column.
#ifndef KG_GRAPH_MODEL_FACT_JSON_H_
#define KG_GRAPH_MODEL_FACT_JSON_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/status.h"

namespace kg {

// One line of JSON, without the trailing newline.
std::string FactToJson(const Fact& fact);

// The same line appended to `*out`, for writers that batch many lines in one
// buffer.
void AppendFactJson(const Fact& fact, std::string* out);

// The lines of `facts`, each followed by '\n', appended to `*out`: for a
// writer of many facts, one append instead of one a line.
void AppendFactJsonLines(std::span<const Fact> facts, std::string* out);

// About the length of that line (its strings' bytes plus a typical rest), for
// reserving one buffer for many lines.
size_t FactJsonSizeHint(const Fact& fact);

// Parses one line; `file` and `line` only locate errors.
Result<Fact> FactFromJson(std::string_view json, const std::string& file = "", int line = 0);

namespace fact_json_internal {
// The general reader FactFromJson falls back to when its fast path declines a
// line; the two must agree on every input (tests and the fuzzer compare them).
Result<Fact> FactFromJsonSax(std::string_view json, const std::string& file, int line);
}  // namespace fact_json_internal

// Parses a whole JSON Lines text of facts; blank lines are skipped.
Result<std::vector<Fact>> FactsFromJsonLines(std::string_view text, const std::string& file);

}  // namespace kg

#endif  // KG_GRAPH_MODEL_FACT_JSON_H_
