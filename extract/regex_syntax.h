// Small readers of RE2 syntax for the parts of kg that read patterns
// themselves (the prefilter's required literals, the time tagger's start
// filter). Header-only: both kg_extract and kg_time use it.
#ifndef KG_EXTRACT_REGEX_SYNTAX_H_
#define KG_EXTRACT_REGEX_SYNTAX_H_

#include <array>
#include <cstddef>
#include <string_view>

namespace kg {

// The quantifier after an atom: "*", "+", "?", "{n}", "{n,}" or "{n,m}", maybe
// followed by '?', which makes it non-greedy but matches the same strings.
// If a quantifier starts at re[*pos], sets *min and *max (-1: no bound),
// moves *pos past it and returns true; else returns false and leaves all
// three. A '{' that does not open a count is a literal in RE2, and so is not
// a quantifier. Counts of more than six digits are not read (RE2 rejects
// counts over 1,000 anyway).
inline bool ReadQuantifier(std::string_view re, size_t* pos, int* min, int* max) {
  size_t p = *pos;
  if (p >= re.size()) return false;
  int low = 0, high = -1;
  const char c = re[p];
  if (c == '*' || c == '+' || c == '?') {
    low = c == '+' ? 1 : 0;
    high = c == '?' ? 1 : -1;
    ++p;
  } else if (c == '{') {
    auto number = [&](int* n) {
      const size_t start = ++p - 1;  // p was on the '{' or ','
      *n = 0;
      while (p < re.size() && re[p] >= '0' && re[p] <= '9' && p - start <= 6) {
        *n = *n * 10 + (re[p++] - '0');
      }
      return p > start + 1;
    };
    if (!number(&low)) return false;
    high = low;
    if (p < re.size() && re[p] == ',') {
      if (!number(&high)) high = -1;
    }
    if (p >= re.size() || re[p] != '}') return false;
    ++p;
  } else {
    return false;
  }
  if (p < re.size() && re[p] == '?') ++p;
  *pos = p;
  *min = low;
  *max = high;
  return true;
}

// The byte a one-letter control escape stands for ("\\n" is 10), or -1 if
// `letter` does not make one.
inline int ControlEscape(char letter) {
  switch (letter) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    case 'a':
      return '\a';
    default:
      return -1;
  }
}

// The word characters of RE2's \b and \w: [0-9A-Za-z_], ASCII only,
// whatever the case folding. A table: the cue filter and the time scanner
// test every byte of the text they read.
inline constexpr std::array<bool, 256> kWordChars = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return t;
}();

inline bool IsWordChar(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

}  // namespace kg

#endif  // KG_EXTRACT_REGEX_SYNTAX_H_
