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

#include "extract/ascii.h"
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

  // False where no known name or role phrase can stand at text[pos], a word
  // start that is no capital: its first byte and its second, folded (0 at
  // the word's end), are no known name's as written nor a role's. Most
  // lower-case words are let go by this without reading further.
  bool MayStartLower(std::string_view text, size_t pos, size_t end) const {
    const size_t c0 = static_cast<unsigned char>(text[pos]);
    const size_t c1 = pos + 1 < end ? static_cast<unsigned char>(text[pos + 1]) : 0;
    return lower_pairs_[c1 << 8 | c0] != 0;
  }

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
    kFemaleName = 64,
    kDemonym = 128
  };

 private:
  friend class MentionTracker;
  friend class MentionTrackerReference;  // the previous finder, an oracle in tests/extract

  struct Alias {
    std::string lower;
    std::string written;
    int entity;
    bool canonical;
    std::optional<DaySpan> valid;
    bool ends_alnum;  // whether its last byte is a letter or digit (the text must end a word there)
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
    // Bit n: an alias n < 64 bytes long ending with a letter or digit, which
    // matches only where the text has a word end n bytes on (WordScan::EndsAfter),
    // so most words that open names are told apart without LongestFrom.
    // The other aliases (longer, or ending otherwise) set aliases_unbounded.
    // The bits are split as RoleLengths splits the roles': aliases no longer
    // than their first word (near), and the longer ones (far), whose byte
    // after the first word's separator, folded, must be in alias_next_bytes
    // (a 256-bit set): "the" opens "The Washington Post", so "the company"
    // can be none of its names.
    bool aliases_unbounded = false;
    uint64_t alias_lengths_near = 0;
    uint64_t alias_lengths_far = 0;
    uint64_t alias_next_bytes[4] = {};
    // The bits of the aliases written with no capital first: a text word
    // opening with none matches no other (LongestFrom compares it as written).
    uint64_t alias_lengths_uncapitalised = 0;
  };
  // What a word is to the tracker: the first word of the names and roles of
  // starts_[start] (-1: of none), and its lexicon kind bits.
  struct WordInfo {
    int start = -1;
    int kinds = 0;
  };
  // The entry of `word` (compared case-blind); null if it has none.
  const WordInfo* Lookup(std::string_view word) const {
    const int id = words_.Find(word);
    return id < 0 ? nullptr : &infos_[id];
  }
  const Start* StartFor(const WordInfo* info) const {
    return info == nullptr || info->start < 0 ? nullptr : &starts_[info->start];
  }
  // The names and roles whose first word is `word` (compared case-blind); null if none.
  const Start* StartsAt(std::string_view word) const { return StartFor(Lookup(word)); }
  // Longest where `start` is StartsAt(the word at text[pos]). Only the aliases
  // that end with a letter or digit and are n < 64 bytes long with bit n of
  // `lengths` set are compared, and those of other ends or lengths: a caller
  // that knows which lengths cannot match (AliasLengths) clears their bits.
  Match LongestFrom(const Start* start, std::string_view text, size_t pos, std::optional<Date> date,
                    uint64_t lengths = ~uint64_t{0}) const;
  // The bits n of the aliases of `start` that may stand at text[pos] (the
  // start of a word of `start`, text ending at its size) for a text with
  // word ends `word_ends` (WordScan::EndsAfter), told from their lengths,
  // the byte after the first word's separator and the case of text[pos].
  // LongestFrom(start, ..., lengths) finds what LongestFrom(start, ...) does
  // where `lengths` is this, and nothing where it is 0 and the start's
  // aliases are all bounded (aliases_unbounded clear).
  static uint64_t AliasLengths(const Start& start, std::string_view text, size_t pos,
                               uint64_t word_ends) {
    uint64_t lengths = start.alias_lengths_near;
    if (const size_t next = pos + start.word_length + 1; next < text.size()) {
      const size_t c = ascii::kFolded[static_cast<unsigned char>(text[next])];
      if ((start.alias_next_bytes[c / 64] >> (c % 64) & 1u) != 0) {
        lengths |= start.alias_lengths_far;
      }
    }
    if (!ascii::Upper(text[pos])) lengths &= start.alias_lengths_uncapitalised;
    return lengths & word_ends;
  }
  // The lexicon kind bits (person title, given name, ...) of `word`, ignoring
  // case and a final period; 0 if it is in no list.
  int Kinds(std::string_view word) const {
    return KindsVia(word, [this](std::string_view w) { return Lookup(w); });
  }
  // The same, with `lookup(word)` standing for Lookup (MentionTracker's memo).
  template <typename LookupFn>
  int KindsVia(std::string_view word, LookupFn lookup) const {
    if (word.empty()) return empty_kinds_;
    if (word.back() == '.') word.remove_suffix(1);
    const WordInfo* info = lookup(word);
    return info == nullptr ? 0 : info->kinds;
  }
  WordInfo& InfoOf(std::string_view lower);
  Start& StartOf(std::string_view lower);

  const RulePack& pack_;
  std::vector<DocEntity> known_;
  // First words of names and roles, and lexicon words, in one table: a
  // capitalised word's one lookup tells both -> index in infos_.
  FoldedWords words_;
  std::vector<WordInfo> infos_;
  std::vector<Start> starts_;
  int empty_kinds_ = 0;  // of the empty word (the word before a sentence's first)
  // 1 at (second byte << 8 | first byte) of each role phrase and of each
  // name written with no capital first, their second byte in either case; a
  // one-letter first word sets every byte that is no letter or digit, and 0
  // for the end of the text (MayStartLower; the tracker's WordScan reads it as
  // its opener table). Bytes, not bits: a look-up is a load.
  std::vector<uint8_t> lower_pairs_;
  std::unordered_map<std::string, int> by_name_;
  // Told apart from every other gazetteer made in this process (a tracker's
  // memo of word ids, MentionTracker::WordId, belongs to one).
  uint64_t serial_ = 0;
};

}  // namespace kg

#endif  // KG_EXTRACT_GAZETTEER_H_
