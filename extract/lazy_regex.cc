#include "extract/lazy_regex.h"

namespace kg {

LazyRegex::LazyRegex(std::unique_ptr<RE2> compiled) : state_(std::make_unique<State>()) {
  state_->options = compiled->options();
  state_->pattern = compiled->pattern();
  state_->re = std::move(compiled);
  // Nothing left to do on first use.
  std::call_once(state_->once, [] {});
  state_->ready.store(true, std::memory_order_release);
}

LazyRegex::LazyRegex(std::string pattern, const RE2::Options& options)
    : state_(std::make_unique<State>()) {
  state_->pattern = std::move(pattern);
  state_->options = options;
}

const RE2* LazyRegex::get() const {
  if (state_ == nullptr) return nullptr;
  State& s = *state_;
  std::call_once(s.once, [&s] {
    s.re = std::make_unique<RE2>(s.pattern, s.options);
    s.ready.store(true, std::memory_order_release);
  });
  return s.re.get();
}

const RE2::Options& LazyRegex::options() const {
  static const RE2::Options kNone;
  return state_ == nullptr ? kNone : state_->options;
}

bool LazyRegex::compiled() const {
  return state_ != nullptr && state_->ready.load(std::memory_order_acquire);
}

size_t RegexClassEnd(std::string_view pattern, size_t open) {
  size_t j = open + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  if (j < pattern.size() && pattern[j] == ']') ++j;
  while (j < pattern.size() && pattern[j] != ']') {
    // "[[:alpha:]]": a named class inside a class.
    if (pattern.compare(j, 2, "[:") == 0) {
      const size_t end = pattern.find(":]", j + 2);
      if (end != std::string_view::npos) {
        j = end + 2;
        continue;
      }
    }
    j += pattern[j] == '\\' ? 2 : 1;
  }
  return j;
}

int NamedGroupNumber(std::string_view pattern, std::string_view name) {
  return NamedGroupNumbers(pattern, {name}).front();
}

std::vector<int> NamedGroupNumbers(std::string_view pattern,
                                   std::initializer_list<std::string_view> names) {
  std::vector<int> numbers(names.size(), 0);
  size_t missing = names.size();
  int groups = 0;
  // Most of a pattern is words: skip to what counts.
  static constexpr SyntaxBytes kStops("\\[(");
  for (size_t i = 0; i < pattern.size() && missing > 0; ++i) {
    i = kStops.Next(pattern, i);
    if (i == pattern.size()) break;
    const char c = pattern[i];
    if (c == '\\') {
      // \Q...\E quotes its parentheses.
      if (i + 1 < pattern.size() && pattern[i + 1] == 'Q') {
        const size_t end = pattern.find("\\E", i + 2);
        if (end == std::string_view::npos) break;
        i = end + 1;
      } else {
        ++i;
      }
    } else if (c == '[') {
      i = RegexClassEnd(pattern, i);
    } else if (c == '(') {
      const std::string_view rest = pattern.substr(i);
      if (rest.substr(0, 2) != "(?") {
        ++groups;
      } else if (rest.substr(0, 4) == "(?P<") {
        ++groups;
        const std::string_view name = rest.substr(4, rest.find('>') - 4);
        size_t k = 0;
        for (std::string_view wanted : names) {
          if (numbers[k] == 0 && name == wanted) {
            numbers[k] = groups;
            --missing;
          }
          ++k;
        }
      }
    }
  }
  return numbers;
}

}  // namespace kg
