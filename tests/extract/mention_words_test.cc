// The mention finder's word scan (WordScan) and its index of a document's
// names (NameIndex), each against the obvious implementation: a byte loop,
// a std::map; and a scan read ahead over a text (Read) against one of each
// stretch alone (Scan).
#include "extract/mention_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "extract/mention_names.h"

namespace kg {
namespace {

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Random text over bytes at every class boundary ('@' and '[' around A-Z, '`'
// and '{' around a-z, '/' and ':' around 0-9, bytes from 0x80 and their
// bit-5 twins), with runs long enough to cross 16- and 64-byte blocks.
std::string RandomText(uint32_t* state, size_t length) {
  const std::string alphabet = "aZ09 @[`{/:.-'\xe2\x80\x99\xc0\xe0\xff\tAz";
  std::string text;
  while (text.size() < length) {
    *state = *state * 1103515245u + 12345u;
    const char c = alphabet[(*state >> 8) % alphabet.size()];
    const size_t run = (*state >> 20) % 3 == 0 ? (*state >> 4) % 80 : 1;
    text.append(std::min(run, length - text.size()), c);
  }
  return text;
}

TEST(WordScanTest, AgreesWithAByteLoop) {
  uint32_t state = 7;
  WordScan scan;  // one scan reused, as the tracker does
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&state, 1 + (state >> 7) % 300);
    // Any stretch of the text, so that the scan ends both well inside it
    // (sixteen-byte loads that must mask) and at its very end (byte loads).
    const size_t begin = (state >> 3) % text.size();
    const size_t end = begin + (state >> 11) % (text.size() - begin + 1);
    scan.Scan(text, begin, end);
    std::vector<std::pair<size_t, size_t>> words;
    int letter_words = 0, capitals = 0;
    for (size_t i = begin; i < end;) {
      if (!IsAlnum(text[i])) {
        ++i;
        continue;
      }
      const size_t b = i;
      while (i < end && IsAlnum(text[i])) ++i;
      words.push_back({b, i});
      letter_words += text[b] > '9' ? 1 : 0;
      capitals += text[b] >= 'A' && text[b] <= 'Z' ? 1 : 0;
    }
    // From every position: the next word start, and where its run ends.
    size_t next = 0;
    for (size_t pos = begin; pos <= end; ++pos) {
      while (next < words.size() && words[next].first < pos) ++next;
      const size_t expected = next < words.size() ? words[next].first : end;
      ASSERT_EQ(scan.NextStart(pos), expected) << round << " at " << pos;
      if (pos == end) break;
      size_t run_end = pos;
      while (run_end < end && IsAlnum(text[run_end])) ++run_end;
      ASSERT_EQ(scan.RunEnd(pos), run_end) << round << " at " << pos;
    }
    int counted_letters = -1, counted_capitals = -1;
    scan.CountWords(text, &counted_letters, &counted_capitals);
    EXPECT_EQ(counted_letters, letter_words) << round;
    EXPECT_EQ(counted_capitals, capitals) << round;
    for (const auto& [word_begin, word_end] : words) {
      uint64_t ends = 0;
      for (size_t k = 0; k < 64 && word_begin + k <= end; ++k) {
        if (word_begin + k == end || !IsAlnum(text[word_begin + k])) ends |= uint64_t{1} << k;
      }
      EXPECT_EQ(scan.EndsAfter(word_begin), ends) << round << " at " << word_begin;
    }
  }
}

// A random opener table: about one pair in `one_in` set, and every pair of
// a few first bytes (so that some words of one byte open and some do not).
std::vector<uint8_t> RandomPairs(uint32_t* state, uint32_t one_in) {
  std::vector<uint8_t> pairs(65536);
  for (size_t i = 0; i < pairs.size(); ++i) {
    *state = *state * 1103515245u + 12345u;
    pairs[i] = (*state >> 8) % one_in == 0 ? 1 : 0;
  }
  for (unsigned char first : {'a', 'Z', '0'}) {
    for (size_t second = 0; second < 256; second += 2) pairs[second << 8 | first] = 1;
  }
  return pairs;
}

// What NextOpener finds, read byte by byte: a word start of text[begin, end)
// at or after `pos` whose first byte is a capital or whose first two bytes
// (the second 0 at the end) are set in `pairs`.
size_t NextOpenerByBytes(const std::string& text, size_t begin, size_t end, size_t pos,
                         const std::vector<uint8_t>& pairs) {
  for (; pos < end; ++pos) {
    if (!IsAlnum(text[pos]) || (pos > begin && IsAlnum(text[pos - 1]))) continue;
    const unsigned char first = static_cast<unsigned char>(text[pos]);
    const unsigned char second = pos + 1 < end ? static_cast<unsigned char>(text[pos + 1]) : 0;
    if ((first >= 'A' && first <= 'Z') || pairs[size_t{second} << 8 | first] != 0) return pos;
  }
  return end;
}

TEST(WordScanTest, OpenersAreTheStartsAByteLoopFinds) {
  uint32_t state = 11;
  WordScan scan;
  for (int round = 0; round < 3000; ++round) {
    const std::vector<uint8_t> pairs = RandomPairs(&state, 1 + round % 5);
    scan.SetOpenerPairs(pairs.data());
    const std::string text = RandomText(&state, 1 + (state >> 7) % 300);
    const size_t begin = (state >> 3) % text.size();
    const size_t end = begin + (state >> 11) % (text.size() - begin + 1);
    scan.Scan(text, begin, end);
    for (size_t pos = begin; pos <= end; ++pos) {
      ASSERT_EQ(scan.NextOpener(pos), NextOpenerByBytes(text, begin, end, pos, pairs))
          << round << " at " << pos;
      if (pos < end) {
        ASSERT_EQ(scan.StartsAt(pos), scan.NextStart(pos) == pos) << round << " at " << pos;
      }
    }
  }
}

// Every answer of `read` about text[begin, end) against `scan`'s, a Scan of that stretch alone.
void ExpectSameAnswers(const WordScan& read, const WordScan& scan, const std::string& text,
                       size_t begin, size_t end, int round) {
  for (size_t pos = begin; pos <= end; ++pos) {
    ASSERT_EQ(read.NextStart(pos), scan.NextStart(pos)) << round << " at " << pos;
    ASSERT_EQ(read.NextOpener(pos), scan.NextOpener(pos)) << round << " at " << pos;
    if (pos == end) break;
    ASSERT_EQ(read.StartsAt(pos), scan.StartsAt(pos)) << round << " at " << pos;
    ASSERT_EQ(read.RunEnd(pos), scan.RunEnd(pos)) << round << " at " << pos;
    ASSERT_EQ(read.EndsAfter(pos), scan.EndsAfter(pos)) << round << " at " << pos;
  }
  int read_letters = -1, read_capitals = -1, letters = -2, capitals = -2;
  read.CountWords(text, &read_letters, &read_capitals);
  scan.CountWords(text, &letters, &capitals);
  EXPECT_EQ(read_letters, letters) << round;
  EXPECT_EQ(read_capitals, capitals) << round;
}

TEST(WordScanTest, ReadAnswersForEachStretchAsAScanOfItAlone) {
  uint32_t state = 23;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  WordScan read, scan;  // one of each reused, as the tracker reuses its scan
  for (int round = 0; round < 1500; ++round) {
    const std::vector<uint8_t> pairs = RandomPairs(&state, 1 + round % 4);
    read.SetOpenerPairs(pairs.data());  // forgets the last round's text
    scan.SetOpenerPairs(pairs.data());
    const std::string text = RandomText(&state, 1 + next() % 400);
    // Stretches in order, as a document's sentences: ends anywhere, inside
    // runs too, some empty, some with bytes skipped between them; now and then
    // one that goes back (which Read must scan again).
    size_t begin = next() % 4 == 0 ? next() % text.size() : 0;
    while (begin <= text.size()) {
      const size_t end = std::min(text.size(), begin + next() % 90);
      read.Read(text, begin, end);
      scan.Scan(text, begin, end);
      ExpectSameAnswers(read, scan, text, begin, end, round);
      if (::testing::Test::HasFatalFailure()) return;
      if (end == text.size()) break;
      begin = next() % 8 == 0 ? next() % (end + 1) : end + next() % 3;
    }
  }
}

TEST(WordScanTest, ReadScansAChangedTextAfterForget) {
  // The same buffer with other bytes: Forget makes Read look again.
  std::string text = "alpha Beta gamma";
  WordScan read;
  read.Read(text, 0, text.size());
  EXPECT_EQ(read.NextOpener(0), 6u);
  text = "Alpha beta Gamma";
  read.Forget();
  read.Read(text, 0, text.size());
  EXPECT_EQ(read.NextOpener(0), 0u);
  EXPECT_EQ(read.NextOpener(1), 11u);
}

TEST(WordScanTest, EveryByteValueIsClassedAsAByteLoopWould) {
  // All 256 byte values, at every offset in a 16- and a 64-byte block (the
  // classing compares moved byte ranges, so a wrong bound shows at one value).
  for (size_t shift = 0; shift < 80; shift += 3) {
    std::string text(shift, ' ');
    for (int b = 0; b < 256; ++b) {
      text += static_cast<char>(b);
      text += ' ';
    }
    WordScan scan;
    scan.Scan(text, 0, text.size());
    for (size_t pos = shift; pos < text.size(); pos += 2) {
      ASSERT_EQ(scan.RunEnd(pos), IsAlnum(text[pos]) ? pos + 1 : pos)
          << "byte " << static_cast<int>(static_cast<unsigned char>(text[pos])) << " shift "
          << shift;
    }
  }
}

TEST(WordScanTest, EmptyStretchHasNoWords) {
  WordScan scan;
  int letters = -1, capitals = -1;
  scan.Scan("Acme", 2, 2);
  EXPECT_EQ(scan.NextStart(2), 2u);
  scan.CountWords("Acme", &letters, &capitals);
  EXPECT_EQ(letters, 0);
  scan.Scan("", 0, 0);
  EXPECT_EQ(scan.NextStart(0), 0u);
}

TEST(WordScanTest, AStretchStartsAWordMidRun) {
  // "cme" starts a word of the stretch [1, 4) though text[0] is a letter.
  WordScan scan;
  scan.Scan("Acme Co", 1, 4);
  EXPECT_EQ(scan.NextStart(1), 1u);
  EXPECT_EQ(scan.RunEnd(1), 4u);
}

TEST(NameIndexTest, AgreesWithAMap) {
  uint32_t state = 99;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  NameIndex index;
  std::map<std::string, int> reference;
  // The index keeps views of its keys: their bytes stay here, in nodes that never move.
  std::deque<std::string> keys;
  for (int i = 0; i < 5000; ++i) {
    // Short names over few letters collide often; some are long, some empty.
    std::string name;
    const size_t length = next() % 5 == 0 ? next() % 40 : next() % 4;
    for (size_t k = 0; k < length; ++k) name += "aB \xe2"[next() % 4];
    const int value = static_cast<int>(next() % 1000);
    switch (next() % 3) {
      case 0: {
        const auto [it, added] = reference.emplace(name, value);
        EXPECT_EQ(index.Emplace(keys.emplace_back(name), value), it->second) << name;
        break;
      }
      case 1:
        reference[name] = value;
        index.Set(keys.emplace_back(name), value);
        break;
      default: {
        const auto it = reference.find(name);
        EXPECT_EQ(index.Find(name), it == reference.end() ? -1 : it->second) << name;
      }
    }
  }
  for (const auto& [name, value] : reference) EXPECT_EQ(index.Find(name), value) << name;
}

TEST(NameIndexTest, AgreesWithAMapAcrossManyClears) {
  // Documents of a few names each, cleared between them: more clears than
  // the index has stamps, so stamps come round (and old slots must not seem
  // filled), with names shared between documents and colliding.
  uint32_t state = 5;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  NameIndex index;
  for (int document = 0; document < 700; ++document) {
    std::map<std::string, int> reference;
    // A document's keys, kept until the index is cleared; each filled
    // with a byte that no key has once dropped, so a slot of an old document
    // that seemed filled would be told by its bytes.
    std::deque<std::string> keys;
    const int operations = static_cast<int>(next() % 60);
    for (int i = 0; i < operations; ++i) {
      const std::string name = "n" + std::to_string(next() % 40);
      const int value = static_cast<int>(next() % 1000);
      if (next() % 2 == 0) {
        const auto [it, added] = reference.emplace(name, value);
        ASSERT_EQ(index.Emplace(keys.emplace_back(name), value), it->second)
            << document << " " << name;
      } else {
        reference[name] = value;
        index.Set(keys.emplace_back(name), value);
      }
    }
    for (int k = 0; k < 40; ++k) {
      const std::string name = "n" + std::to_string(k);
      const auto it = reference.find(name);
      ASSERT_EQ(index.Find(name), it == reference.end() ? -1 : it->second)
          << document << " " << name;
    }
    index.Clear();
    for (std::string& key : keys) key.assign(key.size(), '#');
  }
}

TEST(NameIndexTest, ClearedIndexIsEmptyAndUsable) {
  // Small (slots kept) and large (slots let go) indexes, each cleared and refilled.
  for (const int names : {5, 3000}) {
    NameIndex index;
    std::deque<std::string> keys;  // alive until the index is cleared (it keeps views)
    for (int i = 0; i < names; ++i) index.Set(keys.emplace_back("name" + std::to_string(i)), i);
    index.Clear();
    for (int i = 0; i < names; ++i) EXPECT_EQ(index.Find("name" + std::to_string(i)), -1) << i;
    EXPECT_EQ(index.Emplace("name1", 7), 7);
    EXPECT_EQ(index.Emplace("name1", 8), 7);
    EXPECT_EQ(index.Find("name2"), -1);
    index.Clear();
    index.Clear();
    EXPECT_EQ(index.Find("name1"), -1);
  }
}

}  // namespace
}  // namespace kg
