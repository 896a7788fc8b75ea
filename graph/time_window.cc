#include "graph/time_window.h"

#include "graph/fact_store.h"

namespace kg {

std::optional<DayRange> FactDays(const Fact& fact) {
  if (!fact.time) return std::nullopt;
  const std::optional<Date>& s = fact.time->start;
  const std::optional<Date>& e = fact.time->end;
  if (!s && !e) return std::nullopt;
  int64_t first = (s ? *s : *e).ToDays();
  int64_t last = (e ? *e : *s).ToDays();
  if (last < first) std::swap(first, last);  // a reversed span still covers its days
  return DayRange{first, last};
}

std::optional<int64_t> ReportDay(const Fact& fact) {
  if (!fact.doc_date) return std::nullopt;
  return fact.doc_date->ToDays();
}

DayRange TimeWindow::Range() const {
  return DayRange{from ? from->start.ToDays() : kMinDay, to ? to->end.ToDays() : kMaxDay};
}

bool TimeWindow::Keeps(const std::optional<DayRange>& span) const {
  if (!bounded()) return true;
  return span && span->Overlaps(Range());
}

std::string DayToString(int64_t day) { return Date::FromDays(day).ToString(); }

namespace {

std::string FormatDays(const std::optional<DayRange>& days) {
  if (!days) return "";
  if (days->first == days->last) return DayToString(days->first);
  return DayToString(days->first) + ".." + DayToString(days->last);
}

}  // namespace

std::string FormatFactTime(const Fact& fact) {
  if (!fact.time) return "";
  if (!fact.time->value.empty()) return fact.time->value;
  return FormatDays(FactDays(fact));
}

std::string FormatFactTime(const TemporalGraph& graph, FactId f) {
  const FactStore& store = Store(graph);
  const StoredFact& fact = store.facts.at(f);
  if (!(fact.flags & StoredFact::kHasTime)) return "";
  std::string_view value = store.strings.Get(fact.time_value);
  if (!value.empty()) return std::string(value);
  std::optional<int64_t> start = graph.start_day(f), end = graph.end_day(f);
  if (!start && !end) return "";
  int64_t first = start ? *start : *end, last = end ? *end : *start;
  if (last < first) std::swap(first, last);
  return FormatDays(DayRange{first, last});
}

}  // namespace kg
