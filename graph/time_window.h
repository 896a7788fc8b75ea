// The time side of queries: the day span a fact covers, the [from, to] window a
// query keeps, and how a fact's time is shown. Days are counted from 1970-01-01
// (Date::ToDays) so comparisons are integer compares in the inner loops.
//
// A fact's span is its time's [start, end]; with only one bound known it is
// that single day; with neither (or no time at all) the fact is undated.
// Undated facts never pass a window, so windowed queries leave them out.
#ifndef KG_GRAPH_TIME_WINDOW_H_
#define KG_GRAPH_TIME_WINDOW_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "graph/model/date.h"
#include "graph/model/fact.h"
#include "graph/temporal_graph.h"

namespace kg {

struct DayRange {
  int64_t first = 0;  // inclusive
  int64_t last = 0;   // inclusive
  bool Overlaps(const DayRange& o) const { return first <= o.last && o.first <= last; }
};

// The fact's span in days; nullopt when undated.
std::optional<DayRange> FactDays(const Fact& fact);

// The day the fact was reported: the document's date, else nullopt.
std::optional<int64_t> ReportDay(const Fact& fact);

// A query's `from A to B`: either bound may be open. An unbounded window keeps
// every fact, dated or not.
struct TimeWindow {
  std::optional<DaySpan> from;  // the span A stands for; the window starts at its first day
  std::optional<DaySpan> to;    // the span B stands for; the window ends at its last day

  bool bounded() const { return from || to; }
  DayRange Range() const;
  // True when unbounded, or when the span is dated and overlaps the window.
  bool Keeps(const std::optional<DayRange>& span) const;
};

// "2023-SU (2023-06-01..2023-08-31)" style: the value as written when there is
// one, else the dates; "" when undated.
std::string FormatFactTime(const Fact& fact);
// The same for a fact of a graph, without rebuilding the Fact.
std::string FormatFactTime(const TemporalGraph& graph, FactId f);
std::string DayToString(int64_t day);

inline constexpr int64_t kMinDay = std::numeric_limits<int64_t>::min() / 4;
inline constexpr int64_t kMaxDay = std::numeric_limits<int64_t>::max() / 4;

}  // namespace kg

#endif  // KG_GRAPH_TIME_WINDOW_H_
