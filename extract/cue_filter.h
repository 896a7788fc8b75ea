// CueFilter: a quick, conservative answer to "which of these cue lists can
// match this text?", so that the cue regexes (CueSet in rule_pack.h) run only on the few
// clauses that hold a cue. A cue list is compiled as \b(?:cue1|cue2|...)\b, so
// a cue that opens with a word character matches only where a word begins:
// the filter reads the text once, word by word, and looks each word's first
// three letters up among the cues' — a plain cue ("never", "no longer") is
// then compared whole, one with a literal opening ("plans? to") by that
// opening. Any other cue ("[a-z]+n't") needs a string every match of it
// contains, looked for anywhere. A cue it cannot read makes its list's
// answer "maybe" for every text. One pass answers for all lists.
//
//   CueFilter filter({negation_cues, modality_cues});
//   const uint32_t lists = filter.MayMatch(window);
//   if (lists & 1) negated = RE2::PartialMatch(window, *cues.negation);
#ifndef KG_EXTRACT_CUE_FILTER_H_
#define KG_EXTRACT_CUE_FILTER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

class CueFilter {
 public:
  // `lists`: at most 32 cue lists as written in the rule file, RE2 syntax,
  // matched case-insensitively and as whole words.
  explicit CueFilter(const std::vector<std::vector<std::string>>& lists);

  // Bit i is clear only when list i's \b(?:cues)\b, case-insensitive,
  // matches nowhere in `text`.
  uint32_t MayMatch(std::string_view text) const;

  // Whether a string it looks for holds two spaces in a row: only then can
  // a text gain a cue when a run of its bytes is replaced by spaces.
  bool HasSpaceRuns() const { return space_runs_; }

  // The lists with a cue that could not be read, whose bit MayMatch always
  // sets.
  uint32_t always() const { return always_; }
  // A bit per list.
  uint32_t all() const { return all_; }

  // What MayMatch looks for, for a caller that finds these strings in a pass
  // of its own over the text (PatternPrefilter). MayMatch(text) is always()
  // with the list bit of each string found in `text` folded to lower case,
  // at a place `where` allows (and, if `whole`, ending at a word boundary as
  // \b would), or every bit if HasAsciiFoldingChars(text).
  struct Cue {
    enum Where : uint8_t {
      kAnywhere,
      kWordStart,  // no word character before it
      kAfterWord,  // a word character before it
    };
    std::string text;  // lower case
    Where where = kAnywhere;
    bool whole = false;
    uint32_t list = 0;
  };
  std::vector<Cue> Cues() const;

 private:
  struct Entry {
    std::string text;  // lower case
    bool whole;        // the whole cue (else its opening)
    uint32_t list;     // its list's bit
  };
  void AddAtWordStart(std::string text, bool whole, uint32_t list);
  bool EntryAt(std::string_view text, size_t at, const Entry& entry) const;
  uint32_t MayMatchFolded(std::string_view text) const;

  uint32_t always_ = 0;
  bool space_runs_ = false;
  uint32_t all_ = 0;  // a bit per list
  // Cues that open with a word character, grouped by the key of their first
  // (up to) three letters; an open-addressed table of those keys.
  std::vector<Entry> entries_;
  std::vector<uint32_t> group_key_;
  std::vector<std::vector<int>> group_entries_;
  std::vector<int32_t> table_;  // slot -> group, or -1
  // Plain cues that open with another character ("'ll"): a word character
  // must come right before them.
  std::vector<Entry> after_word_;
  std::array<bool, 256> opens_after_word_{};  // their first characters
  // Strings other cues cannot match without, looked for anywhere, with the
  // bit of the list of each.
  std::vector<std::pair<std::string, uint32_t>> anywhere_;
};

}  // namespace kg

#endif  // KG_EXTRACT_CUE_FILTER_H_
