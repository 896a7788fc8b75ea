#include "extract/case_blind.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {

bool CaseNeutralRegex(std::string_view source) {
  for (size_t i = 0; i < source.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(source[i]);
    // Group names ("(?P<subj>") and flags ("(?i:", "(?U)") match no text.
    if (c == '(' && source.substr(i, 2) == "(?") {
      const size_t end = source.find_first_of(source.substr(i, 4) == "(?P<" ? ">" : ":)", i);
      if (end == std::string_view::npos) return false;
      i = end;
      continue;
    }
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
    if (c == '[' && i + 1 < source.size() && source[i + 1] == ':') return false;
    if (c != '\\' || i + 1 == source.size()) continue;
    const unsigned char next = static_cast<unsigned char>(source[++i]);
    // Perl classes, anchors and control escapes read the same either way;
    // an escaped punctuation mark is itself.
    if (std::strchr("dDsSwWbBAzntrfva", next) == nullptr &&
        ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
         (next >= '0' && next <= '9') || next >= 0x80)) {
      return false;
    }
  }
  return true;
}

bool HasAsciiFoldingChars(std::string_view text) {
  // Their UTF-8 forms open with 0xC4, 0xC5 or 0xE2; most text has none.
  if (std::memchr(text.data(), 0xC4, text.size()) == nullptr &&
      std::memchr(text.data(), 0xC5, text.size()) == nullptr &&
      std::memchr(text.data(), 0xE2, text.size()) == nullptr) {
    return false;
  }
  for (std::string_view s : {"\xe2\x84\xaa", "\xc5\xbf", "\xc4\xb0", "\xc4\xb1"}) {
    if (text.find(s) != std::string_view::npos) return true;
  }
  return false;
}

namespace {

// Whether `text` holds an upper-case ASCII letter, and whether a byte of it
// is not ASCII. With `stop_at_upper`, may return at the first upper-case
// letter (the second answer is then not known).
struct Bytes {
  bool upper = false;
  bool non_ascii = false;
};
#if defined(__SSE2__)
// Sixteen bytes a step, the last step overlapping the one before (reading a
// byte twice changes neither answer): text.size() >= 16.
Bytes ReadBytes16(std::string_view text) {
  const __m128i after_upper = _mm_set1_epi8('Z' + 1);
  const __m128i before_upper = _mm_set1_epi8('A' - 1);
  __m128i any = _mm_setzero_si128(), upper = _mm_setzero_si128();
  auto read = [&](const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    any = _mm_or_si128(any, v);
    // Signed compares: a byte from 0x80 up is negative, so never upper-case.
    upper = _mm_or_si128(
        upper, _mm_and_si128(_mm_cmpgt_epi8(v, before_upper), _mm_cmplt_epi8(v, after_upper)));
  };
  const size_t n = text.size();
  size_t i = 0;
  for (; i + 16 <= n; i += 16) read(text.data() + i);
  if (i < n) read(text.data() + n - 16);
  return Bytes{_mm_movemask_epi8(upper) != 0, _mm_movemask_epi8(any) != 0};
}
#endif

Bytes ReadBytes(std::string_view text, bool stop_at_upper) {
#if defined(__SSE2__)
  // Views are a hundred bytes or so: the whole text in a few steps costs less
  // than stopping early at an upper-case letter, which views seldom hold.
  if (text.size() >= 16) return ReadBytes16(text);
#endif
  // Eight bytes at a time: this runs on every view that reaches the matcher.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  uint64_t non_ascii = 0, upper = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, text.data() + i, 8);
    non_ascii |= v & kHigh;
    // Per byte below 0x80 (so no carry crosses bytes): the high bit of
    // x + 0x3F is set from 'A' (0x41) up, that of x + 0x25 from '[' (0x5B) up.
    const uint64_t x = v & ~kHigh;
    upper |= (x + 0x3F * kOnes) & ~(x + 0x25 * kOnes) & ~v & kHigh;
    if (upper != 0 && stop_at_upper) return Bytes{true, non_ascii != 0};
  }
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      upper = 1;
      if (stop_at_upper) break;
    }
    if (c >= 0x80) non_ascii = 1;
  }
  return Bytes{upper != 0, non_ascii != 0};
}

}  // namespace

bool CaseFreeText(std::string_view text) {
  const Bytes b = ReadBytes(text, true);
  if (b.upper) return false;
  return !b.non_ascii || !HasAsciiFoldingChars(text);
}

bool CaseFreeText(std::string_view text, bool* ascii) {
  const Bytes b = ReadBytes(text, false);
  *ascii = !b.non_ascii;
  if (b.upper) return false;
  return !b.non_ascii || !HasAsciiFoldingChars(text);
}

}  // namespace kg
