// Mentions: where a sentence names an entity, and which entity it is.
//
// A Gazetteer (extract/gazetteer.h: built once per rule pack, immutable,
// shared across threads) finds known names and aliases by longest match. A
// MentionTracker (one per document, not shared) adds what a document
// introduces: unknown capitalised names typed from their context ("Pfizer CEO Albert Bourla"),
// later surnames of those names ("Bourla"), pronouns and role phrases resolved against the entities
// mentioned so far ("he", "its", "the company", "the president-elect").
#ifndef KG_EXTRACT_MENTIONS_H_
#define KG_EXTRACT_MENTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/mention_names.h"
#include "extract/mention_words.h"
#include "extract/rule_pack.h"
#include "graph/model/date.h"

namespace kg {

struct Mention {
  size_t begin = 0;  // byte offsets into the document text
  size_t end = 0;
  std::vector<int> entities;  // usually one; "the two" stands for two
  // name, alias, surname, pronoun, role, speaker, description, new: one of the
  // finder's fixed words, never owned (a string would be copied per mention).
  std::string_view resolution;
  bool possessive = false;  // "his", "its": the view renders "<e..>'s"
};

class MentionTracker {
 public:
  MentionTracker(const Gazetteer& gazetteer, std::optional<Date> doc_date);
  // Leaves its buffers to the next tracker made on this thread.
  ~MentionTracker();
  MentionTracker(const MentionTracker&) = delete;
  MentionTracker& operator=(const MentionTracker&) = delete;

  // The mentions of the sentence text[begin, end), left to right; updates the
  // discourse state so later sentences can refer back. `text` is the
  // document, the same bytes at every call on this tracker (its words are
  // read once, at the first sentence), alive as long as the tracker (the
  // names it introduces are kept as views of it).
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
  struct Buffers;  // the members below, kept per thread between documents (mentions.cc)
  static Buffers& Spare();
  int Unknown(std::string_view name, std::string_view type);
  // What starts at the word text[pos] of the sentence being read: the names
  // and roles whose first word it is, and the longest known name there.
  struct KnownAt {
    size_t pos = SIZE_MAX;
    const Gazetteer::Start* start = nullptr;
    int kinds = 0;  // the lexicon kinds of the word's letters and digits
    Gazetteer::Match match;
  };
  // Looked up once for a word that NewName reads ahead and Find then reaches.
  const KnownAt& Known(std::string_view text, size_t pos);
  // gaz_.Lookup(word), answered from the memo below where it holds the word.
  const Gazetteer::WordInfo* LookupWord(std::string_view word) const;
  struct WordMemo;
  // LookupWord's answer for a word the memo does not hold: the gazetteer's,
  // kept in `memo` (the slot for `bytes`, the word's).
  const Gazetteer::WordInfo* LookupWordMissed(std::string_view word, uint64_t bytes,
                                              WordMemo* memo) const;
  // The end of the capitalised name word at text[pos] ("AT&T", "Inc.", "D'Angelo").
  size_t NameWordEnd(std::string_view text, size_t pos, size_t end) const;
  // The same, read byte by byte (NameWordEnd's answer for words no space ends).
  size_t NameWordEndByBytes(std::string_view text, size_t pos, size_t end) const;
  // The longest known name at text[pos], the start of a word of `start` (the
  // names whose first word it is): LongestFrom, called only where
  // Gazetteer::AliasLengths leaves an alias that may stand there.
  Gazetteer::Match LongestAt(const Gazetteer::Start& start, std::string_view text,
                             size_t pos) const;
  // The lengths n < 64 (bit n) of the role phrases of `start` (those whose
  // first word is the word at pos) that may stand at text[pos]: those that
  // reach a word end there and may have the text's byte after the first
  // word's separator.
  uint64_t RoleLengths(const Gazetteer::Start& start, std::string_view text, size_t pos,
                       size_t end) const;
  // The first of the role phrases of `start` that stands at text[pos] and
  // resolves: those of 64 bytes or more, and those of `lengths` (RoleLengths).
  std::optional<Found> Reference(std::string_view text, size_t pos, size_t end,
                                 const Gazetteer::Start& start, uint64_t lengths);
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
  // `run_kinds` are the lexicon kinds of the letters and digits from pos.
  std::optional<Found> NewName(std::string_view text, size_t sentence_begin, size_t pos, size_t end,
                               bool headline, int run_kinds, size_t* next);
  // NewName for a name of one word, text[pos, end).
  std::optional<Found> SingleName(std::string_view text, size_t sentence_begin, size_t pos,
                                  size_t end, bool headline, int run_kinds);
  // Whether the word before text[pos] is a person's title ("Mr. Cheung", "adviser Stephen Miller").
  bool TitleBefore(std::string_view text, size_t sentence_begin, size_t pos) const;
  int Latest(const std::vector<std::string>& types, int skip = -1,
             std::string_view gender = {}) const;
  // Whether entity `id` may be called by a pronoun of `gender` (see RoleDef).
  bool GenderFits(int id, std::string_view gender) const;
  bool OrganisationFollows(std::string_view text, size_t pos, size_t end) const;
  bool Is(std::string_view word, int kind) const;
  int Kinds(std::string_view word) const;  // the lexicon kind bits of `word`, 0 if none

  const Gazetteer& gaz_;
  std::optional<Date> doc_date_;
  // Ids from gaz_.pack().entities.size() on: the first extra_used_ of extra_
  // (those past it are a previous document's, kept for their strings' memory).
  std::vector<DocEntity> extra_;
  size_t extra_used_ = 0;
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
  // words, the words of the name NewName is reading, and the entity lists of
  // mentions a caller's vector dropped, for its next mentions.
  WordScan scan_;
  std::vector<NameWord> name_words_;
  std::vector<std::vector<int>> spare_lists_;
  KnownAt known_at_;  // the last Known, for this sentence only
  // The gazetteer's word ids (-1: none) of words of one to eight bytes
  // looked up lately, by their bytes as written: texts repeat their words
  // ("the", "he", their names), and one compare here spares the case-blind
  // hash. Direct-mapped, kept from document to document for gaz_ alone.
  struct WordMemo {
    uint64_t bytes = 0;   // the word's, little-endian, zero above it
    uint32_t length = 0;  // 0: no word
    int32_t id = -1;
  };
  static constexpr int kWordMemoBits = 11;
  // Scratch that answers as gaz_ does: filled by const look-ups too.
  mutable std::vector<WordMemo> word_memo_;
  uint64_t word_memo_serial_ = 0;  // the gazetteer whose ids word_memo_ holds
};

// In line: views, facts and references ask it for every mention.
inline const DocEntity& MentionTracker::entity(int id) const {
  const std::vector<DocEntity>& known = gaz_.known_;
  if (id < static_cast<int>(known.size())) return known[id];
  return extra_[id - known.size()];
}

}  // namespace kg

#endif  // KG_EXTRACT_MENTIONS_H_
