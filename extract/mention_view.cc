// BuildView: a sentence rewritten as its mention view (see mention_view.h),
// and the run-length source offsets that map it back to the document.
#include "extract/mention_view.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "graph/model/decimal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {
namespace {

// Copies `s` to `out` (which has room for 16 bytes more than s.size()) and
// returns the end. Types are short: up to 16 bytes go as one load and one
// store, no call. Sixteen bytes are there to read: a std::string's buffer
// holds capacity() + 1 bytes, and its short-string buffer alone is 16 (the
// capacity test keeps that true elsewhere).
char* CopyShort(const std::string& s, char* out) {
#if defined(__SSE2__)
  if (s.size() <= 16 && s.capacity() >= 15) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data())));
    return out + s.size();
  }
#endif
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// Writes the view's text through a raw pointer (bytes go in one or sixteen at
// a time, and a growth check for each write costs more than the write) and
// its source offsets a run at a time. The text is sized ahead by Reserve
// and cut to length by Finish.
class ViewWriter {
 public:
  ViewWriter(MentionView* view, size_t expected, size_t tokens) : v_(view) {
    v_->tokens.clear();
    v_->tokens.reserve(tokens);
    v_->sources.clear();
    // The string keeps its capacity between views: resizing within it only
    // writes the bytes between the old and the new size.
    Grow(expected);
  }

  // Room for `k` more bytes; the writers below need it.
  void Reserve(size_t k) {
    if (n_ + k > capacity_) Grow(n_ + k);
  }
  // `s`, every byte of it from document[src_begin, src_end).
  void Put(std::string_view s, size_t src_begin, size_t src_end) {
    Reserve(s.size());
    std::memcpy(text_ + n_, s.data(), s.size());
    n_ += s.size();
    v_->sources.Append(s.size(), src_begin, src_end, false);
  }
  size_t size() const { return n_; }

  // `word` lower-cased and a space, every byte from document[src_begin, src_end).
  void PutLoweredWord(std::string_view word, size_t src_begin, size_t src_end);

  // "<e12:person>" or "<t3>", every byte of it from document[src_begin, src_end).
  void Token(char kind, int index, const std::string* type, size_t src_begin, size_t src_end) {
    // "<e" ":" ">", decimal::kMaxChars for the index, and 16 for the type's copy.
    Reserve((type ? type->size() : 0) + 4 + decimal::kMaxChars + 16);
    char* const start = text_ + n_;
    char* t = start;
    *t++ = '<';
    *t++ = kind;
    // Times are a sentence's few, entities the pack's (hundreds or
    // thousands): decimal::Write takes both without to_chars' length count.
    t = decimal::Write(index, t);
    if (type) {
      *t++ = ':';
      t = CopyShort(*type, t);
    }
    *t++ = '>';
    const size_t length = static_cast<size_t>(t - start);
    n_ += length;
    v_->sources.Append(length, src_begin, src_end, false);
  }

  // Writes document[*i, stop) — bytes no mention or time starts inside — and
  // leaves *i past them (past `stop` when a folded sequence straddles it).
  void PutWords(std::string_view document, size_t* i, size_t stop);

  void Finish() { v_->text.resize(n_); }

 private:
  void Grow(size_t need) {
    capacity_ = std::max(need, 2 * capacity_);
    v_->text.resize(capacity_);
    text_ = v_->text.data();
  }

  MentionView* v_;
  char* text_ = nullptr;
  size_t n_ = 0;
  size_t capacity_ = 0;
};

// What a document byte outside mentions and times becomes in the view.
enum ByteClass : uint8_t { kCopy, kSpace, kFoldLead };

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = '\t'; c <= '\r'; ++c) classes[c] = kSpace;
  for (unsigned char c : {' ', '<', '>'}) classes[c] = kSpace;
  // Every folded sequence starts with one of these two bytes.
  classes[0xE2] = kFoldLead;
  classes[0xC2] = kFoldLead;
  return classes;
}();

// ASCII only, as the C locale's tolower.
constexpr std::array<char, 256> kLower = [] {
  std::array<char, 256> lower{};
  for (int c = 0; c < 256; ++c) {
    lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return lower;
}();

// Folds a UTF-8 punctuation sequence at text[i] to ASCII; returns its length
// (0 if none applies) and sets *out.
size_t Fold(std::string_view text, size_t i, std::string_view* out) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\xe2\x80\x99", "'"},  {"\xe2\x80\x98", "'"},   {"\xe2\x80\x9c", "\""},
      {"\xe2\x80\x9d", "\""}, {"\xe2\x80\x94", " - "}, {"\xe2\x80\x93", " - "},
      {"\xc2\xa0", " "}};
  for (const auto& [from, to] : kFolds) {
    if (text.substr(i, from.size()) == from) {
      *out = to;
      return from.size();
    }
  }
  return 0;
}

