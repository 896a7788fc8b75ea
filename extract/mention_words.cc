// Sixteen bytes at a time are classed (letter or digit or not, capital or
// not) into bit masks, gathered into 64-bit words: a word starts at a set bit
// whose predecessor is clear and ends at the next clear bit, so starts and
// ends come from shifts and masks and stepping to the next word costs a few bit
// operations, not a test per byte. Only the words that open with no capital
// are looked at one by one, for the opener table. Classing stops at its end
// but may load up to fifteen bytes past it while they are inside the text,
// masking them off.
//
// Read classes from a sentence's beginning to the text's end; a later
// sentence of the same text then differs from a scan of its own bytes only at
// its two ends (a word may start at its beginning mid-run; nothing counts
// from its end on), and Window patches those few 64-bit words.
#include "extract/mention_words.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>

#include "extract/ascii.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {
namespace {

// Bits i of the bytes text[at + i], for i < n <= 16.
struct Masks {
  uint32_t alnum = 0;  // a letter or digit
  uint32_t upper = 0;  // a capital
};

#if defined(__SSE2__)
// The masks of the sixteen bytes from p.
inline Masks Masks16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Bytes in [lo, hi]: adding 0x80 - lo moves that range to the lowest
  // signed bytes (and every other byte above it), so one compare tells.
  auto in = [](__m128i x, char lo, char hi) {
    const __m128i moved = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo + 1))));
  };
  // Setting bit 5 maps A-Z onto a-z and no other byte into that range.
  const __m128i alpha = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  return {static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, in(v, '0', '9')))),
          static_cast<uint32_t>(_mm_movemask_epi8(in(v, 'A', 'Z')))};
}
#endif

// The masks of text[at, at + n), n <= 16; sixteen bytes read at once where
// the text has them (bytes past n are then masked off).
Masks MasksOf(std::string_view text, size_t at, size_t n) {
#if defined(__SSE2__)
  if (at + 16 <= text.size()) {
    const uint32_t keep = n < 16 ? (uint32_t{1} << n) - 1 : 0xFFFF;
    const Masks m = Masks16(text.data() + at);
    return {m.alnum & keep, m.upper & keep};
  }
#endif
  Masks m;
  for (size_t i = 0; i < n; ++i) {
    m.alnum |= uint32_t{ascii::Alnum(text[at + i])} << i;
    m.upper |= uint32_t{ascii::Upper(text[at + i])} << i;
  }
  return m;
}

// text[0] | text[1] << 8, read as one 16-bit load where bytes are little-endian.
inline size_t Load2(const char* text) {
  uint16_t v;
  std::memcpy(&v, text, 2);
  if constexpr (std::endian::native == std::endian::big) v = static_cast<uint16_t>(v >> 8 | v << 8);
  return v;
}

}  // namespace

void WordScan::SetOpenerPairs(const uint8_t* pairs) {
  pairs_ = pairs;
  Forget();
}

void WordScan::Forget() {
  // The patched words are let go, not put back: the bits are classed again
  // before they are read (and this scan may have been moved, its old bits with it).
  patches_ = 0;
  data_ = nullptr;
}

inline bool WordScan::Opens(const char* text, size_t pos, size_t stop) const {
  if (ascii::Upper(text[pos])) return true;
  if (pairs_ == nullptr) return false;
  const size_t bit = (pos + 1 < stop ? size_t{static_cast<unsigned char>(text[pos + 1])} << 8 : 0) |
                     static_cast<unsigned char>(text[pos]);
  return pairs_[bit] != 0;
}

template <bool kNearStop>
uint64_t WordScan::LowerOpeners(const char* text, size_t at, uint64_t starts, size_t stop) const {
  if (pairs_ == nullptr) return 0;
  uint64_t openers = 0;
  for (; starts != 0; starts &= starts - 1) {
    const size_t i = static_cast<size_t>(std::countr_zero(starts));
    const size_t pos = at + i;
    // The table's index is the two bytes as one little-endian number: one load.
    const size_t bit =
        !kNearStop || pos + 1 < stop ? Load2(text + pos) : static_cast<unsigned char>(text[pos]);
    openers |= uint64_t{pairs_[bit]} << i;
  }
  return openers;
}

