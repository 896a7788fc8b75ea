// MentionTrackerReference: the mention finder as it was before the word table
// and the reused per-thread buffers (extract/mentions.cc at d93bfc3), kept
// unchanged as the oracle that MentionTracker is checked against
// (mention_tracker_test.cc). Slow on purpose: every word is read as it was.
#ifndef KG_TESTS_EXTRACT_MENTION_REFERENCE_UTIL_H_
#define KG_TESTS_EXTRACT_MENTION_REFERENCE_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"
#include "extract/gazetteer.h"
#include "extract/mention_names.h"
#include "extract/mentions.h"
#include "extract/rule_pack.h"
#include "graph/model/date.h"

namespace kg {

// The words of a sentence read a byte at a time (what WordScan computes).
class ByteWordScan {
 public:
  struct Word {
    size_t begin, end;
  };
  void Scan(std::string_view text, size_t begin, size_t end) {
    text_ = text;
    end_ = end;
    words_.clear();
    letter_words_ = capitals_ = 0;
    for (size_t i = begin; i < end;) {
      if (!ascii::Alnum(text[i])) {
        ++i;
        continue;
      }
      const size_t b = i;
      while (i < end && ascii::Alnum(text[i])) ++i;
      words_.push_back({b, i});
      letter_words_ += ascii::Alpha(text[b]) ? 1 : 0;
      capitals_ += ascii::Upper(text[b]) ? 1 : 0;
    }
  }
  const std::vector<Word>& words() const { return words_; }
  int letter_words() const { return letter_words_; }
  int capitals() const { return capitals_; }
  uint64_t EndsAfter(size_t pos) const {
    uint64_t ends = 0;
    for (size_t k = 0; k < 64 && pos + k <= end_; ++k) {
      if (pos + k == end_ || !ascii::Alnum(text_[pos + k])) ends |= uint64_t{1} << k;
    }
    return ends;
  }

 private:
  std::string_view text_;
  size_t end_ = 0;
  std::vector<Word> words_;
  int letter_words_ = 0, capitals_ = 0;
};

class MentionTrackerReference {
 public:
  MentionTrackerReference(const Gazetteer& gazetteer, std::optional<Date> doc_date);

  // The mentions of the sentence text[begin, end), left to right; updates the
  // discourse state so later sentences can refer back.
  std::vector<Mention> Find(std::string_view text, size_t begin, size_t end);
  // The same, written over *mentions: the mentions it already holds are
  // reused, so a caller that keeps one vector from sentence to sentence
  // allocates nothing per mention.
  void Find(std::string_view text, size_t begin, size_t end, std::vector<Mention>* mentions);

  const DocEntity& entity(int id) const;

 private:
  struct NameWord {
    size_t begin, end;
    int kinds;  // lexicon kind bits; -1 until looked up
  };
  // A mention as the finders below return it, before Find writes it out.
  struct Found {
    size_t begin = 0, end = 0;
    int entities[2] = {-1, -1};  // a role stands for at most two ("the two")
    int count = 0;
    std::string_view resolution;
    bool possessive = false;
  };
  int Unknown(std::string_view name, std::string_view type);
  // The first of the role phrases of `start` (those whose first word is the
  // word at pos) that stands at text[pos] and resolves.
  std::optional<Found> Reference(std::string_view text, size_t pos, size_t end,
                                 const Gazetteer::Start& start);
  // The role phrase `role`, which the text at pos spells, resolved; nothing if
  // the phrase stands for nobody here.
  std::optional<Found> ReferenceAs(const RoleDef& role, std::string_view text, size_t pos,
                                   size_t end);
  // "Trump's social media company": the one entity of the gazetteer owned by
  // the possessor whose type fits the head noun (extract/references.cc).
  std::optional<Found> Description(std::string_view text, size_t pos, size_t end) const;
  // The speaker of the quotation around text[pos]: the person named right after
  // it with a speech verb ("...," Musk said / said Musk); -1 if none.
  int Speaker(std::string_view text, size_t pos, size_t end) const;
  // Unknown capitalised name starting at pos; returns its mention and advances.
  std::optional<Found> NewName(std::string_view text, size_t sentence_begin, size_t pos, size_t end,
                               bool headline, size_t* next);
  int Latest(const std::vector<std::string>& types, int skip = -1,
             std::string_view gender = {}) const;
  // Whether entity `id` may be called by a pronoun of `gender` (see RoleDef).
  bool GenderFits(int id, std::string_view gender) const;
  bool OrganisationFollows(std::string_view text, size_t pos, size_t end) const;
  bool Is(std::string_view word, int kind) const;
  int Kinds(std::string_view word) const;  // the lexicon kind bits of `word`, 0 if none

  const Gazetteer& gaz_;
  std::optional<Date> doc_date_;
  std::vector<DocEntity> extra_;  // ids from gaz_.pack().entities.size() on
  NameIndex unknown_ids_;
  NameIndex surnames_;
  std::vector<int> recent_;  // entity ids in order of mention
  int last_subject_ = -1;    // the first person of the latest sentence that had one
  // Set before a reference or description is tried: whether no mention
  // precedes it in the sentence, and the latest mention's one entity (-1 if
  // none, or several) and end, for "Trump's media company".
  bool sentence_start_ = false;
  int last_entity_ = -1;
  size_t last_end_ = 0;
  // Scratch kept between sentences so that reading one allocates nothing: its
  // words, and the words of the name NewName is reading.
  ByteWordScan scan_;
  std::vector<NameWord> name_words_;
};

}  // namespace kg

#endif  // KG_TESTS_EXTRACT_MENTION_REFERENCE_UTIL_H_
