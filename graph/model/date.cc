#include "graph/model/date.h"

#include <cstdio>

namespace kg {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain
// descriptions), which are exact for the whole proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool ParseDigits(std::string_view text, int* out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

}  // namespace

int64_t Date::ToDays() const { return DaysFromCivil(year, month, day); }

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (ToDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Date::ToString() const {
  // Every fact line writes several dates, and snprintf's format parsing was a
  // few percent of `kg extract`; valid fields take the digit-by-digit path.
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + year / 1000);
    out[1] = static_cast<char>('0' + year / 100 % 10);
    out[2] = static_cast<char>('0' + year / 10 % 10);
    out[3] = static_cast<char>('0' + year % 10);
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::optional<Date> ParseDate(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ParseDigits(text.substr(0, 4), &y) || !ParseDigits(text.substr(5, 2), &m) ||
      !ParseDigits(text.substr(8, 2), &d) || !IsValidDate(y, m, d)) {
    return std::nullopt;
  }
  return Date{y, m, d};
}

std::optional<DaySpan> ParseDateSpan(std::string_view text) {
  int y, m;
  if (text.size() == 4) {
    if (!ParseDigits(text, &y) || y < 1) return std::nullopt;
    return DaySpan{{y, 1, 1}, {y, 12, 31}};
  }
  if (text.size() == 7) {
    if (text[4] != '-' || !ParseDigits(text.substr(0, 4), &y) ||
        !ParseDigits(text.substr(5, 2), &m) || y < 1 || m < 1 || m > 12) {
      return std::nullopt;
    }
    return DaySpan{{y, m, 1}, {y, m, DaysInMonth(y, m)}};
  }
  std::optional<Date> d = ParseDate(text);
  if (!d) return std::nullopt;
  return DaySpan{*d, *d};
}

}  // namespace kg
