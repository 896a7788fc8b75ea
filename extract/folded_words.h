// FoldedWords: a set of lower-case words (names' first words, lexicon words)
// looked up by a word of text in any ASCII case, without copying or folding the
// word first. Built once per rule pack and then read-only, so safe to share
// across threads. The mention finder asks it about every word of every
// sentence: a bitmap of key shapes turns most words away before hashing.
#ifndef KG_EXTRACT_FOLDED_WORDS_H_
#define KG_EXTRACT_FOLDED_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"

namespace kg {

class FoldedWords {
 public:
  FoldedWords();

  // Adds `lower`, which must contain no ASCII upper-case letter, unless it is
  // already present; returns its id (ids count up from 0 in order of adding).
  int Add(std::string_view lower);

  // The id of the word equal to `word` ignoring ASCII case; -1 if none.
  int Find(std::string_view word) const {
    const size_t bit = FilterBit(word);
    if ((filter_[bit / 64] >> (bit % 64) & 1u) == 0) return -1;
    return Probe(word);
  }

  size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    uint64_t head = 0;  // the key's first eight bytes (Head)
    uint32_t hash = 0;
    int32_t id = -1;    // -1: empty
    size_t length = 0;  // the key's, so a short word is told apart without reading the key
  };
  static size_t FilterBit(std::string_view word) {
    const uint32_t a = word.empty() ? 0 : ascii::kFolded[static_cast<unsigned char>(word[0])];
    const uint32_t b = word.size() < 2 ? 0 : ascii::kFolded[static_cast<unsigned char>(word[1])];
    const uint32_t z = word.empty() ? 0 : ascii::kFolded[static_cast<unsigned char>(word.back())];
    const uint32_t n = static_cast<uint32_t>(word.size() < 63 ? word.size() : 63);
    return ((a << 16 | b << 8 | z) * 0x9E3779B1u + n * 0x85EBCA77u) >> 16;  // 16 bits
  }
  // Up to eight bytes of `word` from `at`, folded, little-endian; zero past its end.
  static uint64_t Chunk(std::string_view word, size_t at) {
    const size_t n = word.size() - at < 8 ? word.size() - at : 8;
    return ascii::FoldBytes(ascii::Load8(word.data() + at, n));
  }
  // The hash of the folded `word` whose first chunk is `head`; words of eight
  // bytes or fewer (most) take one multiply and the mix.
  static uint32_t Hash(std::string_view word, uint64_t head) {
    uint64_t h = (head ^ word.size()) * 0x9E3779B97F4A7C15u;
    for (size_t at = 8; at < word.size(); at += 8) {
      h = (h ^ Chunk(word, at)) * 0x9E3779B97F4A7C15u;
      h ^= h >> 31;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return static_cast<uint32_t>(h);
  }
  // In line in Find (a call cost a fifth of a lookup): most words are a hash
  // and a slot or two; longer than eight bytes, the rest is read by TailEquals.
  int Probe(std::string_view word) const {
    const uint64_t head = Chunk(word, 0);
    const uint32_t hash = Hash(word, head);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id < 0) return -1;
      if (slot.hash != hash || slot.head != head || slot.length != word.size()) continue;
      // Eight bytes or fewer: the heads were the whole words.
      if (word.size() <= 8 || TailEquals(word, slot.id)) return slot.id;
    }
  }
  // Whether `word` past its first eight bytes equals key `id`'s, ignoring case.
  bool TailEquals(std::string_view word, int id) const;
  void Place(Slot slot);
  void Rehash(size_t slots);

  std::vector<std::string> keys_;  // by id
  // A bit per (folded first two bytes, length) of a key, hashed: a clear bit
  // means no key of that shape.
  std::vector<uint64_t> filter_;
  std::vector<Slot> slots_;  // a power of two of them
};

}  // namespace kg

#endif  // KG_EXTRACT_FOLDED_WORDS_H_
