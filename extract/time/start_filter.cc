// StartFilter: where a match of a regex can begin, as tables over the
// strings ReadRegexPrefixes (regex_prefixes.h) reads from its source: bit
// tables for the first two bytes, and a trie in one open-addressed map for
// the bytes after them.
#include "extract/time/start_filter.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/time/regex_prefixes.h"

namespace kg::timex {
namespace {

// The string length tried when the strings up to kMaxDepth are too many.
constexpr size_t kFallbackDepth = 5;

// Which strings have been seen, for up to `count` non-empty strings that
// outlive it: an open-addressed table of views, hashed on the length and on
// the first, middle and last eight bytes (all of a string of up to 24, which
// the filter's are). A node-based set allocated a node per string.
class SeenStrings {
 public:
  explicit SeenStrings(size_t count) {
    size_t size = 16;
    while (size < 2 * count) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
  }
  // Whether `s` is new (then it is remembered).
  bool Insert(std::string_view s) {
    for (size_t i = Hash(s) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].data() == nullptr) {
        slots_[i] = s;
        return true;
      }
      if (slots_[i] == s) return false;
    }
  }

 private:
  static uint64_t Word(std::string_view s, size_t at, size_t n) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + at, n);
    return w;
  }
  static uint64_t Hash(std::string_view s) {
    const size_t n = std::min<size_t>(8, s.size());
    uint64_t h = s.size();
    for (const size_t at : {size_t{0}, (s.size() - n) / 2, s.size() - n}) {
      h = (h ^ Word(s, at, n)) * 0x9E3779B97F4A7C15ull;
      h ^= h >> 29;
    }
    return h;
  }

  std::vector<std::string_view> slots_;  // data() null: empty
  size_t mask_ = 0;
};

}  // namespace

const std::array<unsigned char, 256> StartFilter::kFold = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = FoldPrefixByte(static_cast<unsigned char>(c));
  return t;
}();

