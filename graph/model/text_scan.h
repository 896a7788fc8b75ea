// Word-at-a-time scans of text bytes: UTF-8 sequences, and JSON string
// contents read and written the way nlohmann::json does (escapes \" \\ \b \f
// \n \r \t, \u00XX for other control bytes, bytes >= 0x80 as they are). The
// fact writer and the document readers spend most of their time on long
// plain runs of text, which these pass over eight bytes at a time and copy
// whole.
#ifndef KG_GRAPH_MODEL_TEXT_SCAN_H_
#define KG_GRAPH_MODEL_TEXT_SCAN_H_

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::text_scan {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Nonzero when some byte of `w` is 0 (exact as a yes/no; which byte is not said).
inline uint64_t HasZeroByte(uint64_t w) { return (w - kOnes) & ~w & kHighs; }

// Nonzero when some byte of `w` is `b`.
inline uint64_t HasByte(uint64_t w, unsigned char b) { return HasZeroByte(w ^ (kOnes * b)); }

// Nonzero when some byte of `w` is below 0x20 (exact as a yes/no).
inline uint64_t HasControlByte(uint64_t w) { return (w - kOnes * 0x20) & ~w & kHighs; }

// Nonzero when some byte of `w` must be escaped in a JSON string.
inline uint64_t HasJsonSpecial(uint64_t w) {
  return HasControlByte(w) | HasByte(w, '"') | HasByte(w, '\\');
}

inline bool IsJsonSpecial(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Length of the valid UTF-8 sequence at s[p], or 0 when it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
inline size_t Utf8SequenceLength(std::string_view s, size_t p) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t b0 = byte(p);
  if (b0 < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (p + n > s.size()) return 0;
  if (byte(p + 1) < lo || byte(p + 1) > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((byte(p + i) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// The bit masks above are exact in their lowest set bit (a false hit comes
// only from the borrow of a true hit below it), so the first hit of a word is
// found by counting trailing zeros.
inline size_t FirstHit(uint64_t mask) { return static_cast<size_t>(__builtin_ctzll(mask)) >> 3; }

// Index of the first byte of s[from..] that a JSON string escapes, or (with
// `stop_at_high`) that is >= 0x80; s.size() when there is none.
inline size_t FindJsonStop(std::string_view s, size_t from, bool stop_at_high) {
  const char* const p = s.data();
  const size_t n = s.size();
  const uint64_t high = stop_at_high ? kHighs : 0;
  size_t i = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);
    const __m128i special =
        _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (stop_at_high) mask |= static_cast<unsigned>(_mm_movemask_epi8(v));
    if (mask) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = Load8(p + i);
    if (const uint64_t hits = HasJsonSpecial(w) | (w & high)) return i + FirstHit(hits);
  }
  if (i == n) return n;
  if (n >= 8) {
    // The last eight bytes, those already passed overwritten with a plain
    // byte (a hit among them could make a false one above): no byte loop for
    // the tail.
    const uint64_t keep = ~0ull << (8 * (8 - (n - i)));
    const uint64_t w = (Load8(p + n - 8) & keep) | (kOnes * 'x' & ~keep);
    const uint64_t hits = HasJsonSpecial(w) | (w & high);
    return hits ? n - 8 + FirstHit(hits) : n;
  }
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (IsJsonSpecial(c) || (stop_at_high && c >= 0x80)) return i;
  }
  return n;
}

// Length of the longest prefix of `s` without a byte a JSON string escapes.
inline size_t JsonPlainPrefix(std::string_view s) { return FindJsonStop(s, 0, false); }

// Whether some byte of `s` is >= 0x80: text without one is valid UTF-8 as
// soon as it has no NUL. Sixty-four bytes a step, one OR of four blocks.
inline bool HasHighByte(std::string_view s) {
  const char* const p = s.data();
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  const auto load = [p](size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
  };
  for (; i + 64 <= n; i += 64) {
    const __m128i any =
        _mm_or_si128(_mm_or_si128(load(i), load(i + 16)), _mm_or_si128(load(i + 32), load(i + 48)));
    if (_mm_movemask_epi8(any)) return true;
  }
#endif
  uint64_t high = 0;
  for (; i + 8 <= n; i += 8) high |= Load8(p + i);
  for (; i < n; ++i) high |= static_cast<unsigned char>(p[i]);
  return (high & kHighs) != 0;
}

// Index of the first byte of s[from..] that is NUL or >= 0x80, or s.size():
// where a UTF-8 check has something to look at.
inline size_t FindNulOrHigh(std::string_view s, size_t from) {
  const char* const p = s.data();
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  // Sixty-four bytes a step while there is nothing to see (a byte >= 0x80 is
  // one with its top bit set, a NUL one whose minimum is 0), then sixteen to
  // say where the hit is.
  const auto load = [p](size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
  };
  for (; i + 64 <= n; i += 64) {
    const __m128i a = load(i), b = load(i + 16), c = load(i + 32), d = load(i + 48);
    const __m128i any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
    const __m128i least = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
    if (_mm_movemask_epi8(any) | _mm_movemask_epi8(_mm_cmpeq_epi8(least, _mm_setzero_si128()))) {
      break;
    }
  }
  for (; i + 16 <= n; i += 16) {
    const __m128i v = load(i);
    const unsigned mask =
        static_cast<unsigned>(_mm_movemask_epi8(v)) |
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
    if (mask) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = Load8(p + i);
    if (const uint64_t hits = (w & kHighs) | HasZeroByte(w)) return i + FirstHit(hits);
  }
  while (i < n && p[i] != '\0' && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

// Index of the first byte of s[from..] that is one of kBytes (a handful), or
// s.size().
template <unsigned char... kBytes>
inline size_t FindAnyOf(std::string_view s, size_t from) {
  const char* const p = s.data();
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hits = (_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(kBytes))) | ...);
    if (const int mask = _mm_movemask_epi8(hits)) {
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = Load8(p + i);
    if (const uint64_t hits = (HasByte(w, kBytes) | ...)) return i + FirstHit(hits);
  }
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (((c == kBytes) || ...)) return i;
  }
  return n;
}

// Whether the `n` bytes at `p` need nothing of WriteJsonString but quotes: no
// byte a JSON string escapes, none >= 0x80 (which it would check as UTF-8).
// Reads up to 15 bytes past p + n, which must be readable: for text already
// copied into a buffer with that much room after it, where most strings (ids,
// names, types) are one 16-byte test.
inline bool IsPlainJsonPadded(const char* p, size_t n) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (size_t i = 0; i < n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);
    const __m128i special =
        _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special) | _mm_movemask_epi8(v));
    if (n - i < 16) mask &= (1u << (n - i)) - 1;
    if (mask) return false;
  }
  return true;
