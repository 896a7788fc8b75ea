// ExtentMemo: the time scanner's anchored matches, remembered per thread by
// the bytes that decide them. Where the start filter bounds a match's length
// (StartFilter::ReachAt: no rule goes on as "2019. " or "yesterday." does),
// the match at a position depends only on those bytes and the byte before
// them, and a few such keys begin half of all hits (157 distinct keys for
// 24,774 scanner calls on 10 MB of generated news), so an RE2 call (~700
// instructions, most of them fixed cost) is made once per key instead of
// once per hit. Where the filter cannot bound the match ("last summ", cut in
// its second word) the memo says so, sparing the filter's walk before the
// RE2 call.
//
// A key's length is not known before its bytes are walked, so the memo keeps,
// per first bytes, the lengths its keys have had, and tries the exact key of
// each (keys of one position never are beginnings of one another: the walk
// that made each stopped at its last byte). Per thread, so lookups take no
// lock; fixed tables where a new key replaces the one in its slot, so it
// never allocates. Internal to kg_time.
#ifndef KG_EXTRACT_TIME_EXTENT_MEMO_H_
#define KG_EXTRACT_TIME_EXTENT_MEMO_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "extract/ascii.h"

namespace kg::timex {

class ExtentMemo {
 public:
  // Keys longer than this are not remembered.
  static constexpr size_t kMaxBytes = 16;
  // What Find says besides a match's length.
  static constexpr int kNoMatch = -1;  // the scanner matches nothing there
  static constexpr int kOpen = -2;     // the filter does not bound the match there
  static constexpr int kUnknown = -3;  // not remembered

  // The calling thread's memo for the rules numbered `rules_id` (each loaded
  // rule set has its own number); emptied when the thread last used others.
  static ExtentMemo& ForThread(uint64_t rules_id);

  // What is remembered for the position `pos` of `text`, keys read no further
  // than `end`: a length, kNoMatch, kOpen or kUnknown.
  int Find(std::string_view text, size_t pos, size_t end) const {
    const int before = Before(text, pos);
    uint32_t lengths = hints_[HintOf(text, pos, end, before)];
    while (lengths != 0) {
      const size_t size = static_cast<size_t>(__builtin_ctz(lengths)) + 1;
      lengths &= lengths - 1;
      if (pos + size > end) break;
      const std::string_view key = text.substr(pos, size);
      const Entry& e = entries_[SlotOf(key, before)];
      if (e.size == size && e.before == before && ascii::SameBytes(e.Key(), key)) return e.value;
    }
    return kUnknown;
  }

  // Remembers `value` (a length, kNoMatch or kOpen) for the position `pos`,
  // keyed by text[pos, pos + size) and the byte before; end as for Find.
  // 0 < size <= kMaxBytes, pos + size <= end.
  void Put(std::string_view text, size_t pos, size_t end, size_t size, int value) {
    const int before = Before(text, pos);
    hints_[HintOf(text, pos, end, before)] |= uint16_t{1} << (size - 1);
    const std::string_view key = text.substr(pos, size);
    Entry& e = entries_[SlotOf(key, before)];
    e.before = static_cast<int16_t>(before);
    e.size = static_cast<uint8_t>(size);
    e.value = static_cast<int8_t>(value);
    std::memcpy(e.bytes, key.data(), size);
  }

 private:
  static constexpr size_t kHints = 4096;
  static constexpr size_t kEntries = 2048;
  static constexpr size_t kHintBytes = 4;
  struct Entry {
    int16_t before = 0;
    uint8_t size = 0;  // 0: empty (no key is empty)
    int8_t value = 0;
    char bytes[kMaxBytes];
    std::string_view Key() const { return std::string_view(bytes, size); }
  };

  static int Before(std::string_view text, size_t pos) {
    return pos > 0 ? static_cast<unsigned char>(text[pos - 1]) : -1;
  }
  // The top bits of a product depend on every bit of the multiplicand.
  static constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  template <size_t kSlots>
  static size_t TopBits(uint64_t h) {
    return static_cast<size_t>((h * kMultiplier) >> (64 - std::countr_zero(kSlots)));
  }
  // The hint slot of a position: its byte before and first (up to)
  // kHintBytes bytes, which every key of at least that length begins with;
  // shorter keys are the bytes themselves, read the same way.
  static size_t HintOf(std::string_view text, size_t pos, size_t end, int before) {
    const size_t n = std::min(kHintBytes, end - pos);
    const uint64_t first = ascii::Load8(text.data() + pos, n);
    return TopBits<kHints>(first | static_cast<uint64_t>(before + 2) << 32 | uint64_t{n} << 48);
  }
  // The entry slot of a key: every byte of it and the byte before.
  static size_t SlotOf(std::string_view key, int before) {
    const size_t n = key.size();
    uint64_t h = (static_cast<uint64_t>(before + 2) << 8 | n) * kMultiplier;
    if (n > 8) {
      uint64_t word;
      std::memcpy(&word, key.data(), 8);
      h = (h ^ word) * kMultiplier;
      h ^= h >> 29;
      return TopBits<kEntries>(h ^ ascii::Load8(key.data() + 8, n - 8));
    }
    return TopBits<kEntries>(h ^ ascii::Load8(key.data(), n));
  }
  void Clear() {
    hints_.fill(0);
    entries_.fill(Entry());
  }

  uint64_t rules_id_ = 0;  // 0: no rules yet (numbers start at 1)
  std::array<uint16_t, kHints> hints_{};
  std::array<Entry, kEntries> entries_{};
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_EXTENT_MEMO_H_
