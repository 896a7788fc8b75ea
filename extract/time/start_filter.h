// StartFilter: where in a text a match of a regex can begin, judged from the
// bytes there. It is read from the regex's source (RE2 syntax) as the set of
// byte strings, lower-cased, that every match begins with (letters without
// case, digits and white space each as one class), each kept through its
// first word and the start of its second (kMaxDepth bytes at most); what it does
// not model (`.`, negated classes, \pN, non-ASCII bytes, ...) leaves that
// string open, so the filter never rejects a position where RE2 would match.
// Internal to kg_time; immutable once built.
#ifndef KG_EXTRACT_TIME_START_FILTER_H_
#define KG_EXTRACT_TIME_START_FILTER_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kg::timex {

class StartFilter {
 public:
  // The longest string kept; past it anything may follow.
  static constexpr size_t kMaxDepth = 24;

  // The filter of `regex` as compiled case-insensitively; nullopt when every
  // position would pass (the regex can match empty text or begins with
  // something not modelled) or the prefix set grows too large even when
  // cut at a few bytes.
  static std::optional<StartFilter> FromRegex(std::string_view regex);

  // Whether every match begins at a word boundary as RE2's \b sees it (the
  // regex opens with \b): at the searched text's start, or between a word
  // byte ([0-9A-Za-z_]) and another byte.
  bool at_word_boundaries() const { return at_word_boundaries_; }

  // Whether some match begins with the (folded) byte c: white space is ' ',
  // digits '0', letters lower case.
  bool MayBeginWith(unsigned char folded) const { return first_live_[folded]; }

  // Whether a match may begin at text[pos] (pos < text.size()).
  bool MayStartAt(std::string_view text, size_t pos) const {
    const unsigned char c = kFold[static_cast<unsigned char>(text[pos])];
    // Most bytes between words begin nothing: one test says so.
    if (!first_live_[c]) return false;
    if (pos + 1 == text.size()) return first_accept_[c];
    const size_t two =
        static_cast<size_t>(c) << 8 | kFold[static_cast<unsigned char>(text[pos + 1])];
    const PairVerdict verdict = pair_verdicts_[two];
    if (verdict != PairVerdict::kDeeper) return verdict == PairVerdict::kYes;
    if (pos + 3 > text.size()) return false;
    const size_t three = two << 8 | kFold[static_cast<unsigned char>(text[pos + 2])];
    const size_t three_bit = ThirdBit(three);
    if (!third_live_[three_bit]) return false;
    // Most beginnings that get this far go on as no string does by the
    // fifth byte ("the company"); unless a string may end sooner, one more
    // bit says so without the walk.
    if (!ends_early_[three_bit] && pos + 5 <= text.size()) {
      const uint64_t five = uint64_t{three} << 16 |
                            uint64_t{kFold[static_cast<unsigned char>(text[pos + 3])]} << 8 |
                            kFold[static_cast<unsigned char>(text[pos + 4])];
      if (!fifth_live_[FifthBit(five)]) return false;
    }
    return Deeper(text, pos);
  }

 private:
  StartFilter() = default;
  // From the third byte on, once the first two lead on.
  bool Deeper(std::string_view text, size_t pos) const;

  static const std::array<unsigned char, 256> kFold;
  bool at_word_boundaries_ = false;
  // The strings as a trie over folded bytes. Length 1, the test that decides
  // most positions, is a bit table: whether a string ends there (accept) or
  // goes on (live); length 2 is pair_verdicts_ below.
  std::array<bool, 256> first_accept_{};
  std::array<bool, 256> first_live_{};
  // Whether a string of three bytes or more begins with these three, hashed
  // to a bit (a bit shared by two prefixes only lets more through): most
  // positions the first two bytes let through end here, without a lookup.
  static size_t ThirdBit(size_t three) { return static_cast<uint32_t>(three * 0x9E3779B1u) >> 16; }
  std::bitset<1 << 16> third_live_;
  // The same hash of three bytes: whether a string of three or four bytes
  // begins with them (then the fifth byte cannot rule a match out).
  std::bitset<1 << 16> ends_early_;
  // Whether a string of five bytes or more begins with these five, hashed to
  // a bit as the three are.
  static size_t FifthBit(uint64_t five) {
    return static_cast<uint32_t>((five * 0x9E3779B97F4A7C15ull) >> 32) >> 15;
  }
  std::bitset<1 << 17> fifth_live_;
  // What the first two bytes alone say: a string ends within them (yes),
  // one goes on (look deeper), or none begins so (no). The scan asks at
  // every word start, and one lookup costs less than a test per length.
  enum class PairVerdict : uint8_t { kNo, kYes, kDeeper };
  std::array<PairVerdict, 1 << 16> pair_verdicts_{};
  // Longer strings: (node, byte) -> the next node << 1 | whether a string
  // ends there, 0 if none goes on with that byte; a two-byte prefix is the
  // node numbered by its bytes. Open addressing, since these lookups run at
  // every position the bit tables let through.
  class NodeMap {
   public:
    static uint64_t Key(uint32_t node, unsigned char byte) {
      return uint64_t{1} << 40 | uint64_t{node} << 8 | byte;  // never 0, the empty slot
    }
    uint32_t Find(uint64_t key) const {
      for (size_t i = Slot(key);; i = (i + 1) & mask_) {
        if (keys_[i] == key) return values_[i];
        if (keys_[i] == 0) return 0;
      }
    }
    // Room for `count` keys without growing; called on the empty map.
    void Reserve(size_t count);
    // The value at `key`, set to `value` first if the key is new.
    uint32_t* FindOrInsert(uint64_t key, uint32_t value, bool* inserted);

   private:
    size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
    std::vector<uint64_t> keys_ = std::vector<uint64_t>(16, 0);
    std::vector<uint32_t> values_ = std::vector<uint32_t>(16, 0);
    size_t mask_ = 15;
    int shift_ = 60;
    size_t size_ = 0;
  };
  NodeMap deeper_;
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_START_FILTER_H_
