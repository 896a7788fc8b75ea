// Mentions: where a sentence names an entity, and which entity it is.
//
// A Gazetteer (built once per rule pack, immutable, shared across threads)
// finds known names and aliases by longest match. A MentionTracker (one per
// document, not shared) adds what a document introduces: unknown capitalised
// names typed from their context ("Pfizer CEO Albert Bourla"), later surnames
// of those names ("Bourla"), pronouns and role phrases resolved against the
// entities mentioned so far ("he", "its", "the company", "the president-elect").
#ifndef KG_EXTRACT_MENTIONS_H_
#define KG_EXTRACT_MENTIONS_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/rule_pack.h"
#include "graph/model/date.h"

namespace kg {

struct DocEntity {
  std::string name;
  std::string type;
};

struct Mention {
  size_t begin = 0;  // byte offsets into the document text
  size_t end = 0;
  std::vector<int> entities;  // usually one; "the two" stands for two
  std::string resolution;     // name, alias, surname, pronoun, role, new
  bool possessive = false;    // "his", "its": the view renders "<e..>'s"
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

 private:
  struct Alias {
    std::string lower;
    std::string written;
    int entity;
    bool canonical;
    std::optional<DaySpan> valid;
  };
  // Lookups by a std::string_view of a word folded on the stack, without a
  // std::string per lookup.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

  const RulePack& pack_;
  std::vector<DocEntity> known_;
  std::vector<const RoleDef*> roles_;  // longest phrase first
  // roles_ by their phrase's first byte (same order): the only ones that can
  // start where the text's lower-cased byte is that one.
  std::array<std::vector<const RoleDef*>, 256> roles_by_first_;
  WordMap<std::vector<Alias>> by_first_word_;  // lower-case first word
  std::unordered_map<std::string, int> by_name_;
  WordMap<int> words_;  // lexicon words -> kind bits
  std::unordered_set<std::string, WordHash, std::equal_to<>> role_first_words_;  // lower case
  // A test that most words of a text fail before being folded and looked up:
  // per first byte, a bit per length (31: longer) of the words above, and a
  // bit per value of a cheap hash of the case-folded word.
  struct Shapes {
    std::array<uint32_t, 256> by_first{};
    std::array<uint64_t, 1024> by_hash{};
  };
  Shapes name_shapes_;
  Shapes role_shapes_;
  static void AddShape(std::string_view lower, Shapes* shapes);
  static bool HasShape(std::string_view word, const Shapes& shapes);
  friend class MentionTracker;
};

class MentionTracker {
 public:
  MentionTracker(const Gazetteer& gazetteer, std::optional<Date> doc_date);

  // The mentions of the sentence text[begin, end), left to right; updates the
  // discourse state so later sentences can refer back.
  std::vector<Mention> Find(std::string_view text, size_t begin, size_t end);

  const DocEntity& entity(int id) const;

 private:
  int Unknown(const std::string& name, const std::string& type);
  std::optional<Mention> Reference(std::string_view text, size_t pos, size_t end);
  // "Trump's social media company": the one entity of the gazetteer owned by
  // the possessor whose type fits the head noun (extract/references.cc).
  std::optional<Mention> Description(std::string_view text, size_t pos, size_t end) const;
  // The speaker of the quotation around text[pos]: the person named right after
  // it with a speech verb ("...," Musk said / said Musk); -1 if none.
  int Speaker(std::string_view text, size_t pos, size_t end) const;
  // Unknown capitalised name starting at pos; returns its mention and advances.
  std::optional<Mention> NewName(std::string_view text, size_t sentence_begin, size_t pos,
                                 size_t end, bool headline, size_t* next);
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
  std::map<std::string, int> unknown_ids_;
  std::map<std::string, int> surnames_;
  std::vector<int> recent_;  // entity ids in order of mention
  int last_subject_ = -1;    // the first person of the latest sentence that had one
  bool sentence_start_ = false;
  // The latest mention of the sentence being read, for "Trump's media company".
  int last_entity_ = -1;
  size_t last_end_ = 0;
};

}  // namespace kg

#endif  // KG_EXTRACT_MENTIONS_H_