void ViewWriter::PutLoweredWord(std::string_view word, size_t src_begin, size_t src_end) {
  Reserve(word.size() + 1);
  for (char c : word) text_[n_++] = kLower[static_cast<unsigned char>(c)];
  text_[n_++] = ' ';
  v_->sources.Append(word.size() + 1, src_begin, src_end, false);
}

// Copies document bytes from `p` on, lower-cased, to `out` for as long as
// they are plain: written as they are but for case, each its own source byte.
// That is every byte but a blank other than a space, "<", ">", the lead byte
// of a folded sequence, and a space where the view already ends in one
// (`after_space` says whether it does before `p`). Stops at `stop`; returns the
// count copied. Reads the document up to 16 bytes past `stop` (when it has
// them) and may write up to 16 bytes past the count copied.
size_t CopyPlain(std::string_view document, size_t p, size_t stop, bool after_space, char* out) {
  const char* const doc = document.data();
  size_t k = p;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  // Bytes in [lo, hi]: adding 0x80 - lo moves that range to the lowest
  // signed bytes (and every other byte above it), so one compare tells.
  auto in = [](__m128i x, char lo, char hi) {
    const __m128i moved = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo + 1))));
  };
  // Pairs of special bytes told by one compare each: '<' and '>' differ only
  // in bit 1, the fold leads 0xC2 and 0xE2 only in bit 5.
  auto either = [](__m128i x, char bit, char both) {
    return _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(bit)), _mm_set1_epi8(both));
  };
  // Blocks that cross `stop` are read too (the bytes past it are not
  // counted): most runs between two tokens are shorter than 16 bytes.
  for (; k < stop && k + 16 <= document.size(); k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(doc + k));
    const __m128i is_space = _mm_cmpeq_epi8(v, space);
    const __m128i space_before =
        _mm_or_si128(_mm_slli_si128(is_space, 1), _mm_cvtsi32_si128(after_space ? 0xFF : 0));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(in(v, '\t', '\r'), _mm_and_si128(is_space, space_before)),
                     _mm_or_si128(either(v, 0x02, '>'), either(v, 0x20, static_cast<char>(0xE2))));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (k - p)),
                     _mm_add_epi8(v, _mm_and_si128(in(v, 'A', 'Z'), _mm_set1_epi8(0x20))));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (stop - k < 16) mask |= 1u << (stop - k);
    if (mask) return k - p + static_cast<size_t>(__builtin_ctz(mask));
    after_space = doc[k + 15] == ' ';
  }
#endif
  for (; k < stop; ++k) {
    const unsigned char c = static_cast<unsigned char>(doc[k]);
    if (kByteClass[c] == kCopy) {
      after_space = false;
    } else if (c == ' ' && !after_space) {
      after_space = true;
    } else {
      break;
    }
    out[k - p] = kLower[c];
  }
  return k - p;
}

void ViewWriter::PutWords(std::string_view document, size_t* i, size_t stop) {
  // Plain bytes are copied sixteen at a time, a fold that straddles `stop`
  // writes at most 3 bytes for its up to 3.
  Reserve(stop - *i + 16);
  // A local, not the member: a store through the char pointer could alias the
  // members, and would make the compiler reload them for every byte.
  char* const text = text_;
  size_t n = n_;
  size_t p = *i;
  // View bytes [run_n, n) come from document bytes [run_p, p), one for one.
  size_t run_n = n, run_p = p;
  auto end_run = [&] { v_->sources.Append(n - run_n, run_p, run_p + 1, true); };
  while (p < stop) {
    const size_t copied = CopyPlain(document, p, stop, n == 0 || text[n - 1] == ' ', text + n);
    n += copied;
    p += copied;
    if (p >= stop) break;
    const unsigned char c = static_cast<unsigned char>(document[p]);
    if (kByteClass[c] == kSpace) {
      if (n > 0 && text[n - 1] != ' ') {
        text[n++] = ' ';
        ++p;
      } else {
        end_run();
        run_n = n;
        run_p = ++p;
      }
      continue;
    }
    std::string_view folded;
    const size_t length = Fold(document, p, &folded);
    if (length == 0) {
      text[n++] = static_cast<char>(c);
      ++p;
      continue;
    }
    end_run();
    for (char f : folded) {
      if (f == ' ' && (n == 0 || text[n - 1] == ' ')) continue;
      text[n++] = f;
      v_->sources.Append(1, p, p + length, false);
    }
    p += length;
    run_n = n;
    run_p = p;
  }
  end_run();
  n_ = n;
  *i = p;
}

}  // namespace

