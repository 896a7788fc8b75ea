// WordScan: the words of a sentence as the mention finder reads them — its
// alphanumeric runs, how many open with a letter and with a capital (a
// headline capitalises most), and a bit per byte of which bytes are
// alphanumeric, so that a role phrase can ask where the text has word ends
// ahead of it without reading the bytes again. One scan reads sixteen bytes a
// step (SSE2 where there is one); a WordScan is reused from sentence to sentence.
#ifndef KG_EXTRACT_MENTION_WORDS_H_
#define KG_EXTRACT_MENTION_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace kg {

class WordScan {
 public:
  struct Word {
    size_t begin, end;  // byte offsets into the text
  };

  // Reads text[begin, end); bytes past `end` are never taken as part of it.
  void Scan(std::string_view text, size_t begin, size_t end);

  std::span<const Word> words() const { return {words_.data(), count_}; }
  int letter_words() const { return letter_words_; }  // words opening with A-Z or a-z
  int capitals() const { return capitals_; }          // ... with A-Z

  // Bit k is set where a phrase starting at `pos` (inside the scanned text)
  // and k bytes long would end at a word end: pos + k is the scan's end, or
  // before it at a byte that is no letter or digit.
  uint64_t EndsAfter(size_t pos) const {
    const size_t off = pos - begin_, w = off / 64, b = off % 64;
    uint64_t alnum = bits_[w] >> b;
    if (b != 0) alnum |= bits_[w + 1] << (64 - b);
    const size_t room = end_ - pos;  // the last k allowed
    return ~alnum & (room >= 63 ? ~uint64_t{0} : (uint64_t{2} << room) - 1);
  }

 private:
  size_t begin_ = 0, end_ = 0;
  std::vector<Word> words_;  // the first count_ are the scan's
  size_t count_ = 0;
  std::vector<uint64_t> bits_;  // bit i: text[begin_ + i] is a letter or digit
  int letter_words_ = 0, capitals_ = 0;
};

}  // namespace kg

#endif  // KG_EXTRACT_MENTION_WORDS_H_
