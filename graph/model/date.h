// Calendar dates and inclusive date spans, the time vocabulary of facts and queries.
//
// Date is a proleptic Gregorian day with no time zone; DaySpan is an inclusive
// [start, end] range of days. ParseDate accepts YYYY-MM-DD; ParseDateSpan also
// accepts YYYY and YYYY-MM and returns the whole year or month they stand for.
#ifndef KG_GRAPH_MODEL_DATE_H_
#define KG_GRAPH_MODEL_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before); the inverse of FromDays.
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  int Weekday() const;           // 0 = Monday .. 6 = Sunday
  std::string ToString() const;  // YYYY-MM-DD
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// YYYY-MM-DD, a real calendar day; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);

struct DaySpan {
  Date start;
  Date end;  // inclusive
  bool operator==(const DaySpan&) const = default;
  bool Overlaps(const DaySpan& other) const { return start <= other.end && other.start <= end; }
  bool Contains(const Date& d) const { return start <= d && d <= end; }
};

// YYYY, YYYY-MM or YYYY-MM-DD as the span of days it covers; nullopt otherwise.
std::optional<DaySpan> ParseDateSpan(std::string_view text);

}  // namespace kg

#endif  // KG_GRAPH_MODEL_DATE_H_
