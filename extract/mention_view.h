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

// The document bytes each view byte came from: document[Begin(i), End(i))
// for view byte i. Held as runs, not offsets per byte: a view is mostly
// words copied byte for byte (one run each, merged across single spaces) and
// a few tokens (one run each), and only the two ends of a match are ever
// looked up. Both ends share a run: they break at the same view bytes.
class SourceOffsets {
 public:
  size_t Begin(size_t view_pos) const;  // view_pos < size()
  size_t End(size_t view_pos) const;
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    runs_.clear();
    size_ = 0;
  }
  // The next `count` view bytes come from document[begin, end),
  // [begin + 1, end + 1), ... when `advances`, else all from [begin, end).
  void Append(size_t count, size_t begin, size_t end, bool advances) {
    if (count == 0) return;
    if (!runs_.empty()) {
      const Run& last = runs_.back();
      // A single byte fits either kind of run.
      const size_t step = last.advances ? size_ - last.view_begin : 0;
      const bool fits = (last.advances ? advances || count == 1 : !advances || count == 1) &&
                        last.begin + step == begin && last.end + step == end;
      if (fits) {
        size_ += count;
        return;
      }
    }
    runs_.push_back({size_, begin, end, advances});
    size_ += count;
  }

 private:
  struct Run {
    size_t view_begin;
    size_t begin;  // where the run's first view byte came from
    size_t end;
    bool advances;
  };
  // The run holding view byte `view_pos`.
  const Run& RunAt(size_t view_pos) const;

  std::vector<Run> runs_;
  size_t size_ = 0;
};

struct MentionView {
  std::string text;
  SourceOffsets sources;  // the document bytes each view byte came from
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
