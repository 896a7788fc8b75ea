// Polarity of a match from cue phrases. The window is the match itself with its
// slots blanked (so a cue inside a name cannot count) plus the clause before it,
// back to the previous clause boundary or at most kWindow bytes.
#include <algorithm>
#include <string>

#include "extract/clause.h"
#include "extract/cue_filter.h"
#include "extract/regex_syntax.h"

namespace kg {
namespace {

constexpr int kPreWords = 2;

// Which cue lists can match `text`; all of them for a pack without a filter.
uint32_t MayMatch(const CueFilter* filter, std::string_view text) {
  return filter == nullptr ? kAllCues : filter->MayMatch(text);
}

// Whether v[at] is not inside a word: a cue that matches in a cut of the view
// or in its copy with spaces over the slots (which start and end at such
// places) then matched in the view itself.
bool AtWordEdge(const std::string& v, size_t at) {
  return at == 0 || at >= v.size() || !IsWordChar(v[at - 1]) || !IsWordChar(v[at]);
}

bool Boundary(char c) {
  return c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')';
}

}  // namespace

Polarity ReadPolarity(const CueSet& cues, const MentionView& view, const MatchSpans& match,
                      bool stative, uint32_t view_cues) {
  const std::string& v = view.text;
  // The clause before the match counts for its last kPreWords words: "if
  // Microsoft bought TikTok"; cues further back govern other verbs.
  size_t start = match.begin;
  for (int words = 0; !stative && start > 0 && words < kPreWords;) {
    --start;
    if (Boundary(v[start])) {
      ++start;
      break;
    }
    if (v[start] == ' ' && start + 1 < match.begin) ++words;
  }
  // Cues after the later slot belong to what follows ("... Zuckerberg would spend ...").
  // A pattern pairing a coordinated subject has its verb after the slot: "Trump
  // and Musk did not meet".
  const bool pairs =
      match.object_begin == match.subject_begin && match.object_end == match.subject_end;
  const size_t stop = pairs ? match.end : std::max(match.subject_end, match.object_end);
  const size_t window_end = std::max(stop, match.begin);
  // A view without negation or modality cues has none in any clause cut from
  // it at word edges, with word-edged slots blanked, unless a cue could span
  // the blanked run of spaces.
  const CueFilter* filter = cues.filter.get();
  if ((view_cues & (kNegationCues | kModalityCues)) == 0 && filter != nullptr &&
      !filter->HasSpaceRuns() && AtWordEdge(v, start) && AtWordEdge(v, window_end) &&
      AtWordEdge(v, match.subject_begin) && AtWordEdge(v, match.subject_end) &&
      AtWordEdge(v, match.object_begin) && AtWordEdge(v, match.object_end)) {
    return Polarity{};
  }
  // Reused per thread: this runs for every match.
  thread_local std::string window;
  window.assign(v, start, window_end - start);
  auto blank = [&](size_t b, size_t e) {
    for (size_t i = b; i < e && i >= start && i - start < window.size(); ++i)
      window[i - start] = ' ';
  };
  blank(match.subject_begin, match.subject_end);
  blank(match.object_begin, match.object_end);

  Polarity p;
  // Most windows hold no cue at all; the filters say so without a regex pass.
  const uint32_t lists = MayMatch(filter, window);
  const bool may_negate = (lists & kNegationCues) != 0;
  const bool may_be_modal = (lists & kModalityCues) != 0;
  if (!may_negate && !may_be_modal) return p;
  if (!may_negate || !may_be_modal) {
    if (may_negate) p.negated = RE2::PartialMatch(window, *cues.negation);
    if (may_be_modal) p.modal = RE2::PartialMatch(window, *cues.modality);
    return p;
  }
  thread_local std::vector<int> found;
  RE2::Set::ErrorInfo error;
  if (cues.clause != nullptr && cues.clause->Match(window, &found, &error)) {
    for (int cue : found) (cue == 0 ? p.negated : p.modal) = true;
  } else if (cues.clause == nullptr || error.kind != RE2::Set::kNoError) {
    // No set, or its DFA ran out of memory: the regexes answer alone.
    p.negated = RE2::PartialMatch(window, *cues.negation);
    p.modal = RE2::PartialMatch(window, *cues.modality);
  }
  return p;
}

uint32_t ViewCues(const CueSet& cues, const MentionView& view) {
  return MayMatch(cues.filter.get(), view.text);
}

bool SentenceHedged(const CueSet& cues, const MentionView& view) {
  return SentenceHedged(cues, view, ViewCues(cues, view));
}

bool SentenceHedged(const CueSet& cues, const MentionView& view, uint32_t view_cues) {
  return (view_cues & kHedgeCues) != 0 && RE2::PartialMatch(view.text, *cues.hedge);
}

}  // namespace kg
