#include "graph/model/fact.h"

#include <charconv>
#include <string_view>

namespace kg {
namespace {

constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a: small, fast and stable across platforms and runs, which is all an id needs.
void MixBytes(uint64_t* h, std::string_view s) {
  for (unsigned char c : s) {
    *h ^= c;
    *h *= kFnvPrime;
  }
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
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) id[i] = kHex[h & 0xF];
  return id;
}

}  // namespace kg
