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

}  // namespace kg

#endif  // KG_EXTRACT_LAZY_REGEX_H_