#else
  return FindJsonStop(std::string_view(p, n), 0, true) == n;
#endif
}

// The most bytes WriteJsonString writes for `s`.
inline size_t MaxJsonStringSize(std::string_view s) { return 6 * s.size() + 2; }

// Writes the escape of byte `c` (one IsJsonSpecial) at `out`; returns its end.
inline char* WriteJsonEscape(unsigned char c, char* out) {
  *out++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *out++ = static_cast<char>(c);
      break;
    case '\b':
      *out++ = 'b';
      break;
    case '\f':
      *out++ = 'f';
      break;
    case '\n':
      *out++ = 'n';
      break;
    case '\r':
      *out++ = 'r';
      break;
    case '\t':
      *out++ = 't';
      break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      *out++ = 'u';
      *out++ = '0';
      *out++ = '0';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xF];
    }
  }
  return out;
}

// Writes `s` as a quoted JSON string at `out`, which has room for
// MaxJsonStringSize(s) bytes; returns the end of what was written, or
// nullptr when `s` is not valid UTF-8.
inline char* WriteJsonString(std::string_view s, char* out) {
  *out++ = '"';
  size_t run = 0;  // bytes [run, p) are copied as they are
  size_t p = 0;
  while ((p = FindJsonStop(s, p, true)) < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[p]);
    if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(s, p);
      if (n == 0) return nullptr;
      p += n;
      continue;
    }
    std::memcpy(out, s.data() + run, p - run);
    out = WriteJsonEscape(c, out + (p - run));
    run = ++p;
  }
  std::memcpy(out, s.data() + run, s.size() - run);
  out += s.size() - run;
  *out++ = '"';
  return out;
}

}  // namespace kg::text_scan

#endif  // KG_GRAPH_MODEL_TEXT_SCAN_H_
