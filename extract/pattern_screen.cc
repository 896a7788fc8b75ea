// PatternDef::RulesOut: a relation pattern ruled out for a view by its screen
// (ExpandScreen) before the pattern itself is compiled. A corpus makes most
// of the built-in pack's patterns candidates somewhere, yet most of those
// never match; each full compile costs several times its screen's. The
// pattern's {pre} check (extract/pre_check.h), which reads {pre} exactly
// where the screen cannot, runs first: it costs less than most screen
// searches, and a screen it always answers for is never compiled.
#include "extract/rule_pack.h"

namespace kg {

bool PatternDef::RulesOut(std::string_view view) const { return RulesOut(view, 0, view.size()); }

bool PatternDef::RulesOut(std::string_view view, size_t begin, size_t end) const {
  if (!screen || re_case_free.compiled()) return false;
  if (pre_check.RulesOut(view, begin, end)) return true;
  const RE2& re = *screen;
  // A screen RE2 could not build rules out nothing. Most screen searches
  // fail, and a failing one reads all it is given.
  const re2::StringPiece text(view.data(), view.size());
  return re.ok() && !re.Match(text, begin, end, RE2::UNANCHORED, nullptr, 0);
}

}  // namespace kg
