// SlotLocator: where a relation pattern's {subj} and {obj} groups lie inside a
// match whose span is already known, without RE2's capture pass. The capture
// pass (BitState over a ~2,000-instruction program) costs several times the
// DFA search that finds the span; slot groups, however, can only begin at a
// '<' and end after a '>' of the view, so the few placements that could exist
// are tried with the pattern's pieces, each a cheap anchored DFA match. The
// piece between the groups (the long one: trigger words, gaps) is needed only
// when the others leave more than one placement.
#ifndef KG_EXTRACT_SLOT_LOCATOR_H_
#define KG_EXTRACT_SLOT_LOCATOR_H_

#include <re2/re2.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct PatternDef;
struct MentionView;

// Byte offsets into the view, [begin, end).
struct SlotSpans {
  size_t subject_begin = 0, subject_end = 0;
  size_t object_begin = 0, object_end = 0;
};

// Byte offsets into a view, [begin, end), that hold every match of a pattern.
struct MatchWindow {
  size_t begin = 0, end = 0;
};

class SlotLocator {
 public:
  // Reads each pattern's source; the pieces are compiled, with the pattern's
  // own RE2 options, the first time the pattern is located.
  explicit SlotLocator(const std::vector<PatternDef>& patterns);
  ~SlotLocator();
  SlotLocator(const SlotLocator&) = delete;
  SlotLocator& operator=(const SlotLocator&) = delete;

  // For pattern `p` matching exactly text[begin, end) (the text is the whole
  // view, for context): the slot spans, when exactly one placement of the
  // groups lets every piece match — then it is the one RE2's capture pass
  // would report. A pattern without {obj} pairs the members of its {subj}:
  // both spans are that group's. False when the caller must run the capture
  // pass: the pattern does not split (its groups are not top-level slot
  // macros), several placements fit, or the pieces between the groups that
  // would tell them apart are not compiled yet (a pattern's first few such
  // matches go to the capture pass). Safe to call from many threads.
  bool Locate(int p, const re2::StringPiece& text, size_t begin, size_t end, SlotSpans* out) const;
  // The same for a mention view (`text` is view.text): where groups may begin
  // and end is read from its tokens instead of from the match's bytes. Only
  // a view's tokens put '<' and '>' into its text.
  bool Locate(int p, const MentionView& view, size_t begin, size_t end, SlotSpans* out) const;

  // The leftmost match of pattern `p` (compiled as `re`) in text[pos, end),
  // exactly as `re.Match(text, pos, end, UNANCHORED, match, 1)` finds it. A
  // pattern that opens with a slot group can only match from an entity token
  // ("<e"), or from "both " or "either " right before one; such a pattern is
  // searched anchored from each of those places in turn, which spares RE2's
  // backward pass to find where the match begins. `last_start`: no match can
  // begin after it (PatternPrefilter::Candidates tells), so no place after it
  // is tried. `ascii_text`: the caller knows every byte of `text` is ASCII.
  // `tokens_end`: no entity token of `text` ends after it (a view's tokens
  // tell); a pattern that ends with a slot is searched no further, as none of
  // its matches can end later.
  bool Find(int p, const RE2& re, const re2::StringPiece& text, size_t pos, re2::StringPiece* match,
            size_t last_start = std::string::npos, bool ascii_text = false,
            size_t tokens_end = std::string::npos) const;

  // Where a match of a pattern that opens with a slot may begin in `text`:
  // each "<e" (any case), ascending. Read once a view, for MayFind.
  static void TokenStarts(std::string_view text, std::vector<uint32_t>* out);
  // False when Find(p, re, text, 0, match, last_start, true) finds nothing
  // whatever `re` is, told without RE2 from the view's entity tokens: the
  // pattern opens with a slot and no token of a type the slot takes lies where
  // a match could begin, or it ends with a slot and no token of a type that
  // slot takes comes after such a beginning (or at all). A candidate ruled out
  // so needs neither its screen nor its compile. For ASCII text only;
  // `starts`: TokenStarts(text). When it may find one, `*window` (if not
  // null) gets a span of `text` that holds every match: from a little before
  // the first such token to the end of the last closing one.
  bool MayFind(int p, std::string_view text, const std::vector<uint32_t>& starts,
               size_t last_start = std::string::npos, MatchWindow* window = nullptr) const;

