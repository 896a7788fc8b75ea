// Sixteen bytes at a time are classed (letter or digit or not) into a bit
// mask, gathered into 64-bit words: a word starts at a set bit whose
// predecessor is clear and ends at the next clear bit, so starts and ends come
// from shifts and masks and stepping to the next word costs a few bit
// operations, not a test per byte. The scan stops at `end` but may load up to
// fifteen bytes past it while they are inside the text, masking them off.
#include "extract/mention_words.h"

#include <algorithm>

#include "extract/ascii.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {
namespace {

#if defined(__SSE2__)
// Bit i: p[i] is a letter or digit, for the sixteen bytes from p.
inline uint32_t AlnumMask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Bytes in [lo, hi]: adding 0x80 - lo moves that range to the lowest
  // signed bytes (and every other byte above it), so one compare tells.
  auto in = [](__m128i x, char lo, char hi) {
    const __m128i moved = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo + 1))));
  };
  // Setting bit 5 maps A-Z onto a-z and no other byte into that range.
  const __m128i alpha = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, in(v, '0', '9'))));
}
#endif

// Bit i: text[at + i] is a letter or digit, for i < n <= 16; sixteen bytes
// read at once where the text has them (bytes past n are then masked off).
uint32_t AlnumMask(std::string_view text, size_t at, size_t n) {
#if defined(__SSE2__)
  if (at + 16 <= text.size()) {
    const uint32_t keep = n < 16 ? (uint32_t{1} << n) - 1 : 0xFFFF;
    return AlnumMask16(text.data() + at) & keep;
  }
#endif
  uint32_t mask = 0;
  for (size_t i = 0; i < n; ++i) mask |= uint32_t{ascii::Alnum(text[at + i])} << i;
  return mask;
}

}  // namespace

void WordScan::Scan(std::string_view text, size_t begin, size_t end) {
  begin_ = begin;
  end_ = end;
  const size_t n = end - begin;
  words_ = n / 64 + 1;
  // One 64-bit word more than the bytes need, and clear: EndsAfter and RunEnd
  // read past the last byte's. Both only grow, so most sentences resize nothing.
  if (alnum_.size() < words_ + 1) {
    alnum_.resize(words_ + 1);
    starts_.resize(words_ + 1);
  }
  alnum_[words_] = 0;
  uint64_t carry = 0;  // the previous 64-bit word's last bit
  auto put = [&](size_t w, uint64_t alnum) {
    alnum_[w] = alnum;
    starts_[w] = alnum & ~(alnum << 1 | carry);
    carry = alnum >> 63;
  };
  const char* p = text.data() + begin;
  size_t w = 0;
#if defined(__SSE2__)
  // Whole 64-byte stretches of the sentence first: four loads, no bounds.
  for (; (w + 1) * 64 <= n; ++w, p += 64) {
    put(w, uint64_t{AlnumMask16(p)} | uint64_t{AlnumMask16(p + 16)} << 16 |
               uint64_t{AlnumMask16(p + 32)} << 32 | uint64_t{AlnumMask16(p + 48)} << 48);
  }
  // The last word's whole sixteen-byte blocks, then the bytes after them.
  const size_t rest = n - w * 64;  // < 64
  uint64_t alnum = 0;
  size_t k = 0;
  for (; k + 16 <= rest; k += 16) alnum |= uint64_t{AlnumMask16(p + k)} << k;
  if (k < rest) alnum |= uint64_t{AlnumMask(text, begin + w * 64 + k, rest - k)} << k;
  put(w, alnum);
#else
  for (; w < words_; ++w) {
    uint64_t alnum = 0;
    for (size_t k = 0; k < 64 && w * 64 + k < n; k += 16) {
      const size_t at = w * 64 + k;
      alnum |= uint64_t{AlnumMask(text, begin + at, std::min<size_t>(16, n - at))} << k;
    }
    put(w, alnum);
  }
#endif
}

void WordScan::CountWords(std::string_view text, int* letter_words, int* capitals) const {
  int letters = 0, upper = 0;
  for (size_t pos = NextStart(begin_); pos < end_; pos = NextStart(pos + 1)) {
    letters += ascii::Alpha(text[pos]) ? 1 : 0;
    upper += ascii::Upper(text[pos]) ? 1 : 0;
  }
  *letter_words = letters;
  *capitals = upper;
}

}  // namespace kg
