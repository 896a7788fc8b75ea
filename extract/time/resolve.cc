// How each kind of rule resolves (see docs/time.md for the policy):
//
//  * template: the rule's value with {slot} and {duration} filled in; no
//    calendar arithmetic (durations, sets, PRESENT_REF).
//  * date: calendar slots. With a year (or decade/century) the value is
//    absolute. Without one the period ("October", "summer", "the third
//    quarter", "Friday") is placed relative to the reference date: `shift`
//    -1 takes the last one wholly before it, +1 the first one wholly after,
//    0 the one of the reference year (week for weekdays); with no shift the
//    latest one that has started (past reading) or the earliest one that has
//    not ended (future reading).
//  * offset: the reference date's unit (day, week, month, quarter, year,
//    decade, century) moved by `shift`, or by sign * number ("two years ago").
//    A weekend with no shift ("the weekend") is the last one, on a weekday,
//    unless the tense reads forward.
#include "extract/time/resolve.h"

#include <cstdio>
#include <cstdlib>
#include <functional>

#include "extract/time/calendar.h"

namespace kg::timex {
namespace {

std::optional<int> IntOf(std::string_view s) {
  while (!s.empty() && (s[0] == '\'' || s[0] == ' ')) s.remove_prefix(1);
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  int n = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

size_t DigitCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (c >= '0' && c <= '9');
  return n;
}

std::optional<int> YearOf(std::string_view s) {
  std::optional<int> y = IntOf(s);
  if (!y) return std::nullopt;
  if (DigitCount(s) <= 2) *y += *y < 50 ? 2000 : 1900;  // '99 and 11/02/89
  return y;
}

// "T15:00" / "TMO" / "" from hour, minute, am/pm and part of day.
std::optional<std::string> TimeSuffix(const SlotValues& s) {
  if (!s[kHour].empty()) {
    std::optional<int> h = IntOf(s[kHour]);
    int m = s[kMinute].empty() ? 0 : IntOf(s[kMinute]).value_or(-1);
    if (!h || *h > 24 || m < 0 || m > 59) return std::nullopt;
    if (!s[kAmPm].empty()) {
      if (*h < 1 || *h > 12) return std::nullopt;
      bool pm = s[kAmPm][0] == 'p' || s[kAmPm][0] == 'P';
      if (pm && *h < 12) *h += 12;
      if (!pm && *h == 12) *h = 0;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", *h, m);
    return std::string(buf);
  }
  if (!s[kPartOfDay].empty()) return "T" + std::string(s[kPartOfDay]);
  return std::string();
}

// A yearly span lies within a year or two of the reference date, so the
// searches below take a step or three; the bound stops one whose span cannot
// be placed (a year outside 1..9999 has no days) from running forever.
constexpr int kMaxYearSteps = 8;

// Chooses the year of a yearly period (a month, season, quarter) given its
// span in each year, following the shift / tense policy above.
int PlaceYearly(const std::function<DaySpan(int)>& span, const Date& ref, const TimeRule& rule,
                Tense tense, bool near_future) {
  if (rule.has_shift && rule.shift == 0) {
    // "this winter" in January is the winter that started last December.
    if (span(ref.year - 1).Contains(ref)) return ref.year - 1;
    return ref.year;
  }
  if (rule.has_shift && rule.shift < 0) {
    int y = ref.year + 1;
    for (int step = 0; !(span(y).end < ref) && step < kMaxYearSteps; ++step) --y;
    return y + rule.shift + 1;
  }
  if (rule.has_shift && rule.shift > 0) {
    int y = ref.year - 1;
    for (int step = 0; !(ref < span(y).start) && step < kMaxYearSteps; ++step) ++y;
    return y + rule.shift - 1;
  }
  if (tense == Tense::kUnknown && near_future) {
    // A day without a year ("Dec. 15") is the latest such day up to three
    // months after the reference date: news mostly looks back, but announces
    // dates a few weeks ahead.
    const Date limit = ref.AddDays(90);
    int y = ref.year + 1;
    for (int step = 0; limit < span(y).start && step < kMaxYearSteps; ++step) --y;
    return y;
  }
  if (tense == Tense::kFuture) {
    int y = ref.year - 1;
    for (int step = 0; span(y).end < ref && step < kMaxYearSteps; ++step) ++y;
    return y;
  }
  int y = ref.year + 1;
  for (int step = 0; ref < span(y).start && step < kMaxYearSteps; ++step) --y;
  return y;
}

Date PlaceWeekday(int weekday, const Date& ref, const TimeRule& rule, Tense tense) {
  int wd = weekday - 1;                      // Date::Weekday is 0 = Monday
  int back = (ref.Weekday() - wd + 7) % 7;   // days back to the latest <= ref
  int ahead = (wd - ref.Weekday() + 7) % 7;  // days ahead to the first >= ref
  if (rule.has_shift && rule.shift == 0) return ref.AddDays(wd - ref.Weekday());
  if (rule.has_shift && rule.shift < 0) return ref.AddDays(back == 0 ? -7 : -back);
  if (rule.has_shift && rule.shift > 0) return ref.AddDays(ahead == 0 ? 7 : ahead);
  return tense == Tense::kFuture ? ref.AddDays(ahead) : ref.AddDays(-back);
}

// The nth `weekday` (1 = Monday) of a month; nth -1 is the last one.
Date NthWeekday(int year, int month, int weekday, int nth) {
  const int days = DaysInMonth(year, month);
  if (nth < 0) {
    const Date last{year, month, days};
    return last.AddDays(-((last.Weekday() - (weekday - 1) + 7) % 7));
  }
  const Date first{year, month, 1};
  int day = 1 + ((weekday - 1) - first.Weekday() + 7) % 7 + 7 * (nth - 1);
  while (day > days) day -= 7;
  return Date{year, month, day};
}

// Holidays such as "Thanksgiving" (the fourth Thursday of November).
std::optional<Resolved> ResolveNthWeekday(const TimeRule& rule, const SlotValues& s,
                                          const std::optional<Date>& ref, Tense tense) {
  const int month = IntOf(s[kMonth]).value_or(0);
  const int weekday = IntOf(s[kWeekday]).value_or(0);
  const int nth = s[kNth] == "-1" ? -1 : IntOf(s[kNth]).value_or(0);
  if (month < 1 || month > 12 || weekday < 1 || weekday > 7 || nth == 0 || nth > 5) {
    return std::nullopt;
  }
  auto span = [&](int y) {
    Date d = NthWeekday(y, month, weekday, nth);
    return DaySpan{d, d};
  };
  if (!s[kYear].empty() && s[kYear][0] != '+' && s[kYear][0] != '-') {
    std::optional<int> year = YearOf(s[kYear]);
    if (!year) return std::nullopt;
    return Resolved{FormatDay(span(*year).start), false};
  }
  if (!ref) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-XX", month);
    return Resolved{buf, false};
  }
  return Resolved{FormatDay(span(PlaceYearly(span, *ref, rule, tense, true)).start), true};
}

std::optional<Resolved> ResolveDate(const TimeRule& rule, const SlotValues& s,
                                    const std::optional<Date>& ref, Tense tense) {
  char buf[32];
  if (!s[kDecade].empty()) {
    std::optional<int> d = IntOf(s[kDecade]);
    if (!d) return std::nullopt;
    int decade = DigitCount(s[kDecade]) <= 2 ? (*d < 30 ? 200 : 190) + *d / 10 : *d / 10;
    std::snprintf(buf, sizeof buf, "%03d", decade);
    return Resolved{buf, false};
  }
  if (!s[kCentury].empty()) {
    std::optional<int> c = IntOf(s[kCentury]);
    if (!c || *c < 1) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%02d", *c - 1);
    return Resolved{buf, false};
  }
  if (!s[kNth].empty()) return ResolveNthWeekday(rule, s, ref, tense);
  std::optional<std::string> suffix = TimeSuffix(s);
  if (!suffix) return std::nullopt;
  // 0 = not given.
  const int month = s[kMonth].empty() ? 0 : IntOf(s[kMonth]).value_or(-1);
  const int day = s[kDay].empty() ? 0 : IntOf(s[kDay]).value_or(-1);
  if (month < 0 || month > 12 || day < 0 || day > 31) return std::nullopt;
  const bool has_day = month > 0 && day > 0;
  // The period named, as a function of the year it falls in.
  std::function<DaySpan(int)> span;
  std::string code;  // the value after "YYYY-"
  if (has_day) {
    if (!IsValidDate(2000, month, day)) return std::nullopt;  // 2000: Feb 29 allowed
    AppendPadded(&code, month, 2);
    code += '-';
    AppendPadded(&code, day, 2);
    span = [month, day](int y) {
      Date date{y, month, IsValidDate(y, month, day) ? day : day - 1};
      return DaySpan{date, date};
    };
  } else if (month > 0) {
    AppendPadded(&code, month, 2);
  } else if (!s[kSeason].empty()) {
    code = std::string(s[kSeason]);
  } else if (!s[kQuarter].empty()) {
    code = "Q" + std::string(s[kQuarter]);
  } else if (!s[kHalf].empty()) {
    code = "H" + std::string(s[kHalf]);
  }
  if (!span && !code.empty()) {
    if (!SpanOfYearAnd(2000, code)) return std::nullopt;
    // `code` outlives `span`, which is used only below.
    span = [&code](int y) { return *SpanOfYearAnd(y, code); };
  }
  const std::string time_of_day = has_day ? *suffix : "";
  if (!s[kYear].empty()) {
    // A signed year ("-1", set by rules such as "August last year") counts
    // from the reference year.
    const bool from_ref = s[kYear][0] == '+' || s[kYear][0] == '-';
    std::optional<int> year = YearOf(s[kYear]);
    if (from_ref) {
      year = IntOf(s[kYear].substr(1));
      if (!year) return std::nullopt;
      if (!ref) return Resolved{"XXXX" + (code.empty() ? "" : "-" + code + time_of_day), false};
      year = ref->year + (s[kYear][0] == '-' ? -*year : *year);
    }
    if (!year) return std::nullopt;
    if (code.empty()) return Resolved{FormatYear(*year), from_ref};
    if (has_day && !IsValidDate(*year, month, day)) return std::nullopt;
    return Resolved{FormatYear(*year) + "-" + code + time_of_day, from_ref};
  }
  if (!code.empty()) {
    if (!ref) return Resolved{"XXXX-" + code + time_of_day, false};
    int year = PlaceYearly(span, *ref, rule, tense, has_day);
    return Resolved{FormatYear(year) + "-" + code + time_of_day, true};
  }
  if (!s[kWeekday].empty()) {
    std::optional<int> wd = IntOf(s[kWeekday]);
    if (!wd || *wd < 1 || *wd > 7) return std::nullopt;
    if (!ref) return Resolved{"XXXX-WXX-" + std::to_string(*wd) + *suffix, false};
    return Resolved{FormatDay(PlaceWeekday(*wd, *ref, rule, tense)) + *suffix, true};
  }
  if (!suffix->empty()) {  // a time of day alone: on the reference day
    if (!ref) return Resolved{"XXXX-XX-XX" + *suffix, false};
    return Resolved{FormatDay(*ref) + *suffix, true};
  }
  return std::nullopt;
}

std::string Underspecified(std::string_view unit) {
  if (unit == "D") return "XXXX-XX-XX";
  if (unit == "W") return "XXXX-WXX";
  if (unit == "WE") return "XXXX-WXX-WE";
  if (unit == "M") return "XXXX-XX";
  if (unit == "Q") return "XXXX-QX";
  if (unit == "DE") return "XXX";
  if (unit == "CE") return "XX";
  return "XXXX";
}

std::optional<Resolved> ResolveOffset(const TimeRule& rule, const SlotValues& s,
                                      const std::optional<Date>& ref, Tense tense) {
  const std::string_view unit = s[kUnit];
  int n = rule.shift;
  if (!s[kNumber].empty() && rule.sign != 0) {
    std::optional<int> count = IntOf(s[kNumber]);
    if (!count) return Resolved{rule.sign < 0 ? "PAST_REF" : "FUTURE_REF", false};
    n = rule.sign * *count;
  }
  std::optional<std::string> suffix = TimeSuffix(s);
  if (!suffix) return std::nullopt;
  if (!ref) return Resolved{Underspecified(unit) + (unit == "D" ? *suffix : ""), false};
  const Date& r = *ref;
  char buf[16];
  if (unit == "D") return Resolved{FormatDay(r.AddDays(n)) + *suffix, true};
  if (unit == "W") return Resolved{FormatWeek(IsoWeekOf(r.AddDays(7 * n))), true};
  if (unit == "WE") {
    // "the weekend" (no shift) on a weekday is the one just past, unless the
    // text looks ahead.
    if (!rule.has_shift && r.Weekday() < 5 && tense != Tense::kFuture) n = -1;
    return Resolved{FormatWeek(IsoWeekOf(r.AddDays(7 * n))) + "-WE", true};
  }
  if (unit == "M") {
    int months = r.year * 12 + (r.month - 1) + n;
    return Resolved{FormatMonth(months / 12, months % 12 + 1), true};
  }
  if (unit == "Q") {
    int quarters = r.year * 4 + (r.month - 1) / 3 + n;
    return Resolved{FormatYear(quarters / 4) + "-Q" + std::to_string(quarters % 4 + 1), true};
  }
  if (unit == "Y") return Resolved{FormatYear(r.year + n), true};
  if (unit == "DE") {
    std::snprintf(buf, sizeof buf, "%03d", r.year / 10 + n);
    return Resolved{buf, true};
  }
  if (unit == "CE") {
    std::snprintf(buf, sizeof buf, "%02d", r.year / 100 + n);
    return Resolved{buf, true};
  }
  return std::nullopt;
}

// "P3Y", "PT2H", "PXM", "P2Y6M" from the number and unit slots (number
// defaults to 1; a number ending in ".5" adds half a unit).
std::string Duration(const SlotValues& s) {
  std::string_view unit = s[kUnit];
  std::optional<int> n = s[kNumber].empty() ? std::optional<int>(1) : IntOf(s[kNumber]);
  const bool half = s[kNumber].size() > 2 && s[kNumber].substr(s[kNumber].size() - 2) == ".5";
  const std::string count = n ? std::to_string(*n) : "X";
  if (unit == "H" || unit == "MIN" || unit == "S") {
    std::string u = unit == "MIN" ? "M" : std::string(unit);
    if (half && unit == "H") return "PT" + count + "H30M";
    if (half && unit == "MIN") return "PT" + count + "M30S";
    return "PT" + count + u;
  }
  if (!n) return "PX" + std::string(unit);
  if (unit == "DE") return "P" + std::to_string(*n * 10 + (half ? 5 : 0)) + "Y";
  if (unit == "CE") return "P" + std::to_string(*n * 100 + (half ? 50 : 0)) + "Y";
  if (half && unit == "Y") return "P" + count + "Y6M";
  if (half && unit == "M") return "P" + count + "M15D";
  if (half && unit == "D") return "P" + count + "DT12H";
  return "P" + count + std::string(unit);
}

std::optional<Resolved> ResolveTemplate(const TimeRule& rule, const SlotValues& s) {
  std::string out;
  const std::string& t = rule.value;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '{') {
      out += t[i];
      continue;
    }
    size_t close = t.find('}', i);
    if (close == std::string::npos) return std::nullopt;
    std::string name = t.substr(i + 1, close - i - 1);
    if (name == "duration") {
      out += Duration(s);
    } else {
      int slot = SlotFromName(name);
      if (slot < 0 || s[slot].empty()) return std::nullopt;
      out += s[slot];
    }
    i = close;
  }
  return Resolved{out, false};
}

}  // namespace

std::optional<Resolved> ResolveMatch(const TimeRule& rule, const SlotValues& slots,
                                     const std::optional<Date>& reference, Tense tense) {
  switch (rule.resolution) {
    case Resolution::kDate:
      return ResolveDate(rule, slots, reference, tense);
    case Resolution::kOffset:
      return ResolveOffset(rule, slots, reference, tense);
    case Resolution::kTemplate:
      return ResolveTemplate(rule, slots);
    case Resolution::kIgnore:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kg::timex
