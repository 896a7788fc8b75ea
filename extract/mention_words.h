// WordScan: the words of a sentence as the mention finder reads them — its
// alphanumeric runs, kept as a bit per byte (is it a letter or digit) and a
// bit per word start, so that the finder can step from word to word, find
// where a run of letters ends, and ask where the text has word ends ahead of a
// role phrase, without reading the bytes again. One scan reads sixteen bytes
// a step (SSE2 where there is one); a WordScan is reused from sentence to sentence.
#ifndef KG_EXTRACT_MENTION_WORDS_H_
#define KG_EXTRACT_MENTION_WORDS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg {

class WordScan {
 public:
  // Reads text[begin, end); bytes past `end` are never taken as part of it.
  void Scan(std::string_view text, size_t begin, size_t end);

  // The first word start (an alphanumeric byte after a byte that is none, or
  // at the scan's beginning) at or after `pos`; the scan's end if there is none.
  // `pos` is inside the scanned text or at its end.
  size_t NextStart(size_t pos) const {
    size_t w = (pos - begin_) / 64;
    uint64_t bits = starts_[w] & (~uint64_t{0} << ((pos - begin_) % 64));
    while (bits == 0) {
      if (++w >= words_) return end_;
      bits = starts_[w];
    }
    return begin_ + w * 64 + static_cast<size_t>(std::countr_zero(bits));
  }

  // A place among the word starts, for a reader that goes from one start to
  // the next: Seek finds the first start at or after a position, Step the
  // one after the start the cursor is at (a few bit operations, where
  // NextStart works out the 64-bit word and its mask again).
  struct Cursor {
    size_t w = 0;       // the 64-bit word of starts being read
    uint64_t bits = 0;  // its starts not passed yet
  };
  size_t Seek(Cursor* c, size_t pos) const {
    c->w = (pos - begin_) / 64;
    c->bits = starts_[c->w] & (~uint64_t{0} << ((pos - begin_) % 64));
    return Settle(c);
  }
  // Only after a Seek or Step that returned a start before the scan's end.
  size_t Step(Cursor* c) const {
    c->bits &= c->bits - 1;
    return Settle(c);
  }

  // The end of the alphanumeric run that text[pos] is in (pos itself if
  // text[pos] is no letter or digit), never past the scan's end.
  size_t RunEnd(size_t pos) const {
    const size_t off = pos - begin_;
    size_t w = off / 64;
    uint64_t gaps = ~alnum_[w] >> (off % 64);
    if (gaps != 0) return pos + static_cast<size_t>(std::countr_zero(gaps));
    // The extra zero word past the last byte's stops this.
    for (++w; alnum_[w] == ~uint64_t{0}; ++w) {
    }
    return begin_ + w * 64 + static_cast<size_t>(std::countr_zero(~alnum_[w]));
  }

  // The words opening with a letter (A-Z, a-z) and those opening with a
  // capital, counted on demand (only a headline check needs them).
  void CountWords(std::string_view text, int* letter_words, int* capitals) const;

  // Bit k is set where a phrase starting at `pos` (inside the scanned text)
  // and k bytes long would end at a word end: pos + k is the scan's end, or
  // before it at a byte that is no letter or digit.
  uint64_t EndsAfter(size_t pos) const {
    const size_t off = pos - begin_, w = off / 64, b = off % 64;
    uint64_t alnum = alnum_[w] >> b;
    if (b != 0) alnum |= alnum_[w + 1] << (64 - b);
    const size_t room = end_ - pos;  // the last k allowed
    return ~alnum & (room >= 63 ? ~uint64_t{0} : (uint64_t{2} << room) - 1);
  }

 private:
  // The cursor's start, moving on to the next word of starts while its own
  // has none left; the scan's end if there are no more.
  size_t Settle(Cursor* c) const {
    while (c->bits == 0) {
      if (++c->w >= words_) return end_;
      c->bits = starts_[c->w];
    }
    return begin_ + c->w * 64 + static_cast<size_t>(std::countr_zero(c->bits));
  }

  size_t begin_ = 0, end_ = 0;
  size_t words_ = 0;              // 64-bit words holding the scanned bytes' bits
  std::vector<uint64_t> alnum_;   // bit i: text[begin_ + i] is a letter or digit
  std::vector<uint64_t> starts_;  // bit i: a word starts at text[begin_ + i]
};

}  // namespace kg

#endif  // KG_EXTRACT_MENTION_WORDS_H_
