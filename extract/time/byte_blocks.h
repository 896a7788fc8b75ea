// Sixteen bytes of text classed at once (SSE2 where there is one, a byte at a
// time otherwise): which are ASCII letters or digits and which are white
// space. The time scanner uses the masks to try only the positions a hit can
// begin at, word starts and the bytes between words, without a test per byte.
// Internal to kg_time.
#ifndef KG_EXTRACT_TIME_BYTE_BLOCKS_H_
#define KG_EXTRACT_TIME_BYTE_BLOCKS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::timex {

struct BlockMasks {
  uint32_t word = 0;        // bit i: text[at + i] is in [0-9A-Za-z]
  uint32_t space = 0;       // bit i: text[at + i] is ' ', '\t', '\n', '\v', '\f' or '\r'
  uint32_t underscore = 0;  // bit i: text[at + i] is '_' (a word byte to RE2's \b)
};

// The masks of text[at, at + n), 0 < n <= 16 and at + n <= text.size(). Reads
// sixteen bytes at once only where the text has them.
inline BlockMasks ClassifyBlock(std::string_view text, size_t at, size_t n) {
  BlockMasks m;
#if defined(__SSE2__)
  if (at + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    // Bytes in [lo, hi]; bytes from 0x80 compare as negative, below any bound.
    auto in = [](__m128i x, char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    // Setting bit 5 maps A-Z onto a-z and no other byte into that range.
    const __m128i word =
        _mm_or_si128(in(v, '0', '9'), in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'));
    const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), in(v, '\t', '\r'));
    const uint32_t keep = n < 16 ? (uint32_t{1} << n) - 1 : 0xFFFF;
    m.word = static_cast<uint32_t>(_mm_movemask_epi8(word)) & keep;
    m.space = static_cast<uint32_t>(_mm_movemask_epi8(space)) & keep;
    m.underscore =
        static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')))) & keep;
    return m;
  }
#endif
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[at + i]);
    const unsigned char lower = c | 0x20;
    m.word |= uint32_t{(c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'z')} << i;
    m.space |= uint32_t{c == ' ' || (c >= '\t' && c <= '\r')} << i;
    m.underscore |= uint32_t{c == '_'} << i;
  }
  return m;
}

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_BYTE_BLOCKS_H_
