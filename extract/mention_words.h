// WordScan: the words of a sentence as the mention finder reads them — its
// alphanumeric runs, kept as a bit per byte (is it a letter or digit), a bit
// per word start and a bit per word a mention may open at, so that the
// finder can step from one such word to the next, find where a run of letters
// ends, and ask where the text has word ends ahead of a role phrase, without
// reading the bytes again. Sixteen bytes are classed a step (SSE2 where there
// is one). Read classes a document once, on its first sentence, and answers
// for each later sentence from the same bits; a WordScan is reused from
// sentence to sentence and from document to document.
#ifndef KG_EXTRACT_MENTION_WORDS_H_
#define KG_EXTRACT_MENTION_WORDS_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg {

class WordScan {
 public:
  // The words a mention may open at ("openers"): those opening with a capital,
  // and those whose first two bytes (the second 0 at the stretch's end) have
  // the entry 1 at second << 8 | first in `pairs` (65536 entries, each 0 or
  // 1; none if null): the two bytes read as one little-endian 16-bit number,
  // one load a word. The table must outlive the scan's use.
  void SetOpenerPairs(const uint8_t* pairs);

  // Reads text[begin, end) alone; bytes past `end` are never taken as part of it.
  void Scan(std::string_view text, size_t begin, size_t end);
  // The same answers for text[begin, end) as Scan's, from a scan of the text
  // from `begin` to its end that later stretches of it reuse: `text` must hold
  // the same bytes as at the last Read unless Forget has been called since.
  void Read(std::string_view text, size_t begin, size_t end) {
    // In line: most sentences after a document's first need neither.
    if (patches_ != 0) Restore();
    if (text.data() != data_ || text.size() != size_ || begin < base_ || end > limit_) {
      ClassifyRest(text, begin);
    }
    Window(text.data(), begin, end);
  }
  // The next Read scans its text again.
  void Forget();

  // The first word start (an alphanumeric byte after a byte that is none, or
  // at the stretch's beginning) at or after `pos`; the stretch's end if there
  // is none. `pos` is inside the stretch or at its end.
  size_t NextStart(size_t pos) const { return Next(starts_, pos); }
  // The same for the openers.
  size_t NextOpener(size_t pos) const { return Next(openers_, pos); }
  // Whether a word starts at `pos`, inside the stretch.
  bool StartsAt(size_t pos) const {
    const size_t off = pos - base_;
    return (starts_[off / 64] >> (off % 64) & 1u) != 0;
  }

  // The end of the alphanumeric run that text[pos] is in (pos itself if
  // text[pos] is no letter or digit), never past the stretch's end.
  size_t RunEnd(size_t pos) const {
    const size_t off = pos - base_;
    size_t w = off / 64;
    uint64_t gaps = ~alnum_[w] >> (off % 64);
    if (gaps != 0) return pos + static_cast<size_t>(std::countr_zero(gaps));
    // The bits from the stretch's end on are clear, which stops this.
    for (++w; alnum_[w] == ~uint64_t{0}; ++w) {
    }
    return base_ + w * 64 + static_cast<size_t>(std::countr_zero(~alnum_[w]));
  }

  // The words opening with a letter (A-Z, a-z) and those opening with a
  // capital, counted on demand (only a headline check needs them).
  void CountWords(std::string_view text, int* letter_words, int* capitals) const;

  // Bit k is set where a phrase starting at `pos` (inside the stretch) and k
  // bytes long would end at a word end: pos + k is the stretch's end, or
  // before it at a byte that is no letter or digit.
  uint64_t EndsAfter(size_t pos) const {
    const size_t off = pos - base_, w = off / 64, b = off % 64;
    uint64_t alnum = alnum_[w] >> b;
    if (b != 0) alnum |= alnum_[w + 1] << (64 - b);
    const size_t room = end_ - pos;  // the last k allowed
    return ~alnum & (room >= 63 ? ~uint64_t{0} : (uint64_t{2} << room) - 1);
  }

 private:
  // The first set bit of `bits` at or after `pos`, or the stretch's end
  // (the bits go on past it, over the rest of the text Read classed).
  size_t Next(const std::vector<uint64_t>& bits, size_t pos) const {
    size_t w = (pos - base_) / 64;
    uint64_t left = bits[w] & (~uint64_t{0} << ((pos - base_) % 64));
    while (left == 0) {
      if (++w >= words_) return end_;
      left = bits[w];
    }
    return std::min(base_ + w * 64 + static_cast<size_t>(std::countr_zero(left)), end_);
  }
  // Classes text[from, to) into the bits, bit 0 for text[from].
  void Classify(std::string_view text, size_t from, size_t to);
  // Whether a mention may open at the word starting at text[pos], a
  // stretch ending at `stop`.
  bool Opens(const char* text, size_t pos, size_t stop) const;
  // The openers among the lower-case and digit word starts `starts` of the
  // 64 bytes from text[at], in text[0, stop); kNearStop: whether the last
  // of them may be the byte before `stop` (else its successor is read unchecked).
  template <bool kNearStop>
  uint64_t LowerOpeners(const char* text, size_t at, uint64_t starts, size_t stop) const;
  // Classes text[begin, text.size()), for this and later Reads of the text.
  void ClassifyRest(std::string_view text, size_t begin);
  // Makes the bits answer for text[begin, end) as Scan would: a word starts
  // at `begin` whatever byte is before it, no run goes on past `end`, and
  // the words at the two ends open a mention or not by the stretch's bytes
  // alone. Only the rare stretch that needs it has words patched (PatchEnds).
  void Window(const char* text, size_t begin, size_t end) {
    text_ = text;
    begin_ = begin;
    end_ = end;
    const size_t e = end - base_, b = begin - base_;
    words_ = e / 64 + 1;  // Next stops at the end; starts and openers past it stay
    const bool run_past_end = (alnum_[e / 64] >> (e % 64) & 1u) != 0;
    const bool run_into_begin =
        begin < end && ((alnum_[b / 64] & ~starts_[b / 64]) >> (b % 64) & 1u) != 0;
    const bool one_byte_word_last = begin < end && StartsAt(end - 1);
    if (run_past_end || run_into_begin || one_byte_word_last) PatchEnds(begin, end);
  }
  // Window's patches: the words changed are kept and put back by Restore.
  void PatchEnds(size_t begin, size_t end);
  void Restore();
  // Sets the opener bit of the word start `pos` by the bytes before `end` alone.
  void SettleOpener(size_t pos, size_t end);
  using Bits = std::vector<uint64_t> WordScan::*;
  void Patch(Bits bits, size_t w, uint64_t value);

  const uint8_t* pairs_ = nullptr;
  const char* text_ = nullptr;  // the text of the stretch asked about
  const char* data_ = nullptr;  // the text Read classed (null: none), and its size
  size_t size_ = 0;
  size_t base_ = 0, limit_ = 0;    // the bytes classed: text[base_, limit_)
  size_t begin_ = 0, end_ = 0;     // the stretch asked about
  size_t words_ = 0;               // 64-bit words up to the one holding the stretch's end
  std::vector<uint64_t> alnum_;    // bit i: text[base_ + i] is a letter or digit
  std::vector<uint64_t> starts_;   // bit i: a word starts at text[base_ + i]
  std::vector<uint64_t> openers_;  // bit i: a mention may open at text[base_ + i]
  struct Patched {
    Bits bits;  // a member, not a pointer: the scan is moved between trackers
    size_t w;
    uint64_t before;
  };
  Patched patched_[8];
  int patches_ = 0;
};

}  // namespace kg

#endif  // KG_EXTRACT_MENTION_WORDS_H_
