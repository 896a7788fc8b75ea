// PrefixCut: where ReadRegexPrefixes (regex_prefixes.h) cuts the strings a
// regex can begin with. A string is kept through its first word (up to
// kMaxFirstWord bytes), the gap after it (up to kMaxGap) and the first
// kMaxSecondWord bytes of the second word, or to the byte after a shorter one,
// and never past `max_depth` bytes. Reading the rules' combined pattern asks
// this of every pair of strings a sequence joins, so a byte costs a table
// load and two counts. Internal to kg_time.
#ifndef KG_EXTRACT_TIME_PREFIX_CUT_H_
#define KG_EXTRACT_TIME_PREFIX_CUT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/ascii.h"

namespace kg::timex {

class PrefixCut {
 public:
  // A match's first word rarely decides it ("the" begins "the past year",
  // but most of its occurrences begin nothing); the start of its second
  // usually does ("the pa" against "the co"). Longer second words cost
  // start-up time and filter little more. Any cut keeps a prefix, so it only
  // decides how sharp the filter is.
  static constexpr size_t kMaxFirstWord = 16;
  static constexpr size_t kMaxGap = 3;
  static constexpr size_t kMaxSecondWord = 4;

  // max_depth: the longest string kept (at least 1).
  explicit PrefixCut(size_t max_depth) : depth_left_(max_depth) {}

  // Whether the bytes read so far end where the cut goes.
  bool full() const { return full_; }

  // Reads `s` on from the bytes read so far: how many of its bytes come
  // before the cut, or npos if it ends first.
  size_t Read(std::string_view s) {
    if (full_) return s.empty() ? std::string_view::npos : 0;
    for (size_t i = 0; i < s.size(); ++i) {
      Step(static_cast<unsigned char>(s[i]));
      if (full_) return i + 1 < s.size() ? i + 1 : std::string_view::npos;
    }
    return std::string_view::npos;
  }

 private:
  // The first word and the second are runs of word bytes, the gap a run of
  // others; a byte of the class the current phase expects extends it, any
  // other begins the next phase (and after the second word, is the last
  // byte kept).
  enum Phase : uint8_t { kFirstWord, kGap, kSecondWord };

  // ascii::Alnum as bools: read for every byte of the rules' strings, where a
  // load of the answer itself is measurably cheaper than testing a class.
  static constexpr std::array<bool, 256> kWordByte = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = ascii::kClasses[c] != 0;
    return t;
  }();

  void Step(unsigned char c) {
    const bool word = kWordByte[c];
    if (word == (phase_ != kGap)) {
      if (--phase_left_ == 0) full_ = true;
    } else if (phase_ == kSecondWord) {
      full_ = true;
    } else {
      phase_ = phase_ == kFirstWord ? kGap : kSecondWord;
      phase_left_ = (phase_ == kGap ? kMaxGap : kMaxSecondWord) - 1;
      if (phase_left_ == 0) full_ = true;
    }
    if (--depth_left_ == 0) full_ = true;
  }

  size_t depth_left_;                  // bytes until max_depth
  size_t phase_left_ = kMaxFirstWord;  // bytes until the current phase's cap
  Phase phase_ = kFirstWord;
  bool full_ = false;  // the next byte is cut off
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_PREFIX_CUT_H_
