#include "graph/model/fact.h"

#include <cstdio>

namespace kg {
namespace {

// FNV-1a: small, fast and stable across platforms and runs, which is all an id needs.
void Mix(uint64_t* h, const std::string& s) {
  for (unsigned char c : s) {
    *h ^= c;
    *h *= 1099511628211ull;
  }
  *h ^= 0xff;  // field separator, so ("ab","c") and ("a","bc") differ
  *h *= 1099511628211ull;
}

}  // namespace

std::string MakeFactId(const Fact& fact) {
  uint64_t h = 14695981039346656037ull;
  Mix(&h, fact.doc);
  Mix(&h, std::to_string(fact.span_begin) + ":" + std::to_string(fact.span_end));
  Mix(&h, fact.rule);
  Mix(&h, fact.subject);
  Mix(&h, fact.relation);
  Mix(&h, fact.object);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace kg