const SourceOffsets::Run& SourceOffsets::RunAt(size_t view_pos) const {
  // The last run starting at or before view_pos.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), view_pos,
                             [](size_t p, const Run& r) { return p < r.view_begin; });
  return *--it;
}

size_t SourceOffsets::Begin(size_t view_pos) const {
  const Run& run = RunAt(view_pos);
  return run.begin + (run.advances ? view_pos - run.view_begin : 0);
}

size_t SourceOffsets::End(size_t view_pos) const {
  const Run& run = RunAt(view_pos);
  return run.end + (run.advances ? view_pos - run.view_begin : 0);
}

const ViewToken* MentionView::TokenAt(size_t pos) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const ViewToken& t, size_t p) { return t.begin < p; });
  return it != tokens.end() && it->begin == pos ? &*it : nullptr;
}

MentionView BuildView(std::string_view document, size_t begin, size_t end,
                      const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
                      const MentionTracker& tracker) {
  MentionView view;
  BuildView(document, begin, end, mentions, times, tracker, &view);
  return view;
}

void BuildView(std::string_view document, size_t begin, size_t end,
               const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
               const MentionTracker& tracker, MentionView* view) {
  // Mentions and times are not counted separately: a few tokens more than the
  // sentence's mentions is one allocation for nearly every sentence.
  ViewWriter w(view, end - begin + 64, mentions.size() + 4);
  // Held in locals: the view's bytes are written through a char pointer,
  // which could alias the vectors' ends, so their sizes would be reloaded
  // at every test.
  const size_t mention_count = mentions.size();
  const auto times_end = times.end();
  size_t m = 0;
  auto t = std::lower_bound(times.begin(), times_end, begin,
                            [](const TimeSpanRef& ts, size_t p) { return ts.end <= p; });
  size_t i = begin;
  while (i < end) {
    while (t != times_end && t->end <= i) ++t;
    while (m < mention_count && mentions[m].begin < i) ++m;
    if (m < mention_count && mentions[m].begin == i) {
      const Mention& mention = mentions[m];
      if (std::string_view(mention.resolution) == "description") {
        // "Trump's social media company" reads "<e0>'s company <e7>": the head
        // noun stays for patterns such as owns' "{subj}'s company {obj}".
        std::string_view span = document.substr(mention.begin, mention.end - mention.begin);
        const size_t space = span.rfind(' ');
        const std::string_view head = span.substr(space == std::string_view::npos ? 0 : space + 1);
        w.PutLoweredWord(head, mention.begin, mention.end);
      }
      for (size_t k = 0; k < mention.entities.size(); ++k) {
        if (k > 0) w.Put(" and ", mention.begin, mention.end);
        const int e = mention.entities[k];
        ViewToken tok;
        tok.begin = w.size();
        w.Token('e', e, &tracker.entity(e).type, mention.begin, mention.end);
        tok.end = w.size();
        tok.mention = static_cast<int>(m);
        tok.entity = e;
        view->tokens.push_back(tok);
      }
      if (mention.possessive) w.Put("'s", mention.begin, mention.end);
      i = mention.end;
      ++m;
      // "the Federal Trade Commission (FTC)": the repeated acronym is dropped.
      // The cheap tests first: most mentions are not followed by another two
      // bytes on.
      if (m < mention_count && mentions[m].begin == i + 2 && document[i] == ' ' &&
          document[i + 1] == '(' && mentions[m].end < end && document[mentions[m].end] == ')' &&
          mentions[m].entities == mention.entities) {
        i = mentions[m].end + 1;
        ++m;
      }
      continue;
    }
    if (t != times_end && t->begin == i && t->end <= end &&
        (m >= mention_count || mentions[m].begin >= t->end)) {
      ViewToken tok;
      tok.begin = w.size();
      tok.time = static_cast<int>(t - times.begin());
      w.Token('t', tok.time, nullptr, t->begin, t->end);
      tok.end = w.size();
      view->tokens.push_back(tok);
      i = t->end;
      continue;
    }
    // Up to the next byte where a mention or a time could start (or where the
    // current time, one not written as a token, ends and the next is looked at).
    size_t stop = end;
    if (m < mention_count) stop = std::min(stop, mentions[m].begin);
    if (t != times_end) stop = std::min(stop, t->begin > i ? t->begin : t->end);
    w.PutWords(document, &i, std::max(stop, i + 1));
  }
  w.Finish();
}

}  // namespace kg
