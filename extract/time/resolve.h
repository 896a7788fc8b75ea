// Normalisation: from a rule and the slots its match captured to a TIMEX3
// value, anchoring relative expressions at the reference date.
#ifndef KG_EXTRACT_TIME_RESOLVE_H_
#define KG_EXTRACT_TIME_RESOLVE_H_

#include <optional>
#include <string>

#include "extract/time/time_rules.h"
#include "graph/model/date.h"

namespace kg::timex {

struct Resolved {
  std::string value;
  bool relative = false;  // the reference date was used
};

// Whether an underspecified date ("in October", "Friday") is read backwards or
// forwards from the reference date (tense cues, or the rule's `prefer`).
enum class Tense { kUnknown, kPast, kFuture };

// nullopt when the slots do not make a valid value (e.g. "February 30, 2023").
std::optional<Resolved> ResolveMatch(const TimeRule& rule, const SlotValues& slots,
                                     const std::optional<Date>& reference, Tense tense);

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_RESOLVE_H_
