// Lower-casing a regex's letters, and only where doing so keeps what it
// matches on lower-cased ASCII text: literals and single class members
// become their lower-case form (which alone now stands for both cases);
// escapes keep their case (\S is not \s), and so do class ranges without
// letters. Anything else is refused rather than guessed at.
#include "extract/time/lower_case_pattern.h"

#include "extract/ascii.h"

namespace kg::timex {
namespace {

// The escapes whose meaning does not depend on case, after the backslash:
// the Perl classes and word boundaries, and punctuation standing for itself.
bool CaseFreeEscape(char e) {
  const unsigned char u = static_cast<unsigned char>(e);
  if (u >= 0x80) return false;
  if (!ascii::Alnum(e)) return true;
  return std::string_view("sSdDwWbB").find(e) != std::string_view::npos;
}

// Appends the class opening at pattern[*i] ('[') through its ']', moving
// *i onto the ']'; false if it has something refused.
bool AppendClass(std::string_view pattern, size_t* i, std::string* out) {
  size_t j = *i + 1;
  *out += '[';
  if (j < pattern.size() && pattern[j] == '^') *out += pattern[j++];
  bool first = true;
  while (j < pattern.size() && (pattern[j] != ']' || first)) {
    first = false;
    // One member: a byte or an escape, perhaps the start of a range.
    char lo = pattern[j];
    if (static_cast<unsigned char>(lo) >= 0x80) return false;
    if (lo == '[' && j + 1 < pattern.size() && pattern[j + 1] == ':') return false;
    if (lo == '\\') {
      if (j + 1 >= pattern.size()) return false;
      const char e = pattern[j + 1];
      // Inside a class \b and \B are not word boundaries: refused.
      if (!CaseFreeEscape(e) || e == 'b' || e == 'B') return false;
      *out += lo;
      *out += e;
      j += 2;
      // A class escape cannot begin a range; escaped punctuation could,
      // which is not read here.
      if (j + 1 < pattern.size() && pattern[j] == '-' && pattern[j + 1] != ']') return false;
      continue;
    }
    ++j;
    if (j + 1 < pattern.size() && pattern[j] == '-' && pattern[j + 1] != ']') {
      const char hi = pattern[j + 1];
      if (hi == '\\' || hi == '[' || static_cast<unsigned char>(hi) >= 0x80) return false;
      j += 2;
      const bool letters = ascii::Alpha(lo) && ascii::Alpha(hi);
      if (letters) {
        // A range of letters of one case stands, lower-cased, for both.
        if (ascii::Upper(lo) != ascii::Upper(hi)) return false;
        *out += ascii::Fold(lo);
        *out += '-';
        *out += ascii::Fold(hi);
        continue;
      }
      // Other ranges must hold no letter: "0-Z" holds upper case only.
      for (int c = static_cast<unsigned char>(lo); c <= static_cast<unsigned char>(hi); ++c) {
        if (ascii::Alpha(static_cast<char>(c))) return false;
      }
      *out += lo;
      *out += '-';
      *out += hi;
      continue;
    }
    *out += ascii::Fold(lo);
  }
  if (j >= pattern.size()) return false;
  *out += ']';
  *i = j;
  return true;
}

}  // namespace

std::optional<std::string> LowerCasePattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    if (c == '\\') {
      if (i + 1 >= pattern.size() || !CaseFreeEscape(pattern[i + 1])) return std::nullopt;
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '(' && i + 1 < pattern.size() && pattern[i + 1] == '?') {
      if (i + 2 >= pattern.size() || pattern[i + 2] != ':') return std::nullopt;
      out += "(?:";
      i += 2;
      continue;
    }
    if (c == '[') {
      if (!AppendClass(pattern, &i, &out)) return std::nullopt;
      continue;
    }
    out += ascii::Fold(c);
  }
  return out;
}

}  // namespace kg::timex