  // Whether pattern `p` splits into pieces at all (for tests).
  bool Splits(int p) const;
  // Whether piece `piece` of pattern `p` (0: before the groups, 1: the first
  // group, 3: the second, 4: after them) matches exactly text[from, to), as
  // Locate tells it; false when `p` does not split, or when its pieces read
  // only case-free text and text[from, to) is not (for tests).
  bool PieceFits(int p, size_t piece, const re2::StringPiece& text, size_t from, size_t to) const;
  // Whether Find searches pattern `p` from its slot starts (for tests).
  bool OpensWithSlot(int p) const;
  // Whether every match of pattern `p` ends with a slot group's last token.
  bool ClosesWithSlot(int p) const;

 private:
  struct Pieces;
  // How a piece is matched: by RE2, or, for the empty piece and the slot
  // macro's lead (kSlotLead, "(?:both |either )?"), from its bytes.
  enum class PieceForm : uint8_t { kRegex, kEmpty, kLead };
  struct Entry {
    bool opens_with_slot = false;
    // The entity types the opening slot's first token may name (lower case);
    // empty when any may (or the slot is not read).
    std::vector<std::string> opening_types;
    // Whether every match ends with a slot group (another than the opening
    // one), and the types its tokens may name (empty: any).
    bool closes_with_slot = false;
    std::vector<std::string> closing_types;
    bool splits = false;
    bool one_group = false;  // {subj} only: pairs inside it
    bool subject_first = true;
    std::vector<std::string> sources;  // before, group, between, group, after
                                       // (one group: before, group, "", "", after)
    std::array<PieceForm, 5> forms{};
    RE2::Options options;
    // The pieces of a case-neutral pattern are compiled as its re_case_free
    // is, case-sensitively, and read only spans case cannot change.
    bool case_free_only = false;
    // The pieces around the groups, then the one between them, each compiled
    // on first need; null when a piece did not compile.
    mutable std::once_flag once, middle_once;
    mutable std::unique_ptr<Pieces> pieces;
    mutable std::unique_ptr<RE2> middle;
    // Matches the pieces around the groups left ambiguous so far.
    mutable std::atomic<uint32_t> ambiguous{0};
  };
  const Pieces* Compiled(const Entry& entry) const;
  // The slot body `source` compiled with `options`, shared by every entry
  // whose group has it (slot macros of the same types write the same body).
  std::shared_ptr<const RE2> Body(const std::string& source, const RE2::Options& options) const;
  const RE2* Middle(const Entry& entry) const;
  // Whether `entry` has had enough ambiguous matches (counting this one) for
  // its middle piece to be compiled rather than the capture pass run.
  static bool MiddleWorthCompiling(const Entry& entry);
  // The options `pattern`'s pieces are compiled with, and whether they read
  // only case-free text.
  static void SetPieceOptions(const PatternDef& pattern, Entry* entry);
  // Whether the pieces of `entry` may read text[begin, end): false when they
  // were compiled case-sensitively and case could change how it reads.
  static bool PiecesRead(const Entry& entry, const re2::StringPiece& text, size_t begin,
                         size_t end);
  // Writes a placement (first group's begin and end, then the second's) as
  // subject and object spans.
  static std::array<PieceForm, 5> PieceForms(const std::vector<std::string>& sources,
                                             const RE2::Options& options);
  // Whether piece `i` of `entry` matches exactly text[from, to).
  static bool Fits(const Entry& entry, const Pieces& pieces, size_t i, const re2::StringPiece& text,
                   size_t from, size_t to);
  static bool Place(const Entry& entry, const std::array<size_t, 4>& at, SlotSpans* out);
  struct Bounds;
  static bool ReadBounds(const re2::StringPiece& text, size_t begin, size_t end, Bounds* starts,
                         Bounds* ends);
  static bool TokenBounds(const MentionView& view, size_t begin, size_t end, Bounds* starts,
                          Bounds* ends);
  bool LocateIn(const Entry& entry, const re2::StringPiece& text, size_t begin, size_t end,
                const Bounds& starts, const Bounds& ends, SlotSpans* out) const;
  bool LocateOneGroup(const Entry& entry, const re2::StringPiece& text, size_t begin, size_t end,
                      const Bounds& starts, const Bounds& ends, SlotSpans* out) const;

  std::unique_ptr<Entry[]> entries_;
  size_t size_ = 0;
  struct SharedBodies;
  std::unique_ptr<SharedBodies> bodies_;
};

}  // namespace kg

#endif  // KG_EXTRACT_SLOT_LOCATOR_H_
