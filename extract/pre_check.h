// PreCheck: the {pre} macro of a pattern checked in code, before its screen
// (ExpandScreen) is searched and the pattern compiled. A
// screen reads {pre} as any run of words, for its determiner and title lists
// would cost a quarter of a pattern's compile; on real news that lets through
// patterns that never match. Where the pattern writes {pre} right after a
// group whose every alternative ends in plain words ("(?:acquired|bought|
// kicked .{0,20}off) {pre}{obj}"), each match holds one of those endings, a
// space, an exact {pre} and a slot's first token, of a type the slot takes;
// a view without that sequence is ruled out. The exact {pre} regex is one per
// pack, shared by its patterns and compiled once; the token is read in code.
#ifndef KG_EXTRACT_PRE_CHECK_H_
#define KG_EXTRACT_PRE_CHECK_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lazy_regex.h"

namespace kg {

class PreCheck {
 public:
  PreCheck() = default;
  // `lead_words`: the words every match has just before its {pre}
  // (WordsBeforePre); `pre_then_slot_lead`: an exact {pre} and a slot's lead
  // (MacroExpander::PreThenSlotLead); `slot_types`: the types the slot's
  // first token may name, empty for any (MacroExpander::PreSlotTypes).
  PreCheck(std::vector<std::string> lead_words, std::shared_ptr<const LazyRegex> pre_then_slot_lead,
           std::vector<std::string> slot_types = {});

  // Whether the check applies (the pattern has such a {pre}).
  explicit operator bool() const { return !lead_words_.empty() && pre_then_slot_lead_ != nullptr; }

  // True when text[begin, end) certainly holds no match of the pattern: no
  // lead word there is followed by a space, then an exact {pre} and a slot's
  // lead up to a token of a type the slot takes.
  bool RulesOut(std::string_view text, size_t begin, size_t end) const;

 private:
  // Where the view token at text[at] ends, if it is one of a type the slot
  // takes; else 0.
  size_t SlotTokenEnd(std::string_view text, size_t at) const;

  std::vector<std::string> lead_words_;  // each followed by ' '
  std::shared_ptr<const LazyRegex> pre_then_slot_lead_;
  std::vector<std::string> slot_types_;
};

// The words every match of the group "(?:a|b c|x.{0,9}d) " written just
// before the first "{pre}" of `pattern` (a template-expanded rule pattern,
// before its macros are expanded) has there: each alternative's literal end
// ("a", "b c", "d": plain lower-case letters, digits, '-', '\'' and spaces).
// Empty when there is no such group or an alternative ends otherwise.
std::vector<std::string> WordsBeforePre(const std::string& pattern);

}  // namespace kg

#endif  // KG_EXTRACT_PRE_CHECK_H_
