// FindTenseWindow: the bytes that can bound a window ('\n', '.', '?', '!')
// are found by 16-byte compares where the text has the bytes, then each is
// judged as the byte-at-a-time reading judged it.
#include "extract/time/tense_window.h"

#include <cctype>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::timex {
namespace {

bool IsStop(char c) { return c == '\n' || c == '.' || c == '?' || c == '!'; }

// Bit i: text[at + i] is a line break, '.', '?' or '!' (16 bytes from at).
#if defined(__SSE2__)
uint32_t StopMask(const char* at) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i stops = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
  return static_cast<uint32_t>(_mm_movemask_epi8(stops));
}
#else
uint32_t StopMask(const char* at) {
  uint32_t mask = 0;
  for (int i = 0; i < 16; ++i) mask |= uint32_t{IsStop(at[i])} << i;
  return mask;
}
#endif

// Whether the window before an expression at `begin` ends after text[i - 1]
// (a stop byte, from < i <= begin).
bool EndsBefore(std::string_view text, size_t begin, size_t i) {
  const char c = text[i - 1];
  return c == '\n' || (i < begin && text[i] == ' ' && i >= 3 &&
                       std::islower(static_cast<unsigned char>(text[i - 2])) &&
                       std::islower(static_cast<unsigned char>(text[i - 3])));
}

}  // namespace

TenseWindow FindTenseWindow(std::string_view text, size_t begin, size_t end, size_t window) {
  TenseWindow w;
  w.from = begin > window ? begin - window : 0;
  // Before: the stop bytes text[i - 1] for i from begin down to from + 1, the
  // nearest first.
  size_t i = begin;
  bool found = false;
  while (!found && i > w.from) {
    if (i - w.from >= 16) {
      uint32_t stops = StopMask(text.data() + i - 16);
      while (stops != 0) {
        const int top = 31 - __builtin_clz(stops);
        stops &= ~(uint32_t{1} << top);
        const size_t at = i - 16 + static_cast<size_t>(top) + 1;
        if (EndsBefore(text, begin, at)) {
          w.from = at;
          found = true;
          break;
        }
      }
      i -= 16;
    } else {
      if (IsStop(text[i - 1]) && EndsBefore(text, begin, i)) {
        w.from = i;
        found = true;
      }
      --i;
    }
  }
  // After: the first stop byte.
  w.to = end + window < text.size() ? end + window : text.size();
  size_t k = end;
  for (; k + 16 <= w.to; k += 16) {
    if (const uint32_t stops = StopMask(text.data() + k); stops != 0) {
      w.to = k + static_cast<size_t>(__builtin_ctz(stops));
      return w;
    }
  }
  for (; k < w.to; ++k) {
    if (IsStop(text[k])) {
      w.to = k;
      break;
    }
  }
  return w;
}

}  // namespace kg::timex
