#include "extract/time/calendar.h"

namespace kg::timex {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

DaySpan WholeMonths(int year, int first_month, int last_month) {
  // last_month may exceed 12 (winter runs into the next year).
  int end_year = year + (last_month - 1) / 12;
  int end_month = (last_month - 1) % 12 + 1;
  return DaySpan{Date{year, first_month, 1},
                 Date{end_year, end_month, DaysInMonth(end_year, end_month)}};
}

}  // namespace

IsoWeek IsoWeekOf(const Date& d) {
  // The ISO week belongs to the year that holds its Thursday.
  Date thursday = d.AddDays(3 - d.Weekday());
  int ordinal = static_cast<int>(thursday.ToDays() - Date{thursday.year, 1, 1}.ToDays());
  return IsoWeek{thursday.year, ordinal / 7 + 1};
}

Date MondayOfIsoWeek(int year, int week) {
  Date jan4{year, 1, 4};  // always in week 1
  Date monday1 = jan4.AddDays(-jan4.Weekday());
  return monday1.AddDays(7 * (week - 1));
}

std::optional<DaySpan> SpanOfValue(std::string_view value) {
  if (size_t t = value.find('T'); t != std::string_view::npos) value = value.substr(0, t);
  if (value.size() == 2 && AllDigits(value)) {  // century
    int c = ToInt(value);
    return DaySpan{Date{c * 100, 1, 1}, Date{c * 100 + 99, 12, 31}};
  }
  if (value.size() == 3 && AllDigits(value)) {  // decade
    int d = ToInt(value);
    return DaySpan{Date{d * 10, 1, 1}, Date{d * 10 + 9, 12, 31}};
  }
  if (value.size() < 4 || !AllDigits(value.substr(0, 4))) return std::nullopt;
  int year = ToInt(value.substr(0, 4));
  if (value.size() == 4) return DaySpan{Date{year, 1, 1}, Date{year, 12, 31}};
  if (value[4] != '-') return std::nullopt;
  return SpanOfYearAnd(year, value.substr(5));
}

std::optional<DaySpan> SpanOfYearAnd(int year, std::string_view rest) {
  if (size_t t = rest.find('T'); t != std::string_view::npos) rest = rest.substr(0, t);
  if (rest.size() == 2 && AllDigits(rest)) {
    int month = ToInt(rest);
    if (month < 1 || month > 12) return std::nullopt;
    return WholeMonths(year, month, month);
  }
  if (rest.size() == 5 && rest[2] == '-' && AllDigits(rest.substr(0, 2)) &&
      AllDigits(rest.substr(3))) {
    int month = ToInt(rest.substr(0, 2));
    int day = ToInt(rest.substr(3));
    if (!IsValidDate(year, month, day)) return std::nullopt;
    return DaySpan{Date{year, month, day}, Date{year, month, day}};
  }
  if (rest.size() >= 3 && rest[0] == 'W' && AllDigits(rest.substr(1, 2))) {
    int week = ToInt(rest.substr(1, 2));
    if (week < 1 || week > 53) return std::nullopt;
    Date monday = MondayOfIsoWeek(year, week);
    if (rest.size() == 3) return DaySpan{monday, monday.AddDays(6)};
    if (rest.substr(3) == "-WE") return DaySpan{monday.AddDays(5), monday.AddDays(6)};
    return std::nullopt;
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    int q = rest[1] - '0';
    return WholeMonths(year, 3 * q - 2, 3 * q);
  }
  if (rest.size() == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
    int h = rest[1] - '0';
    return WholeMonths(year, 6 * h - 5, 6 * h);
  }
  if (rest == "SP") return WholeMonths(year, 3, 5);
  if (rest == "SU") return WholeMonths(year, 6, 8);
  if (rest == "FA") return WholeMonths(year, 9, 11);
  if (rest == "WI") return WholeMonths(year, 12, 14);
  return std::nullopt;
}

namespace {

// The width digits of 0 <= value < 10^width, zero-padded, written at out.
void WriteDigits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// Whether value takes exactly `width` digits once padded (no sign, no more).
bool FitsDigits(int value, int width) {
  constexpr int kLimits[] = {1, 10, 100, 1000, 10000};
  return width >= 1 && width <= 4 && value >= 0 && value < kLimits[width];
}

}  // namespace

// Values that fit their width are written with one append; the rest (signs,
// more digits than the width) digit by digit.
void AppendPadded(std::string* out, int value, int width) {
  if (FitsDigits(value, width)) {
    char digits[4];
    WriteDigits(digits, value, width);
    out->append(digits, static_cast<size_t>(width));
    return;
  }
  char digits[12];
  int n = 0;
  unsigned v = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (value < 0) {
    out->push_back('-');
    --width;
  }
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

std::string FormatYear(int year) {
  std::string out;
  AppendPadded(&out, year, 4);
  return out;
}

// "YYYY-MM" and "YYYY-MM-DD" of four-digit years are written into one buffer
// and become the string at once, not a push a byte.
std::string FormatMonth(int year, int month) {
  if (FitsDigits(year, 4) && FitsDigits(month, 2)) {
    char buf[7];
    WriteDigits(buf, year, 4);
    buf[4] = '-';
    WriteDigits(buf + 5, month, 2);
    return std::string(buf, sizeof buf);
  }
  std::string out = FormatYear(year);
  out += '-';
  AppendPadded(&out, month, 2);
  return out;
}

std::string FormatDay(const Date& d) {
  if (FitsDigits(d.year, 4) && FitsDigits(d.month, 2) && FitsDigits(d.day, 2)) {
    char buf[10];
    WriteDigits(buf, d.year, 4);
    buf[4] = '-';
    WriteDigits(buf + 5, d.month, 2);
    buf[7] = '-';
    WriteDigits(buf + 8, d.day, 2);
    return std::string(buf, sizeof buf);
  }
  std::string out = FormatMonth(d.year, d.month);
  out += '-';
  AppendPadded(&out, d.day, 2);
  return out;
}

std::string FormatWeek(const IsoWeek& w) {
  std::string out = FormatYear(w.year);
  out += "-W";
  AppendPadded(&out, w.week, 2);
  return out;
}

}  // namespace kg::timex
