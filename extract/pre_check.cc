#include "extract/pre_check.h"

#include <algorithm>
#include <utility>

namespace kg {

PreCheck::PreCheck(std::vector<std::string> lead_words,
                   std::shared_ptr<const LazyRegex> pre_then_slot_lead,
                   std::vector<std::string> slot_types)
    : lead_words_(std::move(lead_words)),
      pre_then_slot_lead_(std::move(pre_then_slot_lead)),
      slot_types_(std::move(slot_types)) {
  for (std::string& w : lead_words_) w += ' ';
}

size_t PreCheck::SlotTokenEnd(std::string_view text, size_t at) const {
  // "<e12:person>": the type between the colon and the '>'.
  if (text.compare(at, 2, "<e") != 0) return 0;
  size_t i = at + 2;
  const size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i >= text.size() || text[i] != ':') return 0;
  const size_t type = ++i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '_')) ++i;
  if (i == type || i >= text.size() || text[i] != '>') return 0;
  if (!slot_types_.empty() && std::find(slot_types_.begin(), slot_types_.end(),
                                        text.substr(type, i - type)) == slot_types_.end()) {
    return 0;
  }
  return i + 1;
}

bool PreCheck::RulesOut(std::string_view text, size_t begin, size_t end) const {
  if (!*this) return false;
  const RE2& re = **pre_then_slot_lead_;
  // One that RE2 could not build rules out nothing.
  if (!re.ok()) return false;
  end = std::min(end, text.size());
  const re2::StringPiece piece(text.data(), text.size());
  for (const std::string& word : lead_words_) {
    for (size_t at = text.find(word, begin); at != std::string_view::npos && at < end;
         at = text.find(word, at + 1)) {
      const size_t from = at + word.size();
      if (from >= end) break;
      // Each token of a type the slot takes, ending in the window, that
      // {pre} and the slot's lead lead up to exactly.
      for (size_t token = text.find("<e", from); token != std::string_view::npos && token < end;
           token = text.find("<e", token + 1)) {
        const size_t token_end = SlotTokenEnd(text, token);
        if (token_end != 0 && token_end <= end &&
            re.Match(piece, from, token, RE2::ANCHOR_BOTH, nullptr, 0)) {
          return false;
        }
      }
    }
  }
  return true;
}

namespace {

// Calls visit(i, c) for each '(', ')' and '|' of pattern[from, to) that
// RE2 reads as syntax (not escaped, in a class or in \Q...\E), in order.
// False when a class or quote runs on past `to`.
template <typename Visit>
bool ForEachGroupByte(std::string_view pattern, size_t from, size_t to, Visit visit) {
  // Most of a pattern is words: skip to what counts.
  static constexpr SyntaxBytes kStops("\\[()|");
  size_t i = from;
  for (; i < to; ++i) {
    i = kStops.Next(pattern.substr(0, to), i);
    if (i >= to) break;
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < to && pattern[i + 1] == 'Q') {
        const size_t end = pattern.find("\\E", i + 2);
        if (end == std::string_view::npos) return false;
        i = end + 1;
      } else {
        ++i;
      }
    } else if (c == '[') {
      i = RegexClassEnd(pattern, i);
    } else {
      visit(i, c);
    }
  }
  return i == to;
}

// Where the group closed by the ')' at pattern[close] opens, and its
// top-level '|'s; false when `close` closes no group.
bool GroupAt(std::string_view pattern, size_t close, size_t* open, std::vector<size_t>* bars) {
  std::vector<size_t> opens;
  bool unbalanced = false;
  const bool read = ForEachGroupByte(pattern, 0, close, [&](size_t i, char c) {
    if (c == '(') {
      opens.push_back(i);
    } else if (c == ')') {
      if (opens.empty()) unbalanced = true;
      if (!opens.empty()) opens.pop_back();
    }
  });
  if (!read || unbalanced || opens.empty()) return false;
  *open = opens.back();
  int depth = 0;
  ForEachGroupByte(pattern, *open + 1, close, [&](size_t i, char c) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == '|' && depth == 0) bars->push_back(i);
  });
  return depth == 0;
}

bool PlainByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == ' ';
}

// The literal text every match of the alternative ends with: its longest
// suffix of plain bytes (a quantifier applies to what it follows, so none of
// these can be repeated or left out), less an escaped first byte and leading
// spaces. Empty when it ends with anything else.
std::string_view LiteralTail(std::string_view alternative) {
  size_t from = alternative.size();
  while (from > 0 && PlainByte(alternative[from - 1])) --from;
  size_t backslashes = 0;
  while (from > backslashes && alternative[from - 1 - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 1) ++from;  // "\d": the 'd' is not a letter of the text
  while (from < alternative.size() && alternative[from] == ' ') ++from;
  return alternative.substr(std::min(from, alternative.size()));
}

}  // namespace

std::vector<std::string> WordsBeforePre(const std::string& pattern) {
  const size_t pre = pattern.find("{pre}");
  if (pre == std::string::npos || pre < 5 || pattern.compare(pre - 2, 2, ") ") != 0) return {};
  size_t open = 0;
  std::vector<size_t> bars;
  if (!GroupAt(pattern, pre - 2, &open, &bars)) return {};
  // A plain or non-capturing group: flags could change what its text matches.
  size_t first = open + 1;
  if (pattern.compare(open, 3, "(?:") == 0) {
    first = open + 3;
  } else if (pattern.compare(open, 2, "(?") == 0) {
    return {};
  }
  bars.push_back(pre - 2);
  std::vector<std::string> words;
  for (size_t bar : bars) {
    const std::string_view tail = LiteralTail(std::string_view(pattern).substr(first, bar - first));
    if (tail.empty()) return {};
    words.emplace_back(tail);
    first = bar + 1;
  }
  return words;
}

}  // namespace kg
