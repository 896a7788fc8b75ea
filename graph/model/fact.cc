#include "graph/model/fact.h"

#include <array>
#include <charconv>
#include <string_view>

namespace kg {
namespace {

constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a: small, fast and stable across platforms and runs, which is all an id
// needs. Four bytes a step: the chain of multiplies is the hash's, the loop
// around it is a quarter of the byte-at-a-time one's.
void MixBytes(uint64_t* h, std::string_view s) {
  uint64_t x = *h;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (; n >= 4; n -= 4, p += 4) {
    x = (x ^ p[0]) * kFnvPrime;
    x = (x ^ p[1]) * kFnvPrime;
    x = (x ^ p[2]) * kFnvPrime;
    x = (x ^ p[3]) * kFnvPrime;
  }
  for (; n > 0; --n, ++p) x = (x ^ *p) * kFnvPrime;
  *h = x;
}

void EndField(uint64_t* h) {
  *h ^= 0xff;  // field separator, so ("ab","c") and ("a","bc") differ
  *h *= kFnvPrime;
}

void Mix(uint64_t* h, std::string_view s) {
  MixBytes(h, s);
  EndField(h);
}

void MixInteger(uint64_t* h, int64_t v) {
  char digits[24];  // any int64, as std::to_string writes it
  MixBytes(h, std::string_view(digits, std::to_chars(digits, digits + sizeof digits, v).ptr));
}

}  // namespace

std::string MakeFactId(const Fact& fact) {
  uint64_t h = 14695981039346656037ull;
  Mix(&h, fact.doc);
  // The span is one field, "begin:end".
  MixInteger(&h, fact.span_begin);
  MixBytes(&h, ":");
  MixInteger(&h, fact.span_end);
  EndField(&h);
  Mix(&h, fact.rule);
  Mix(&h, fact.subject);
  Mix(&h, fact.relation);
  Mix(&h, fact.object);
  // Two hex digits a step, from a table of all 256 pairs.
  static constexpr std::array<char, 512> kHexPairs = [] {
    std::array<char, 512> pairs{};
    constexpr char kHex[] = "0123456789abcdef";
    for (int b = 0; b < 256; ++b) {
      pairs[2 * b] = kHex[b >> 4];
      pairs[2 * b + 1] = kHex[b & 0xF];
    }
    return pairs;
  }();
  char id[16];
  for (int i = 14; i >= 0; i -= 2, h >>= 8) {
    id[i] = kHexPairs[2 * (h & 0xFF)];
    id[i + 1] = kHexPairs[2 * (h & 0xFF) + 1];
  }
  return std::string(id, sizeof id);
}

}  // namespace kg