std::optional<StartFilter> StartFilter::FromRegex(std::string_view regex) {
  // Regexes with large vocabularies can have too many two-word beginnings;
  // their first few bytes may still say something.
  std::optional<RegexPrefixes> prefixes = ReadRegexPrefixes(regex, kMaxDepth, kFallbackDepth);
  if (!prefixes) return std::nullopt;
  StartFilter filter;
  // Nodes below 1 << 16 are the two-byte prefixes themselves (their bytes).
  uint32_t nodes = 1 << 16;
  // The last string walked into the trie and the node before each of its
  // bytes (path[n] before byte n, from n = 2): a string sharing its first
  // bytes goes on from there, since the strings come mostly in order and
  // share long beginnings, and their edges are all in the trie already.
  std::string_view walked;
  std::array<uint32_t, kMaxDepth + 1> path{};
  auto add = [&](std::string_view s) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    // A string that ends at the first or second byte answers yes for its
    // pairs, whatever longer strings say; one that goes on, "look deeper"
    // unless a shorter one said yes.
    PairVerdict* const row = &filter.pair_verdicts_[static_cast<size_t>(bytes[0]) << 8];
    filter.first_live_[bytes[0]] = true;
    if (s.size() == 1) {
      filter.first_accept_[bytes[0]] = true;
      std::fill(row, row + 256, PairVerdict::kYes);
      return;
    }
    const uint32_t two = bytes[0] << 8 | bytes[1];
    if (s.size() == 2) {
      row[bytes[1]] = PairVerdict::kYes;
      return;
    }
    if (row[bytes[1]] == PairVerdict::kNo) row[bytes[1]] = PairVerdict::kDeeper;
    const size_t three_bit = ThirdBit(static_cast<size_t>(two) << 8 | bytes[2]);
    filter.third_live_[three_bit] = true;
    if (s.size() <= 4) filter.ends_early_[three_bit] = true;
    if (s.size() >= 5) {
      const uint64_t five =
          uint64_t{two} << 24 | uint64_t{bytes[2]} << 16 | uint64_t{bytes[3]} << 8 | bytes[4];
      filter.fifth_live_[FifthBit(five)] = true;
    }
    // The last byte's edge is always looked up: it takes the end mark.
    size_t shared = 0;
    const size_t most = std::min(walked.size(), s.size() - 1);
    while (shared < most && walked[shared] == s[shared]) ++shared;
    size_t n = 2;
    if (shared > 2) n = shared;
    uint32_t node = n == 2 ? two : path[n];
    for (; n < s.size(); ++n) {
      if (n < path.size()) path[n] = node;
      bool inserted = false;
      uint32_t* edge =
          filter.deeper_.FindOrInsert(NodeMap::Key(node, bytes[n]), (nodes + 1) << 1, &inserted);
      if (inserted) ++nodes;
      if (n + 1 == s.size()) *edge |= 1;
      node = *edge >> 1;
    }
    if (s.size() < path.size()) path[s.size()] = node;
    walked = s.size() < path.size() ? s : std::string_view();
  };
  // The open strings come as a bag, most of them repeated (the rules share
  // their beginnings); each is walked into the trie once.
  std::vector<std::string_view> strings(prefixes->exact.begin(), prefixes->exact.end());
  SeenStrings seen(prefixes->open.size());
  for (const std::string& s : prefixes->open) {
    if (seen.Insert(s)) strings.push_back(s);
  }
  // A string adds at most its bytes past the beginning it shares with the
  // one before (the trie holds that beginning already); room for that many
  // edges saves growing the map step by step.
  size_t edges = 0;
  std::string_view previous;
  for (const std::string_view s : strings) {
    size_t shared = 0;
    while (shared < previous.size() && shared < s.size() && previous[shared] == s[shared]) {
      ++shared;
    }
    edges += s.size() - std::min(s.size(), std::max<size_t>(2, shared));
    previous = s;
  }
  filter.deeper_.Reserve(edges);
  for (const std::string_view s : strings) add(s);
  // A leading \b (not made optional by a quantifier) holds for every match
  // when no '|' stands outside all groups.
  filter.at_word_boundaries_ = !prefixes->top_level_bar && regex.size() > 2 &&
                               regex.substr(0, 2) == "\\b" &&
                               std::string_view("*+?{").find(regex[2]) == std::string_view::npos;
  return filter;
}

bool StartFilter::Deeper(std::string_view text, size_t pos) const {
  uint32_t node = kFold[static_cast<unsigned char>(text[pos])] << 8 |
                  kFold[static_cast<unsigned char>(text[pos + 1])];
  for (size_t i = pos + 2; i < text.size(); ++i) {
    const uint32_t edge =
        deeper_.Find(NodeMap::Key(node, kFold[static_cast<unsigned char>(text[i])]));
    if (edge & 1) return true;
    if (edge == 0) return false;
    node = edge >> 1;
  }
  return false;
}

void StartFilter::NodeMap::Reserve(size_t count) {
  size_t size = keys_.size();
  while (size < 2 * count) {
    size *= 2;
    --shift_;
  }
  keys_.assign(size, 0);
  values_.assign(size, 0);
  mask_ = size - 1;
}

uint32_t* StartFilter::NodeMap::FindOrInsert(uint64_t key, uint32_t value, bool* inserted) {
  if (2 * (size_ + 1) > keys_.size()) {
    std::vector<uint64_t> old_keys(2 * keys_.size(), 0);
    std::vector<uint32_t> old_values(2 * keys_.size(), 0);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = keys_.size() - 1;
    --shift_;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      bool unused;
      if (old_keys[i] != 0) FindOrInsert(old_keys[i], old_values[i], &unused);
    }
  }
  size_t i = Slot(key);
  for (; keys_[i] != 0; i = (i + 1) & mask_) {
    if (keys_[i] == key) {
      *inserted = false;
      return &values_[i];
    }
  }
  *inserted = true;
  keys_[i] = key;
  values_[i] = value;
  ++size_;
  return &values_[i];
}

}  // namespace kg::timex
