// Decimal text of integers, byte for byte what std::to_chars writes, with a
// short path for the small non-negative values that fact ids and fact lines
// format twice a fact (byte offsets into a document): a few compares and
// digit pairs from a table instead of to_chars' length count and loop.
#ifndef KG_GRAPH_MODEL_DECIMAL_H_
#define KG_GRAPH_MODEL_DECIMAL_H_

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kg::decimal {

// The most bytes Write writes: "-9223372036854775808".
inline constexpr size_t kMaxChars = 20;

// Writes the two digits of `v` (0 <= v < 100) at `out`.
inline void WritePair(unsigned v, char* out) {
  static constexpr std::array<char, 200> kPairs = [] {
    std::array<char, 200> pairs{};
    for (int i = 0; i < 100; ++i) {
      pairs[2 * i] = static_cast<char>('0' + i / 10);
      pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
    return pairs;
  }();
  std::memcpy(out, &kPairs[2 * v], 2);
}

// Writes `v` at `out`, which has room for kMaxChars bytes; returns the end.
inline char* Write(int64_t v, char* out) {
  if (v < 0 || v >= 100000) return std::to_chars(out, out + kMaxChars, v).ptr;
  unsigned u = static_cast<unsigned>(v);
  if (u < 100) {
    if (u < 10) {
      *out = static_cast<char>('0' + u);
      return out + 1;
    }
    WritePair(u, out);
    return out + 2;
  }
  if (u >= 10000) {
    *out++ = static_cast<char>('0' + u / 10000);
    u %= 10000;
    WritePair(u / 100, out);
    WritePair(u % 100, out + 2);
    return out + 4;
  }
  if (u >= 1000) {
    WritePair(u / 100, out);
    WritePair(u % 100, out + 2);
    return out + 4;
  }
  *out = static_cast<char>('0' + u / 100);
  WritePair(u % 100, out + 1);
  return out + 3;
}

// Appends `v`'s decimal text to `out`.
template <typename String>
inline void Append(int64_t v, String* out) {
  char digits[kMaxChars];
  out->append(digits, static_cast<size_t>(Write(v, digits) - digits));
}

}  // namespace kg::decimal

#endif  // KG_GRAPH_MODEL_DECIMAL_H_
