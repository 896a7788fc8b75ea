// Calendar arithmetic for TIMEX3 values: ISO weeks, seasons, quarters, and the
// inclusive day span that a normalized value ("2023-SU", "2024-W11", "199")
// stands for. Used by the resolver and by callers that need start/end.
#ifndef KG_EXTRACT_TIME_CALENDAR_H_
#define KG_EXTRACT_TIME_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

#include "graph/model/date.h"

namespace kg::timex {

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year (may differ from d.year near Jan 1)
  int week = 0;  // 1..53
};

IsoWeek IsoWeekOf(const Date& d);
Date MondayOfIsoWeek(int year, int week);

// The inclusive span a TIMEX3 value denotes: YYYY, YYYY-MM, YYYY-MM-DD
// (optionally followed by T...), YYYY-Www, YYYY-Www-WE, YYYY-Qn, YYYY-Hn,
// YYYY-SP/SU/FA/WI, decades "199" and centuries "19". Seasons are
// meteorological (northern hemisphere): SP = Mar-May, SU = Jun-Aug, FA =
// Sep-Nov, and WI = December of the year to the end of February after it. nullopt for anything
// else (durations, sets, PRESENT_REF, values with X).
std::optional<DaySpan> SpanOfValue(std::string_view value);
// SpanOfValue of "YYYY-<rest>" for the four-digit year `year`, without
// writing the value out: the resolver tries a month, season, quarter or half
// ("05", "SU", "Q3", "H1") in a few years around the reference date.
std::optional<DaySpan> SpanOfYearAnd(int year, std::string_view rest);

// Formatting helpers: zero-padded "2024", "2024-03", "2024-03-05", "2024-W05".
// AppendPadded writes what printf's "%0<width>d" writes, without printf.
void AppendPadded(std::string* out, int value, int width);
std::string FormatYear(int year);
std::string FormatMonth(int year, int month);
std::string FormatDay(const Date& d);
std::string FormatWeek(const IsoWeek& w);

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_CALENDAR_H_
