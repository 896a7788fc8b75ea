// Polarity of a match from cue phrases. The window is the match itself with its
// slots blanked (so a cue inside a name cannot count) plus the clause before it,
// back to the previous clause boundary or at most kWindow bytes.
#include <algorithm>
#include <string>

#include "extract/clause.h"
#include "extract/cue_filter.h"

namespace kg {
namespace {

constexpr int kPreWords = 2;

// Which cue lists can match `text`; all of them for a pack without filters.
uint32_t MayMatch(const CueFilter* filter, std::string_view text) {
  return filter == nullptr ? ~0u : filter->MayMatch(text);
}

bool Boundary(char c) {
  return c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')';
}

}  // namespace

Polarity ReadPolarity(const CueSet& cues, const MentionView& view, const MatchSpans& match,
                      bool stative) {
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
  // Reused per thread: this runs for every match.
  thread_local std::string window;
  window.assign(v, start, std::max(stop, match.begin) - start);
  auto blank = [&](size_t b, size_t e) {
    for (size_t i = b; i < e && i >= start && i - start < window.size(); ++i)
      window[i - start] = ' ';
  };
  blank(match.subject_begin, match.subject_end);
  blank(match.object_begin, match.object_end);

  Polarity p;
  // Most windows hold no cue at all; the filters say so without a regex pass.
  const uint32_t lists = MayMatch(cues.clause_filter.get(), window);
  const bool may_negate = (lists & 1) != 0;
  const bool may_be_modal = (lists & 2) != 0;
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

bool SentenceHedged(const CueSet& cues, const MentionView& view) {
  return (MayMatch(cues.hedge_filter.get(), view.text) & 1) != 0 &&
         RE2::PartialMatch(view.text, *cues.hedge);
}

}  // namespace kg
