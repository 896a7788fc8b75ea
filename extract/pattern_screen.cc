// PatternDef::RulesOut: a relation pattern ruled out for a view by its screen
// (ExpandScreen) before the pattern itself is compiled. A corpus makes most
// of the built-in pack's patterns candidates somewhere, yet most of those
// never match; each full compile costs several times its screen's. A view the
// screen lets through may still be ruled out by the pattern's {pre} check
// (extract/pre_check.h), which reads {pre} exactly where the screen cannot.
#include "extract/rule_pack.h"

namespace kg {

bool PatternDef::RulesOut(std::string_view view) const {
  if (!screen || re_case_free.compiled()) return false;
  if (pre_check.RulesOut(view, 0, view.size())) return true;
  const RE2& re = *screen;
  // A screen RE2 could not build rules out nothing.
  const re2::StringPiece text(view.data(), view.size());
  return re.ok() && !re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

}  // namespace kg
