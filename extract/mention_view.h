// MentionView: a sentence rewritten for matching. Each mention becomes one token
// "<e12:person>" (a possessive pronoun "<e12:person>'s"), each time expression
// "<t3>", the rest is lower-cased ASCII with typographic quotes and dashes
// folded and runs of white space collapsed. Every view byte remembers which
// document bytes it came from, so matches map back to evidence spans.
#ifndef KG_EXTRACT_MENTION_VIEW_H_
#define KG_EXTRACT_MENTION_VIEW_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"

namespace kg {

struct ViewToken {
  size_t begin = 0, end = 0;  // in the view
  int mention = -1;           // index into the sentence's mentions, or -1
  int entity = -1;
  int time = -1;  // index into the document's time expressions, or -1
};

struct TimeSpanRef {
  size_t begin = 0, end = 0;  // document offsets
};

struct MentionView {
  std::string text;
  std::vector<size_t> source_begin;  // per view byte
  std::vector<size_t> source_end;
  std::vector<ViewToken> tokens;

  // The token starting at view offset `pos`, or nullptr.
  const ViewToken* TokenAt(size_t pos) const;
};

// Builds the view of document[begin, end). `times` are the document's time
// expressions (document offsets, sorted); those overlapping a mention are left
// as words.
MentionView BuildView(std::string_view document, size_t begin, size_t end,
                      const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
                      const MentionTracker& tracker);

// The same, written into `*view` (its old contents replaced): a caller building
// one view per sentence keeps the buffers of the last.
void BuildView(std::string_view document, size_t begin, size_t end,
               const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
               const MentionTracker& tracker, MentionView* view);

}  // namespace kg

#endif  // KG_EXTRACT_MENTION_VIEW_H_
