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
// of an expanded pattern is words, which Next passes over with one table
// load a byte instead of a comparison per syntax byte.
class SyntaxBytes {
 public:
  constexpr explicit SyntaxBytes(std::string_view bytes) {
    for (char c : bytes) stop_[static_cast<unsigned char>(c)] = true;
  }
  // The first index at or after `from` holding one of the bytes, or
  // text.size().
  size_t Next(std::string_view text, size_t from) const {
    while (from < text.size() && !stop_[static_cast<unsigned char>(text[from])]) ++from;
    return from;
  }

 private:
  bool stop_[256] = {};
};

}  // namespace kg

#endif  // KG_EXTRACT_LAZY_REGEX_H_
