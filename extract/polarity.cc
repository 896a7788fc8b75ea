// Polarity of a match from cue phrases. The window is the match itself with its
// slots blanked (so a cue inside a name cannot count) plus the clause before it,
// back to the previous clause boundary or at most kWindow bytes.
#include <algorithm>
#include <string>

#include "extract/clause.h"

namespace kg {
namespace {

constexpr int kPreWords = 2;

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
  return RE2::PartialMatch(view.text, *cues.hedge);
}

}  // namespace kg
