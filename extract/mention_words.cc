// Sixteen bytes at a time are classed (letter or digit, capital, digit) into
// bit masks, gathered into 64-bit words: a word starts at a set alphanumeric
// bit whose predecessor is clear and ends at the next clear bit, so starts and
// ends come from shifts and masks and each word costs a few bit operations,
// not a test per byte. The scan stops at `end` but may load up to fifteen
// bytes past it while they are inside the text, masking them off.
#include "extract/mention_words.h"

#include <algorithm>
#include <bit>

#include "extract/ascii.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {
namespace {

// Bit i of each: text[i] is a letter or digit, a capital, a digit.
struct Masks {
  uint32_t alnum = 0, upper = 0, digit = 0;
};

// The masks of text[0, n), n <= 16, a byte at a time.
Masks ClassifyBytes(const char* text, size_t n) {
  Masks m;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t c = ascii::Class(text[i]);
    m.alnum |= uint32_t{c != 0} << i;
    m.upper |= uint32_t{c == ascii::kUpper} << i;
    m.digit |= uint32_t{c == ascii::kDigit} << i;
  }
  return m;
}

// The masks of text[at, at + n), n <= 16, reading sixteen bytes at once where
// the text has them (bytes past n are then masked off).
Masks Classify(std::string_view text, size_t at, size_t n) {
#if defined(__SSE2__)
  if (at + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    // Bytes in [lo, hi]; bytes from 0x80 compare as negative, below any ASCII bound.
    auto in = [](__m128i x, char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    const __m128i digit = in(v, '0', '9');
    // Setting bit 5 maps A-Z onto a-z and no other byte into that range.
    const __m128i alpha = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
    const uint32_t keep = n < 16 ? (uint32_t{1} << n) - 1 : 0xFFFF;
    return Masks{static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit))) & keep,
                 static_cast<uint32_t>(_mm_movemask_epi8(in(v, 'A', 'Z'))) & keep,
                 static_cast<uint32_t>(_mm_movemask_epi8(digit)) & keep};
  }
#endif
  return ClassifyBytes(text.data() + at, n);
}

// std::popcount without a POPCNT instruction is a library call; this is a dozen operations.
int Popcount(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555u;
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<int>((x * 0x0101010101010101u) >> 56);
}

}  // namespace

void WordScan::Scan(std::string_view text, size_t begin, size_t end) {
  begin_ = begin;
  end_ = end;
  const size_t n = end - begin;
  // Room for every word n bytes can hold, and for one 64-bit word more than
  // the bytes need: EndsAfter reads past the last byte's, and bit n (the end)
  // must be there and clear. Both only grow, so most sentences resize nothing.
  if (words_.size() < n / 2 + 1) words_.resize(n / 2 + 1);
  if (bits_.size() < n / 64 + 2) bits_.resize(n / 64 + 2);
  bits_[n / 64 + 1] = 0;
  Word* const words = words_.data();
  size_t count = 0, open = 0;  // words[open, count) wait for their end
  int letter_words = 0, capitals = 0;
  uint64_t carry = 0;  // the previous 64-bit word's last alphanumeric bit
  for (size_t w = 0; w * 64 <= n; ++w) {
    uint64_t alnum = 0, upper = 0, digit = 0;
    for (size_t k = 0; k < 64 && w * 64 + k < n; k += 16) {
      const size_t at = w * 64 + k;
      const Masks m = Classify(text, begin + at, std::min<size_t>(16, n - at));
      alnum |= uint64_t{m.alnum} << k;
      upper |= uint64_t{m.upper} << k;
      digit |= uint64_t{m.digit} << k;
    }
    bits_[w] = alnum;
    const uint64_t before = alnum << 1 | carry;  // bit i: byte i - 1 is alphanumeric
    carry = alnum >> 63;
    const uint64_t starts = alnum & ~before;
    letter_words += Popcount(starts & ~digit);
    capitals += Popcount(starts & upper);
    const size_t base = begin + w * 64;
    for (uint64_t bits = starts; bits != 0; bits &= bits - 1) {
      words[count++].begin = base + std::countr_zero(bits);
    }
    // A word's end comes after its start, so the k-th end closes the k-th open word.
    for (uint64_t bits = ~alnum & before; bits != 0; bits &= bits - 1) {
      words[open++].end = base + std::countr_zero(bits);
    }
  }
  count_ = count;
  letter_words_ = letter_words;
  capitals_ = capitals;
}

}  // namespace kg