void WordScan::Classify(std::string_view text, size_t from, size_t to) {
  base_ = from;
  limit_ = to;
  const size_t n = to - from;
  const size_t words = n / 64 + 1;
  // One 64-bit word more than the bytes need, and clear: EndsAfter and RunEnd
  // read past the last byte's. They only grow, so most texts resize nothing.
  if (alnum_.size() < words + 1) {
    alnum_.resize(words + 1);
    starts_.resize(words + 1);
    openers_.resize(words + 1);
  }
  alnum_[words] = starts_[words] = openers_[words] = 0;
  uint64_t carry = 0;  // the previous 64-bit word's last bit
  const char* const data = text.data();
  // A word's openers read each start's successor byte: unchecked where the
  // word ends before the last byte.
  auto put = [&](size_t w, uint64_t alnum, uint64_t upper, auto near_stop) {
    alnum_[w] = alnum;
    const uint64_t starts = alnum & ~(alnum << 1 | carry);
    starts_[w] = starts;
    openers_[w] = (starts & upper) | LowerOpeners<decltype(near_stop)::value>(data, from + w * 64,
                                                                              starts & ~upper, to);
    carry = alnum >> 63;
  };
  const char* p = data + from;
  size_t w = 0;
#if defined(__SSE2__)
  // Whole 64-byte stretches first (but the last byte's): four loads, no bounds.
  for (; (w + 1) * 64 < n; ++w, p += 64) {
    const Masks a = Masks16(p), b = Masks16(p + 16), c = Masks16(p + 32), d = Masks16(p + 48);
    put(w,
        uint64_t{a.alnum} | uint64_t{b.alnum} << 16 | uint64_t{c.alnum} << 32 |
            uint64_t{d.alnum} << 48,
        uint64_t{a.upper} | uint64_t{b.upper} << 16 | uint64_t{c.upper} << 32 |
            uint64_t{d.upper} << 48,
        std::false_type{});
  }
  // The last word's whole sixteen-byte blocks, then the bytes after them.
  const size_t rest = n - w * 64;  // <= 64
  uint64_t alnum = 0, upper = 0;
  size_t k = 0;
  for (; k + 16 <= rest; k += 16) {
    const Masks m = Masks16(p + k);
    alnum |= uint64_t{m.alnum} << k;
    upper |= uint64_t{m.upper} << k;
  }
  if (k < rest) {
    const Masks m = MasksOf(text, from + w * 64 + k, rest - k);
    alnum |= uint64_t{m.alnum} << k;
    upper |= uint64_t{m.upper} << k;
  }
  put(w, alnum, upper, std::true_type{});
  if (rest == 64) alnum_[w + 1] = starts_[w + 1] = openers_[w + 1] = 0;  // past the bytes
#else
  for (; w < words; ++w) {
    uint64_t alnum = 0, upper = 0;
    for (size_t k = 0; k < 64 && w * 64 + k < n; k += 16) {
      const size_t at = w * 64 + k;
      const Masks m = MasksOf(text, from + at, std::min<size_t>(16, n - at));
      alnum |= uint64_t{m.alnum} << k;
      upper |= uint64_t{m.upper} << k;
    }
    put(w, alnum, upper, std::true_type{});
  }
#endif
}

void WordScan::Patch(Bits bits, size_t w, uint64_t value) {
  std::vector<uint64_t>& v = this->*bits;
  patched_[patches_++] = Patched{bits, w, v[w]};
  v[w] = value;
}

void WordScan::Restore() {
  // Last patched first: a word patched twice gets its first value back.
  while (patches_ > 0) {
    const Patched& p = patched_[--patches_];
    (this->*p.bits)[p.w] = p.before;
  }
}

void WordScan::PatchEnds(size_t begin, size_t end) {
  // A run goes on past the end where the end splits it.
  const size_t e = end - base_, we = e / 64;
  const uint64_t at_end = uint64_t{1} << (e % 64);
  if ((alnum_[we] & at_end) != 0) Patch(&WordScan::alnum_, we, alnum_[we] & (at_end - 1));
  if (begin == end) return;
  // A word starts at the beginning if a letter or digit is there, whatever
  // is before it; whether it opens a mention is then asked of its bytes.
  const size_t b = begin - base_, wb = b / 64;
  const uint64_t first = uint64_t{1} << (b % 64);
  if ((alnum_[wb] & first) != 0 && (starts_[wb] & first) == 0) {
    Patch(&WordScan::starts_, wb, starts_[wb] | first);
    SettleOpener(begin, end);
  }
  // The last byte's successor is none: a word of one byte there is asked again.
  if (StartsAt(end - 1)) SettleOpener(end - 1, end);
}

void WordScan::SettleOpener(size_t pos, size_t end) {
  const size_t off = pos - base_, w = off / 64;
  const uint64_t bit = uint64_t{1} << (off % 64);
  const uint64_t value = Opens(text_, pos, end) ? openers_[w] | bit : openers_[w] & ~bit;
  if (value != openers_[w]) Patch(&WordScan::openers_, w, value);
}

void WordScan::Scan(std::string_view text, size_t begin, size_t end) {
  Restore();
  Classify(text, begin, end);
  data_ = nullptr;  // bits of this stretch alone: no later Read may reuse them
  Window(text.data(), begin, end);
}

void WordScan::ClassifyRest(std::string_view text, size_t begin) {
  Classify(text, begin, text.size());
  data_ = text.data();
  size_ = text.size();
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
