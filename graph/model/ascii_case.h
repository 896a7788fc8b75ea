// ASCII case folding for what users type and graphs store: names, types,
// query keywords, CSV headers. Only A-Z change, so UTF-8 bytes pass through
// untouched (kg reads text in the C locale's sense). The mention finder's
// table-driven forms, for every byte of a corpus, are in extract/ascii.h.
#ifndef KG_GRAPH_MODEL_ASCII_CASE_H_
#define KG_GRAPH_MODEL_ASCII_CASE_H_

#include <string>
#include <string_view>

namespace kg {

constexpr char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

// Whether `text`, folded, is `lowered` (which is lower-case already).
inline bool FoldsTo(std::string_view text, std::string_view lowered) {
  if (text.size() != lowered.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (LowerAscii(text[i]) != lowered[i]) return false;
  }
  return true;
}

}  // namespace kg

#endif  // KG_GRAPH_MODEL_ASCII_CASE_H_
