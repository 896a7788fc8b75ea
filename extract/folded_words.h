// FoldedWords: a set of lower-case words (names' first words, lexicon words)
// looked up by a word of text in any ASCII case, without copying or folding the
// word first. Built once per rule pack and then read-only, so safe to share
// across threads. The mention finder asks it about every word of every
// sentence: a per-first-byte length mask turns most words away before hashing.
#ifndef KG_EXTRACT_FOLDED_WORDS_H_
#define KG_EXTRACT_FOLDED_WORDS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class FoldedWords {
 public:
  FoldedWords();

  // Adds `lower`, which must contain no ASCII upper-case letter, unless it is
  // already present; returns its id (ids count up from 0 in order of adding).
  int Add(std::string_view lower);

  // The id of the word equal to `word` ignoring ASCII case; -1 if none.
  int Find(std::string_view word) const;

  size_t size() const { return keys_.size(); }

 private:
  static uint32_t Hash(std::string_view word);  // of the folded bytes
  int Probe(std::string_view word, uint32_t hash) const;
  void Rehash(size_t slots);

  std::vector<std::string> keys_;
  std::vector<uint32_t> hashes_;  // of keys_
  std::vector<int32_t> slots_;    // ids, -1 where empty; size a power of two
  // Per folded first byte, a bit per word length (31: 31 or longer).
  std::array<uint32_t, 256> lengths_by_first_{};
};

}  // namespace kg

#endif  // KG_EXTRACT_FOLDED_WORDS_H_
