// ASCII character classes and case folding for the mention finder, inline and
// table-driven: they run for every byte of every sentence, and kg reads text in
// the C locale's sense anyway (only A-Z and a-z are letters; UTF-8 bytes are not).
#ifndef KG_EXTRACT_ASCII_H_
#define KG_EXTRACT_ASCII_H_

#include <array>
#include <cstdint>

namespace kg::ascii {

enum : uint8_t { kUpper = 1, kLower = 2, kDigit = 4 };

inline constexpr std::array<uint8_t, 256> kClasses = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}();

// Each byte with A-Z mapped to a-z: Fold as a table, for loops over many bytes.
inline constexpr std::array<uint8_t, 256> kFolded = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

inline uint8_t Class(char c) { return kClasses[static_cast<unsigned char>(c)]; }
inline bool Alpha(char c) { return (Class(c) & (kUpper | kLower)) != 0; }
inline bool Alnum(char c) { return Class(c) != 0; }
inline bool Upper(char c) { return Class(c) == kUpper; }
inline bool Lower(char c) { return Class(c) == kLower; }
inline bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char Fold(char c) { return Upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

}  // namespace kg::ascii

#endif  // KG_EXTRACT_ASCII_H_
