// The mention finder's word scan (WordScan) and its index of a document's
// names (NameIndex), each against the obvious implementation: a byte loop,
// a std::map.
#include "extract/mention_words.h"

#include <gtest/gtest.h>

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

TEST(WordScanTest, CursorStepsThroughTheStartsNextStartFinds) {
  uint32_t state = 11;
  WordScan scan;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&state, 1 + (state >> 7) % 300);
    const size_t begin = (state >> 3) % text.size();
    const size_t end = begin + (state >> 11) % (text.size() - begin + 1);
    scan.Scan(text, begin, end);
    // Seek from every position, then Step to the end: the starts NextStart
    // gives, one after another, and the scan's end after the last.
    for (size_t from = begin; from <= end; from += 1 + (state >> 5) % 7) {
      WordScan::Cursor cursor;
      size_t pos = scan.Seek(&cursor, from);
      ASSERT_EQ(pos, scan.NextStart(from)) << round << " from " << from;
      while (pos < end) {
        const size_t next = scan.Step(&cursor);
        ASSERT_EQ(next, scan.NextStart(pos + 1)) << round << " after " << pos;
        pos = next;
      }
      ASSERT_EQ(pos, end) << round;
    }
  }
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
  for (int i = 0; i < 5000; ++i) {
    // Short names over few letters collide often; some are long, some empty.
    std::string name;
    const size_t length = next() % 5 == 0 ? next() % 40 : next() % 4;
    for (size_t k = 0; k < length; ++k) name += "aB \xe2"[next() % 4];
    const int value = static_cast<int>(next() % 1000);
    switch (next() % 3) {
      case 0: {
        const auto [it, added] = reference.emplace(name, value);
        EXPECT_EQ(index.Emplace(name, value), it->second) << name;
        break;
      }
      case 1:
        reference[name] = value;
        index.Set(name, value);
        break;
      default: {
        const auto it = reference.find(name);
        EXPECT_EQ(index.Find(name), it == reference.end() ? -1 : it->second) << name;
      }
    }
  }
  for (const auto& [name, value] : reference) EXPECT_EQ(index.Find(name), value) << name;
}

TEST(NameIndexTest, ClearedIndexIsEmptyAndUsable) {
  // Small (slots kept) and large (slots let go) indexes, each cleared and refilled.
  for (const int names : {5, 3000}) {
    NameIndex index;
    for (int i = 0; i < names; ++i) index.Set("name" + std::to_string(i), i);
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
