// Polarity of a match from cue phrases. The window is the match itself with its
// slots blanked (so a cue inside a name cannot count) plus the clause before it,
// back to the previous clause boundary or at most kWindow bytes.
#include <string>

#include "extract/clause.h"

namespace kg {
namespace {

constexpr size_t kWindow = 48;

bool Boundary(char c) {
  return c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')';
}

}  // namespace

Polarity ReadPolarity(const CueSet& cues, const MentionView& view, const MatchSpans& match) {
  const std::string& v = view.text;
  size_t start = match.begin > kWindow ? match.begin - kWindow : 0;
  for (size_t i = match.begin; i > start; --i) {
    if (Boundary(v[i - 1])) {
      start = i;
      break;
    }
  }
  std::string window = v.substr(start, match.end - start);
  auto blank = [&](size_t b, size_t e) {
    for (size_t i = b; i < e && i >= start && i - start < window.size(); ++i)
      window[i - start] = ' ';
  };
  blank(match.subject_begin, match.subject_end);
  blank(match.object_begin, match.object_end);

  Polarity p;
  p.negated = RE2::PartialMatch(window, *cues.negation);
  p.modal = RE2::PartialMatch(window, *cues.modality);
  p.hedged = RE2::PartialMatch(v, *cues.hedge);
  return p;
}

}  // namespace kg
