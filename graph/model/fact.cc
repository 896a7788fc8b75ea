#include "graph/model/fact.h"

#include <array>
#include <cstring>
#include <string_view>

#include "graph/model/decimal.h"

namespace kg {
namespace {

constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a: small, fast and stable across platforms and runs, which is all an id
// needs. Eight bytes a step: the chain of multiplies is the hash's, the loop
// around it an eighth of the byte-at-a-time one's; a field's last 0-7 bytes
// take at most three branches instead of a loop each.
inline uint64_t Step(uint64_t x, unsigned char c) { return (x ^ c) * kFnvPrime; }

// Inlined into MakeFactId's six calls: a call costs as much as hashing a
// short field.
__attribute__((always_inline)) inline void MixBytes(uint64_t* h, std::string_view s) {
  uint64_t x = *h;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (; n >= 8; n -= 8, p += 8) {
    x = Step(Step(Step(Step(x, p[0]), p[1]), p[2]), p[3]);
    x = Step(Step(Step(Step(x, p[4]), p[5]), p[6]), p[7]);
  }
  if (n & 4) {
    x = Step(Step(Step(Step(x, p[0]), p[1]), p[2]), p[3]);
    p += 4;
  }
  if (n & 2) {
    x = Step(Step(x, p[0]), p[1]);
    p += 2;
  }
  if (n & 1) x = Step(x, p[0]);
  *h = x;
}

__attribute__((always_inline)) inline void EndField(uint64_t* h) {
  *h ^= 0xff;  // field separator, so ("ab","c") and ("a","bc") differ
  *h *= kFnvPrime;
}

// Inlined too: six calls a fact cost ~60 instructions of the ~360 it hashes.
__attribute__((always_inline)) inline void Mix(uint64_t* h, std::string_view s) {
  MixBytes(h, s);
  EndField(h);
}

}  // namespace

void WriteFactId(const Fact& fact, std::string* id) {
  uint64_t h = 14695981039346656037ull;
  Mix(&h, fact.doc);
  // The span is one field, "begin:end" as std::to_string writes the two,
  // hashed in one piece.
  char span[2 * 20 + 1];  // two int64 and the colon
  char* end = decimal::Write(fact.span_begin, span);
  *end++ = ':';
  end = decimal::Write(fact.span_end, end);
  Mix(&h, std::string_view(span, static_cast<size_t>(end - span)));
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
  // Written in place: a string that already holds an id (a reused fact
  // record) keeps its buffer, where a new string of 16 characters would be
  // one heap block more (libstdc++ keeps at most 15 inline).
  id->resize(16);
  char* const out = id->data();
  for (int i = 14; i >= 0; i -= 2, h >>= 8) std::memcpy(out + i, &kHexPairs[2 * (h & 0xFF)], 2);
}

std::string MakeFactId(const Fact& fact) {
  std::string id;
  WriteFactId(fact, &id);
  return id;
}

}  // namespace kg
