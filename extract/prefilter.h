// PatternPrefilter: which relation patterns can possibly match a mention view,
// decided from the literal words each pattern cannot match without ("acquired"
// or "bought" or "buys" ...). Built from the expanded pattern sources; one scan
// of the view (Aho-Corasick over all those words) answers for every pattern.
// The answer is a superset of the patterns that match: a pattern whose source
// yields no usable words is always a candidate. Given the pack's CueFilter,
// the same scan also gives that filter's answer for the view, so the view is
// read once for both. Immutable and thread-safe.
#ifndef KG_EXTRACT_PREFILTER_H_
#define KG_EXTRACT_PREFILTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class CueFilter;

class PatternPrefilter {
 public:
  // `sources`: RE2 syntax, matched case-insensitively against lower-case views.
  // `frequent`: text found in most views (entity tokens such as
  // "<e0:person>"); a required string inside one of them rejects too little
  // to be worth looking for.
  // `cues`: if not null, the filter whose answer Candidates also gives
  // (only read here).
  PatternPrefilter(const std::vector<std::string>& sources,
                   const std::vector<std::string>& frequent, const CueFilter* cues = nullptr);

  // Sets *out to the indices of the patterns that may match `view`, ascending.
  void Candidates(std::string_view view, std::vector<int>* out) const;
  // The same, and in (*last_start)[i] the last offset of `view` at which a
  // match of pattern (*out)[i] can begin: a match holds one string of each
  // required clause, so it begins no later than the last place each is found.
  // A search resumed past that offset cannot succeed.
  void Candidates(std::string_view view, std::vector<int>* out,
                  std::vector<uint32_t>* last_start) const;
  // The same, and in *cues what the CueFilter given at construction answers
  // for `view` (CueFilter::MayMatch), computed in the same pass. Only for a
  // prefilter built with one: see answers_cues(); else `cues` null. And, if
  // `first_end` is not null, in (*first_end)[i] the first offset at which a
  // match of pattern (*out)[i] can end: it holds one string of each clause,
  // so it ends no earlier than the first place each ends.
  void Candidates(std::string_view view, std::vector<int>* out, std::vector<uint32_t>* last_start,
                  uint32_t* cues, std::vector<uint32_t>* first_end = nullptr) const;
  bool answers_cues() const { return answers_cues_; }

  // For tests and benchmarks: patterns that are always candidates, and the
  // required words of pattern `p` (each inner list: at least one must occur).
  int unfiltered() const;
  std::vector<std::vector<std::string>> Requirements(int p) const;

 private:
  // A cue string's condition, checked where the string ends.
  struct CueCheck {
    uint32_t list = 0;  // the cue list's bit
    uint32_t size = 0;  // the string's length
    uint8_t where = 0;  // CueFilter::Cue::Where
    bool whole = false;
    bool ends_in_word = false;  // its last byte is a word character
  };
  // `clause_atoms`: per distinct clause, its atoms.
  void Build(const std::vector<std::vector<int>>& clause_atoms);
  // CueCheck::where of the strings that stand for HasAsciiFoldingChars.
  static constexpr uint8_t kFoldsToAscii = 3;
  uint32_t CueAnswer(std::string_view view, size_t end, int32_t state, bool* folds_to_ascii) const;

  // Aho-Corasick automaton over byte classes. A state is kept as its row's
  // offset in next_ (state number times classes_), so a step is one add and
  // one load.
  uint8_t byte_class_[256] = {};
  int classes_ = 1;
  std::vector<int32_t> next_;
  // A clause string's occurrence, as a state that ends it reports it: the
  // (deduplicated) clause it belongs to and its length, which tells where
  // it began.
  struct ClauseHit {
    int32_t clause = 0;
    uint32_t size = 0;
  };
  // Per state number: the clause strings ending there (into hits_) and the cue
  // strings (into cue_checks_).
  std::vector<int32_t> hit_begin_;
  std::vector<ClauseHit> hits_;
  std::vector<int32_t> cue_begin_;
  std::vector<CueCheck> cue_checks_;
  std::vector<std::string> atoms_;
  std::vector<std::vector<CueCheck>> atom_cues_;  // atom -> the cue strings it is
  bool answers_cues_ = false;
  uint32_t cue_always_ = 0, cue_all_ = 0;
  int32_t first_output_state_ = 0;  // rows from here on end atoms
  // Clauses are kept once however many patterns share them (most do: a
  // relation's forms repeat its trigger words), so each is met or not once
  // per view. Per clause: the patterns whose first clause it is.
  int clauses_ = 0;
  std::vector<int32_t> trigger_begin_;
  std::vector<int32_t> triggers_;
  // Per pattern: its clauses (rarest first) in pattern_clauses_ from
  // clause_begin_[p] to clause_begin_[p + 1].
  std::vector<int32_t> clause_begin_;
  std::vector<int32_t> pattern_clauses_;
  // Per pattern: bit (clause % 64) of each of its clauses. A view marks the
  // bits of the clauses it meets, so a pattern with a bit unmarked misses a
  // clause, told without reading them one by one.
  std::vector<uint64_t> clause_bits_;
  std::vector<int> always_;  // patterns without clauses
  std::vector<std::vector<std::vector<std::string>>> requirements_;
  int patterns_ = 0;
};

struct RulePack;
// The prefilter of a loaded pack's relation patterns; the entity types the
// pack and the mention finder give tokens are its frequent text.
std::shared_ptr<const PatternPrefilter> MakePatternPrefilter(const RulePack& pack);

}  // namespace kg

#endif  // KG_EXTRACT_PREFILTER_H_
