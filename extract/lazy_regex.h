// LazyRegex: an RE2 held by a rule pack, compiled either when the pack is
// loaded or on first use. A relation pattern is ~2 kB of regex and compiling
// the news pack's ~340 of them was most of kg's start-up, while an input
// typically needs a few dozen; packs known to compile (see LoadRulePack)
// defer them. Also: the capturing-group numbering of a pattern, read from its
// source without compiling it.
#ifndef KG_EXTRACT_LAZY_REGEX_H_
#define KG_EXTRACT_LAZY_REGEX_H_

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class LazyRegex {
 public:
  LazyRegex() = default;
  // Already compiled.
  explicit LazyRegex(std::unique_ptr<RE2> compiled);
  // Compiled with `options` on first use; the caller vouches that it compiles.
  LazyRegex(std::string pattern, const RE2::Options& options);

  // The regex, compiled now if it was deferred; null only for a default-built
  // LazyRegex. Safe to call from many threads.
  const RE2* get() const;
  const RE2& operator*() const { return *get(); }
  const RE2* operator->() const { return get(); }
  explicit operator bool() const { return state_ != nullptr; }

  // The options it is (or will be) compiled with, without compiling it.
  const RE2::Options& options() const;
  // Whether the RE2 has been built yet. Safe to call while another thread
  // builds it (then either answer may come).
  bool compiled() const;

 private:
  struct State {
    std::string pattern;
    RE2::Options options;
    std::once_flag once;
    std::unique_ptr<RE2> re;
    std::atomic<bool> ready{false};  // re is built: read without the once_flag
  };
  std::unique_ptr<State> state_;
};

// The 1-based number RE2 gives the capturing group "(?P<name>...)" of
// `pattern`, or 0 if there is none. Groups are counted as RE2 counts them:
// every "(" that is neither escaped, inside a character class, nor "(?" other
// than "(?P<".
int NamedGroupNumber(std::string_view pattern, std::string_view name);

// NamedGroupNumber for several names, in one pass over the pattern.
std::vector<int> NamedGroupNumbers(std::string_view pattern,
                                   std::initializer_list<std::string_view> names);

// The index of the ']' that closes the character class opened at
// pattern[open] (pattern.size() if none does).
size_t RegexClassEnd(std::string_view pattern, size_t open);

// A few bytes a reader of regex source stops at ('\\', '[', '(' ...). Most
// of an expanded pattern is words, which Next passes over eight bytes a step
// (each stop byte compared with all eight at once) when there are at most
// three stop bytes; with more, the compares cost more than one table load a
// byte where stops are dense (measured with the slot locator's five).
class SyntaxBytes {
 public:
  constexpr explicit SyntaxBytes(std::string_view bytes) {
    for (char c : bytes) {
      const unsigned char b = static_cast<unsigned char>(c);
      if (stop_[b]) continue;
      stop_[b] = true;
      if (wide_ <= kMaxWide) ++wide_;
      if (wide_ <= kMaxWide) repeated_[wide_ - 1] = kOnes * b;
    }
  }
  // The first index at or after `from` holding one of the bytes, or
  // text.size().
  size_t Next(std::string_view text, size_t from) const {
    if (wide_ <= kMaxWide) {
      for (; from + 8 <= text.size(); from += 8) {
        uint64_t v;
        std::memcpy(&v, text.data() + from, 8);
        uint64_t hits = 0;
        for (size_t k = 0; k < wide_; ++k) {
          // A zero byte where v holds the stop byte; the lowest flag is
          // always a true one (a borrow only flags bytes above a zero).
          const uint64_t x = v ^ repeated_[k];
          hits |= (x - kOnes) & ~x & kHigh;
        }
        if (hits != 0) return from + static_cast<size_t>(__builtin_ctzll(hits)) / 8;
      }
    }
    while (from < text.size() && !stop_[static_cast<unsigned char>(text[from])]) ++from;
    return from;
  }

 private:
  static constexpr size_t kMaxWide = 3;
  static constexpr uint64_t kOnes = 0x0101010101010101ULL;
  static constexpr uint64_t kHigh = 0x8080808080808080ULL;
  bool stop_[256] = {};
  uint64_t repeated_[kMaxWide] = {};  // each stop byte in all eight lanes
  size_t wide_ = 0;                   // the stop bytes, up to kMaxWide + 1
};

}  // namespace kg

#endif  // KG_EXTRACT_LAZY_REGEX_H_
