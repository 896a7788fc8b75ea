// Time expressions: finding and normalising them in text (TIMEX3-style).
//
//   Result<TimeTagger> tagger = TimeTagger::Default();  // the embedded rules/time.yaml
//   for (const TimeExpression& t : tagger->Find(text, Date{2024, 3, 13})) ...
//
// `Find` resolves relative expressions ("last summer", "in October") against the
// reference date; without one they keep their value where it can be written
// (e.g. "PXY" durations, "XXXX-10") and get no start/end.
#ifndef KG_EXTRACT_TIME_TIME_EXPRESSION_H_
#define KG_EXTRACT_TIME_TIME_EXPRESSION_H_

#include <re2/stringpiece.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

namespace timex {
struct CompiledRules;
}

struct TimeExpression {
  size_t begin = 0;  // byte offsets into the text searched
  size_t end = 0;
  std::string text;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // "2022-11", "2023-SU", "P3Y", "XXXX-WXX", "PRESENT_REF", ...
  // The days the value covers (inclusive start/end of the contract's "start",
  // "end"), for DATE and TIME values that name a calendar period; unset for
  // durations, sets, *_REF and values left with X's (no reference date).
  std::optional<DaySpan> days;
  std::string mod;        // TIMEX3 mod where the text gives one: START, MID, END, ...
  bool relative = false;  // resolved against the reference date (source "relative")
};

// A rule-file example (`examples:` in rules/time.yaml) that did not hold.
struct TimeExampleFailure {
  std::string file;
  int line = 0;  // 1-based line of the example
  std::string rule;
  std::string message;  // what was expected and what was found
};

struct TimeExampleReport {
  int passed = 0;
  std::vector<TimeExampleFailure> failures;
};

class TimeTagger {
 public:
  ~TimeTagger();
  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;

  // Loads the time rules (rules/time.yaml format); errors carry file:line:column.
  static Result<TimeTagger> FromYaml(std::string_view yaml_text, const std::string& file);
  // The rules compiled into the binary (rules/time.yaml).
  static Result<TimeTagger> Default();

  // Runs the examples written in the rule file: each text (with its `date`
  // as reference, if any) must yield an expression with the example's value,
  // or nothing at all when the value is empty.
  TimeExampleReport TestExamples() const;

  // All time expressions in `text`, left to right, non-overlapping (the
  // longest at each position). Thread-safe: Find may run concurrently.
  std::vector<TimeExpression> Find(std::string_view text,
                                   const std::optional<Date>& reference) const;

 private:
  friend class TimeScan;
  struct Impl;
  explicit TimeTagger(std::unique_ptr<Impl> impl);
  const timex::CompiledRules& rules() const;
  std::unique_ptr<Impl> impl_;
};

// Find, a piece at a time: Until(limit) appends the expressions that begin
// before `limit`, scanning no further than it must, so a caller that needs
// only the text's first part pays only for it. Calls with growing limits
// append exactly Find's list (Find is one call with the text's size): the scan
// is the same left-to-right pass, paused. One TimeScan per text and thread.
class TimeScan {
 public:
  TimeScan(const TimeTagger& tagger, std::string_view text, std::optional<Date> reference);
  void Until(size_t limit, std::vector<TimeExpression>* out);

  // Appends the expressions that lie in text[begin, end) (end <= the text's
  // size): the scan of that piece alone, no expression running on past
  // `end`, while the bytes around it are still read as they are for Find
  // (word boundaries, before/after conditions, tense cues). Only the piece's
  // bytes are scanned. Independent of Until: neither reads nor moves its place.
  void Within(size_t begin, size_t end, std::vector<TimeExpression>* out) const;

 private:
  const TimeTagger& tagger_;
  std::string_view text_;
  std::optional<Date> reference_;
  size_t pos_ = 0;
  bool pending_ = false;  // whole_ is a hit found but not yet reached
  re2::StringPiece whole_;
};

}  // namespace kg

#endif  // KG_EXTRACT_TIME_TIME_EXPRESSION_H_
