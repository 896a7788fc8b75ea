#include "extract/pre_check.h"

#include <algorithm>
#include <utility>

namespace kg {

PreCheck::PreCheck(std::vector<std::string> lead_words,
                   std::shared_ptr<const LazyRegex> pre_then_token)
    : lead_words_(std::move(lead_words)), pre_then_token_(std::move(pre_then_token)) {
  for (std::string& w : lead_words_) w += ' ';
}

bool PreCheck::RulesOut(std::string_view text, size_t begin, size_t end) const {
  if (!*this) return false;
  const RE2& re = **pre_then_token_;
  // One that RE2 could not build rules out nothing.
  if (!re.ok()) return false;
  end = std::min(end, text.size());
  const re2::StringPiece piece(text.data(), text.size());
  for (const std::string& word : lead_words_) {
    for (size_t at = text.find(word, begin); at != std::string_view::npos && at < end;
         at = text.find(word, at + 1)) {
      const size_t from = at + word.size();
      if (from >= end) break;
      if (re.Match(piece, from, end, RE2::ANCHOR_START, nullptr, 0)) return false;
    }
  }
  return true;
}

std::vector<std::string> WordsBeforePre(const std::string& pattern) {
  const size_t pre = pattern.find("{pre}");
  if (pre == std::string::npos || pre < 5 || pattern.compare(pre - 2, 2, ") ") != 0) return {};
  const size_t open = pattern.rfind("(?:", pre - 2);
  if (open == std::string::npos) return {};
  const std::string_view inside(pattern.data() + open + 3, pre - 2 - (open + 3));
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= inside.size()) {
    size_t bar = inside.find('|', start);
    if (bar == std::string_view::npos) bar = inside.size();
    const std::string_view word = inside.substr(start, bar - start);
    const bool plain =
        !word.empty() && word.front() != ' ' && word.back() != ' ' &&
        word.find("  ") == std::string_view::npos &&
        word.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-' ") == std::string_view::npos;
    if (!plain) return {};
    words.emplace_back(word);
    start = bar + 1;
  }
  return words;
}

}  // namespace kg
