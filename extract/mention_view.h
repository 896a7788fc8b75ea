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

// One end of the document bytes each view byte came from: offsets[i] for
// view byte i. Held as runs, not an offset per byte: a view is mostly words
// copied byte for byte (one run each, merged across single spaces) and a few
// tokens (one run each), and only the two ends of a match are ever looked up.
class SourceOffsets {
 public:
  size_t operator[](size_t view_pos) const;  // view_pos < size()
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    runs_.clear();
    size_ = 0;
  }
  // The next `count` view bytes come from `source`, `source + 1`, ... when
  // `advances`, else all from `source`.
  void Append(size_t count, size_t source, bool advances) {
    if (count == 0) return;
    if (!runs_.empty()) {
      const Run& last = runs_.back();
      // A single byte fits either kind of run.
      const bool fits = last.advances ? (advances || count == 1) &&
                                            last.source + (size_ - last.view_begin) == source
                                      : (!advances || count == 1) && last.source == source;
      if (fits) {
        size_ += count;
        return;
      }
    }
    runs_.push_back({size_, source, advances});
    size_ += count;
  }

 private:
  struct Run {
    size_t view_begin;
    size_t source;
    bool advances;
  };
  std::vector<Run> runs_;
  size_t size_ = 0;
};

struct MentionView {
  std::string text;
  SourceOffsets source_begin;  // where the bytes of view byte i begin in the document
  SourceOffsets source_end;    // and where they end
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
