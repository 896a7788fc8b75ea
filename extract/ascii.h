// ASCII character classes and case folding for the mention finder, inline and
// table-driven: they run for every byte of every sentence, and kg reads text in
// the C locale's sense anyway (only A-Z and a-z are letters; UTF-8 bytes are not).
// Also eight bytes at a time (load, fold, compare ignoring case) for the word
// table and the gazetteer's names, which compare whole words, and sixteen at
// a time backwards over a run of letters, digits and periods for the sentence
// splitter.
#ifndef KG_EXTRACT_ASCII_H_
#define KG_EXTRACT_ASCII_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether every byte of `text` is ASCII (below 0x80).
inline bool AllAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Whether `s` is the word `want`, compared in line: std::string's operator==
// with a C string calls strlen and compare out of line, for a type name or
// resolution of a few bytes.
inline bool Is(std::string_view s, std::string_view want) {
  if (s.size() != want.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != want[i]) return false;
  }
  return true;
}

// n <= 8 bytes from p, little-endian, zero above: two loads that may overlap
// (their common bytes are the same bytes), not a load per byte.
inline uint64_t Load8(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | uint64_t{hi} << (8 * (n - 4));
  }
  if (n >= 2) {
    uint16_t lo, hi;
    std::memcpy(&lo, p, 2);
    std::memcpy(&hi, p + n - 2, 2);
    return lo | uint64_t{hi} << (8 * (n - 2));
  }
  return n == 1 ? static_cast<unsigned char>(p[0]) : 0;
}

// v with each byte in A-Z mapped to a-z, eight at once: a byte's top bit, after
// adding to its low seven bits, tells whether they reached 'A' and '['.
inline uint64_t FoldBytes(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  const uint64_t low7 = v & (0x7F * kOnes);
  const uint64_t from_a = low7 + (0x80 - 'A') * kOnes;
  const uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;
  const uint64_t upper = from_a & ~past_z & ~v & (0x80 * kOnes);
  return v | upper >> 2;  // 0x80 >> 2 is the case bit 0x20
}

// Whether a and b are the same bytes, eight a step in line: keys of a few
// words, where a call to memcmp costs more than comparing them.
inline bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  size_t n = a.size();
  for (; n > 8; n -= 8, p += 8, q += 8) {
    uint64_t x, y;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, q, 8);
    if (x != y) return false;
  }
  return Load8(p, n) == Load8(q, n);
}

// Whether the n bytes at `text` equal the n lower-case bytes at `lower`
// ignoring ASCII case, eight bytes a step.
inline bool EqualFolded(const char* text, const char* lower, size_t n) {
  for (; n > 8; n -= 8, text += 8, lower += 8) {
    uint64_t a, b;
    std::memcpy(&a, text, 8);
    std::memcpy(&b, lower, 8);
    if (FoldBytes(a) != b) return false;
  }
  return FoldBytes(Load8(text, n)) == Load8(lower, n);
}

// The start of the run of letters, digits and periods that ends before
// text[pos] (pos itself where text[pos - 1] is none of them): the sentence
// splitter's token before a period ("Inc", "U.S", "$44"), read backwards
// sixteen bytes a step instead of a table load and a test a byte.
inline size_t AlnumOrDotRunStart(std::string_view text, size_t pos) {
  const char* const p = text.data();
#if defined(__SSE2__)
  // Bytes in [lo, hi]: adding 0x80 - lo moves that range to the lowest
  // signed bytes (and every other byte above it), so one compare tells.
  auto in = [](__m128i x, char lo, char hi) {
    const __m128i moved = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo + 1))));
  };
  while (pos >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos - 16));
    // Setting bit 5 maps A-Z onto a-z and no other byte into that range.
    const __m128i run = _mm_or_si128(
        _mm_or_si128(in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), in(v, '0', '9')),
        _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
    const unsigned others = ~static_cast<unsigned>(_mm_movemask_epi8(run)) & 0xFFFF;
    // The last byte outside the run ends the search: the run starts after it.
    if (others != 0) return pos - 16 + static_cast<size_t>(32 - __builtin_clz(others));
    pos -= 16;
  }
#endif
  while (pos > 0 && (Alnum(p[pos - 1]) || p[pos - 1] == '.')) --pos;
  return pos;
}

}  // namespace kg::ascii

#endif  // KG_EXTRACT_ASCII_H_
