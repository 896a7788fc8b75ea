// Gazetteer: the rule pack's known names and aliases, role phrases and name
// lexicon, indexed by their first word for the mention finder. Built once per
// rule pack, immutable, shared across threads. Longest finds the longest known
// name at a position; MentionTracker (extract/mentions.h) asks StartsAt once
// per word which names and role phrases can start there at all.
#ifndef KG_EXTRACT_GAZETTEER_H_
#define KG_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/folded_words.h"
#include "extract/rule_pack.h"
#include "graph/model/date.h"

namespace kg {

struct DocEntity {
  std::string name;
  std::string type;
};

class Gazetteer {
 public:
  explicit Gazetteer(const RulePack& pack);

  struct Match {
    size_t length = 0;
    int entity = -1;
    bool canonical = false;
  };
  // The longest known name starting at text[pos] and ending at a word boundary,
  // among the names valid on `date` (all of them when it is unknown).
  Match Longest(std::string_view text, size_t pos, std::optional<Date> date = std::nullopt) const;

  // False where no role phrase ("he", "the company") can start at text[pos], a
  // word start: most words, which then need no comparison with every role.
  bool MayStartRole(std::string_view text, size_t pos) const;

  const RulePack& pack() const { return pack_; }
  int Find(const std::string& canonical) const;  // -1 if unknown

  // The name lexicon's lists (RulePack::names) as bits of a word's kinds.
  enum Kind : int {
    kPersonTitle = 1,
    kGivenName = 2,
    kOrgWord = 4,
    kAgencyWord = 8,
    kPlaceWord = 16,
    kNotName = 32,
    kFemaleName = 64
  };

 private:
  friend class MentionTracker;

  struct Alias {
    std::string lower;
    std::string written;
    int entity;
    bool canonical;
    std::optional<DaySpan> valid;
  };
  // What may start at a word: the names whose first word it is (longest
  // first) and the role phrases whose first word it is (longest first; a
  // phrase can only match where the text's word equals its first word).
  struct Start {
    std::vector<Alias> aliases;
    std::vector<const RoleDef*> roles;
    // roles in runs of one phrase length, longest first: a run needs one test
    // of whether the text has a word end that far on.
    struct Run {
      size_t length, begin, end;  // roles[begin, end) are `length` bytes long
    };
    std::vector<Run> runs;
    // Bit n: a run of phrases n < 64 bytes long, runs[run_of_length[n]]; the
    // text's word ends ahead (WordScan::EndsAfter) select among them at once.
    // By the folded byte after the first word's separator ("the c..."), for
    // phrases that long; the shorter ones' bits are in short_lengths_near.
    std::vector<uint64_t> short_lengths_by_next;  // 256 entries where there are roles
    uint64_t short_lengths_near = 0;
    std::vector<uint32_t> run_of_length;  // 64 entries where there are roles
    size_t word_length = 0;               // of the first word they share
  };
  // The names and roles whose first word is `word` (compared case-blind); null if none.
  const Start* StartsAt(std::string_view word) const {
    const int id = start_words_.Find(word);
    return id < 0 ? nullptr : &starts_[id];
  }
  // Longest where `start` is StartsAt(the word at text[pos]).
  Match LongestFrom(const Start* start, std::string_view text, size_t pos,
                    std::optional<Date> date) const;
  // The lexicon kind bits (person title, given name, ...) of `word`, ignoring
  // case and a final period; 0 if it is in no list.
  int Kinds(std::string_view word) const;
  Start& StartOf(std::string_view lower);

  const RulePack& pack_;
  std::vector<DocEntity> known_;
  FoldedWords start_words_;  // first words of names and roles -> index in starts_
  std::vector<Start> starts_;
  FoldedWords lexicon_;  // lexicon words -> index in kinds_
  std::vector<int> kinds_;
  std::unordered_map<std::string, int> by_name_;
};

}  // namespace kg

#endif  // KG_EXTRACT_GAZETTEER_H_
