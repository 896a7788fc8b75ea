// StartFilter: where in a text a match of a regex can begin, judged from the
// first few bytes there. It is read from the regex's source (RE2 syntax) as
// the set of byte strings, up to kDepth bytes and lower-cased, that every
// match begins with (letters without case, digits and white space each as
// one class); what it does not model (`.`, negated classes, \pN,
// non-ASCII bytes, ...) leaves that string open, so the filter never rejects
// a position where RE2 would match. Internal to kg_time; immutable once built.
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
  static constexpr size_t kDepth = 5;

  // The filter of `regex` as compiled case-insensitively; nullopt when every
  // position would pass (the regex can match empty text or begins with
  // something not modelled) or the prefix set grows too large.
  static std::optional<StartFilter> FromRegex(std::string_view regex);

  // Whether a match may begin at text[pos] (pos < text.size()).
  bool MayStartAt(std::string_view text, size_t pos) const {
    const unsigned char c = kFold[static_cast<unsigned char>(text[pos])];
    if (!first_live_[c]) return false;
    if (first_accept_[c]) return true;
    if (pos + 2 > text.size()) return false;
    const size_t two =
        static_cast<size_t>(c) << 8 | kFold[static_cast<unsigned char>(text[pos + 1])];
    if (second_accept_[two]) return true;
    return second_live_[two] && Deeper(text, pos);
  }

 private:
  StartFilter() = default;
  // Lengths 3 to kDepth, once the first two bytes lead on.
  bool Deeper(std::string_view text, size_t pos) const;

  static const std::array<unsigned char, 256> kFold;
  // Per length L (index L-1): the L-byte strings that are a whole prefix
  // (accept) and those that lead on to longer prefixes (live), as packed
  // keys. Lengths 1 and 2, the tests that decide most positions, also as
  // bit tables.
  std::array<bool, 256> first_accept_{};
  std::array<bool, 256> first_live_{};
  std::bitset<1 << 16> second_accept_;
  std::bitset<1 << 16> second_live_;
  // Longer strings: keys carry their length; open addressing, since these
  // lookups run at every position the bit tables let through.
  class KeySet {
   public:
    void Insert(uint64_t key);
    bool Contains(uint64_t key) const {
      for (size_t i = Slot(key);; i = (i + 1) & mask_) {
        if (slots_[i] == key) return true;
        if (slots_[i] == 0) return false;
      }
    }

   private:
    size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
    std::vector<uint64_t> slots_ = std::vector<uint64_t>(16, 0);
    size_t mask_ = 15;
    int shift_ = 60;
    size_t size_ = 0;
  };
  KeySet accept_;
  KeySet live_;
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_START_FILTER_H_
