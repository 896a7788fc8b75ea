// Reading from a regex's source (RE2 syntax) the byte strings its matches can
// begin with: every match, its bytes folded by FoldPrefixByte, either is one
// of the `exact` strings or begins with one of the `open` ones. StartFilter
// builds its tables from them. Internal to kg_time.
#ifndef KG_EXTRACT_TIME_REGEX_PREFIXES_H_
#define KG_EXTRACT_TIME_REGEX_PREFIXES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::timex {

// Bytes are compared by class, in the text as in the regex: letters without
// case, every digit as '0' and all white space as ' '. Merging bytes only
// lets more through, and keeps digit and space runs from multiplying the
// strings.
constexpr unsigned char FoldPrefixByte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c >= '0' && c <= '9') return '0';
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
  return c;
}

struct RegexPrefixes {
  std::vector<std::string> exact;  // whole matches (none empty), sorted
  std::vector<std::string> open;   // beginnings after which anything may follow
  bool top_level_bar = false;      // an alternation is the regex's outermost construct
};

// The strings of `regex` as compiled case-insensitively, each kept through
// its first word and the start of its second and at most `max_depth` bytes;
// when those are too many, at most `fallback_depth` bytes. nullopt when they
// say nothing: the regex can match empty text, begins with something not
// modelled (`.`, negated classes, \pN, non-ASCII bytes, ...), or has too many
// beginnings even when cut short.
std::optional<RegexPrefixes> ReadRegexPrefixes(std::string_view regex, size_t max_depth,
                                               size_t fallback_depth);

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_REGEX_PREFIXES_H_
