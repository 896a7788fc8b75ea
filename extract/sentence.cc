// SplitSentences: a rule-based sentence splitter tuned for news prose.
//
// A sentence ends at
//   - a blank line (paragraph breaks; headlines and datelines have no period),
//   - a single line break after a line that starts a sentence and has no
//     final punctuation (a headline, caption or dateline), unless the line
//     ends in a function word ("to", "the", ...). In hard-wrapped text (a
//     third or more of the line breaks fall mid-sentence) the line must also
//     look like a headline: at most 20 words, and title-cased or followed by
//     a much longer line (wrapped lines are of similar length),
//   - . ! ? or "…" (then any further terminators and closing quotes or
//     brackets, ASCII or curly) followed by whitespace and a plausible start:
//     a capital, a digit, an opening quote or bracket.
// A period does not end a sentence after a title ("Mr.", "Sen.", "St."), or
// "No."/"Jan." and the like before a number. After abbreviations that may
// also close a sentence ("Inc.", "Corp.", "Jr.", dotted forms like "U.S." or
// "p.m.", and single capitals: initials, but also "X" the platform) it ends
// one only when the next word usually opens a sentence ("The", "He", "In",
// ...), so "Apple Inc. CEO Tim Cook", "U.S. President" and "J. D. Vance" stay
// whole while "... posted on X. The post ..." splits. Numbers ("$44.5") never have a
// space after the point, so they never split. Tested by
// tests/extract/sentence_test.cc.
#include "extract/sentence.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/ascii.h"
#include "graph/model/text_scan.h"

namespace kg {
namespace {

using std::string_view;

// Space, tab, line feed, form feed, carriage return: one bit test of a
// 64-bit mask instead of five compares (it runs after every terminator).
constexpr uint64_t kBlanks = uint64_t{1} << ' ' | uint64_t{1} << '\t' | uint64_t{1} << '\n' |
                             uint64_t{1} << '\f' | uint64_t{1} << '\r';
constexpr bool IsBlank(char c) {
  const unsigned u = static_cast<unsigned char>(c);
  return u <= ' ' && (kBlanks >> u & 1) != 0;
}
static_assert(
    [] {
      for (int c = 0; c < 256; ++c) {
        const char b = static_cast<char>(c);
        if (IsBlank(b) != (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f')) {
          return false;
        }
      }
      return true;
    }(),
    "IsBlank is the five blanks");
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }

// Is text[at] the lead byte of the two- or three-byte UTF-8 sequence `seq`?
// Byte compares: these run at every terminator and quote of the text.
bool SequenceAt(string_view text, size_t at, string_view seq) {
  if (text.size() - at < seq.size()) return false;
  for (size_t k = 1; k < seq.size(); ++k) {
    if (text[at + k] != seq[k]) return false;
  }
  return true;
}

// The first byte at or after `i` where the splitter has something to test (a
// line break, a terminator or the lead byte of a multi-byte one), or
// text.size(). All others are skipped, sixteen at a time.
size_t NextStop(string_view text, size_t i) {
  return text_scan::FindAnyOf<'\n', '.', '!', '?', 0xE2>(text, i);
}

// Byte length of a sentence terminator at `at` (. ! ? or U+2026 "…"), else 0.
size_t TerminatorAt(string_view text, size_t at) {
  char c = text[at];
  if (c == '.' || c == '!' || c == '?') return 1;
  // Every byte of the text is tested: the multi-byte forms only after their lead byte.
  if (static_cast<unsigned char>(c) != 0xE2) return 0;
  return SequenceAt(text, at, "\u2026") ? 3 : 0;
}

// Byte length of a closing quote or bracket at `at`, else 0.
size_t CloserAt(string_view text, size_t at) {
  char c = text[at];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (static_cast<unsigned char>(c) == 0xE2) {
    return SequenceAt(text, at, "\u201D") || SequenceAt(text, at, "\u2019") ? 3 : 0;
  }
  if (static_cast<unsigned char>(c) == 0xC2) return SequenceAt(text, at, "\u00BB") ? 2 : 0;
  return 0;
}

size_t OpenerAt(string_view text, size_t at) {
  char c = text[at];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`') return 1;  // `` in newswire
  if (static_cast<unsigned char>(c) == 0xE2) {
    return SequenceAt(text, at, "\u201C") || SequenceAt(text, at, "\u2018") ? 3 : 0;
  }
  if (static_cast<unsigned char>(c) == 0xC2) return SequenceAt(text, at, "\u00AB") ? 2 : 0;
  return 0;
}

// Could a sentence begin at `at`? A capital (ASCII or Latin-1 "À".."Þ"), a
// digit, or an opening quote or bracket.
bool IsSentenceStart(string_view text, size_t at) {
  if (at >= text.size()) return false;
  char c = text[at];
  if (IsUpper(c) || IsDigit(c) || OpenerAt(text, at) > 0) return true;
  if (static_cast<unsigned char>(c) == 0xC3 && at + 1 < text.size()) {
    unsigned char next = static_cast<unsigned char>(text[at + 1]);
    return next >= 0x80 && next <= 0x9E && next != 0x97;
  }
  return false;
}

// Which lengths and first two bytes the words of a list have: most tokens
// tested are ruled out by these bits alone, without a compare.
struct WordListShape {
  uint64_t lengths = 0;      // bit n: some word has n bytes (n < 64)
  uint64_t second[64] = {};  // [first byte & 63], bit (second byte & 63); bit 0 for none

  constexpr bool MayHold(string_view word) const {
    if (word.empty() || word.size() >= 64 || !(lengths >> word.size() & 1)) return false;
    const unsigned c0 = static_cast<unsigned char>(word[0]) & 63;
    const unsigned c1 = word.size() > 1 ? static_cast<unsigned char>(word[1]) & 63 : 0;
    return second[c0] >> c1 & 1;
  }
};

template <size_t N>
constexpr WordListShape ShapeOf(const std::array<string_view, N>& list) {
  WordListShape shape;
  for (string_view word : list) {
    const unsigned c0 = static_cast<unsigned char>(word[0]) & 63;
    const unsigned c1 = word.size() > 1 ? static_cast<unsigned char>(word[1]) & 63 : 0;
    shape.second[c0] |= uint64_t{1} << c1;
    shape.lengths |= uint64_t{1} << word.size();
  }
  return shape;
}

// A shape that may hold every word either may hold.
constexpr WordListShape Union(WordListShape a, const WordListShape& b) {
  a.lengths |= b.lengths;
  for (int c = 0; c < 64; ++c) a.second[c] |= b.second[c];
  return a;
}

template <const auto& kList>
bool In(string_view word) {
  static constexpr WordListShape kShape = ShapeOf(kList);
  if (!kShape.MayHold(word)) return false;
  for (string_view w : kList) {
    if (w.size() == word.size() && std::equal(w.begin(), w.end(), word.begin())) return true;
  }
  return false;
}

// Titles before a name: a period after them never ends a sentence.
constexpr std::array<string_view, 34> kTitles = {
    "Mr",   "Mrs",  "Ms",   "Dr",  "Prof", "Gen",  "Sen", "Rep",  "Gov",    "Lt",  "Col",  "Capt",
    "Sgt",  "Adm",  "Rev",  "Hon", "Pres", "St",   "Mt",  "Ft",   "Messrs", "Mme", "Sens", "Reps",
    "Govs", "Gens", "Cmdr", "Maj", "Brig", "Supt", "Det", "Atty", "Amb",    "Rt"};

// Abbreviations that come before a number ("No. 1", "Jan. 6", "Vol. 3").
constexpr std::array<string_view, 22> kBeforeNumber = {
    "No",  "Nos", "Vol", "Vols", "Art", "Fig", "p",   "pp",   "Ch",  "Sec", "Jan",
    "Feb", "Mar", "Apr", "Jun",  "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};

// Abbreviations that can end a sentence as well as sit inside one.
constexpr std::array<string_view, 24> kMayEnd = {
    "Inc",  "Corp", "Co", "Ltd",   "Jr",  "Sr",   "Bros", "etc",  "al",   "Ave",  "Blvd",   "Rd",
    "Dept", "Univ", "vs", "Calif", "Fla", "Mass", "Wash", "Ariz", "Conn", "Penn", "approx", "Assn"};

// Words that usually open a sentence; after a "may end" abbreviation they
// tip the balance towards a split.
constexpr std::array<string_view, 52> kOpeners = {
    "The",   "A",       "An",    "It",    "Its",       "He",        "She",   "They",    "We",
    "I",     "His",     "Her",   "Their", "Our",       "This",      "That",  "These",   "Those",
    "There", "But",     "And",   "In",    "On",        "At",        "For",   "After",   "Before",
    "As",    "When",    "While", "Since", "However",   "Meanwhile", "Still", "Yet",     "Now",
    "Last",  "Earlier", "Later", "If",    "According", "Under",     "With",  "Despite", "Although",
    "So",    "Then",    "What",  "Who",   "Shares",    "Some",      "Many"};

// Lowercase words a headline does not end with, but a wrapped line may.
constexpr std::array<string_view, 32> kFunctionWords = {
    "a",    "an",   "the", "of",    "to",   "in",    "on",  "at",  "by",   "for",  "from",
    "with", "and",  "or",  "but",   "that", "as",    "is",  "was", "were", "are",  "be",
    "has",  "have", "had", "would", "will", "could", "its", "his", "her",  "their"};

// The word that starts at `at` (letters, apostrophes), skipping an opener.
string_view WordAt(string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && (IsLetter(text[end]) || text[end] == '\'')) ++end;
  return text.substr(at, end - at);
}

// Is there a '.' in text[begin, dot) ("U.S", "p.m")? The token is short: up
// to eight bytes are tested as one word (the eight bytes before `dot`, with
// those before `begin` set to a letter), a longer one a byte at a time.
bool HasPeriod(string_view text, size_t begin, size_t dot) {
  const size_t n = dot - begin;
  if (n <= 8 && dot >= 8) {
    const uint64_t keep = ~uint64_t{0} << (8 * (8 - n));
    const uint64_t w =
        (text_scan::Load8(text.data() + dot - 8) & keep) | (text_scan::kOnes * 'a' & ~keep);
    return text_scan::HasByte(w, '.') != 0;
  }
  for (size_t i = begin; i < dot; ++i) {
    if (text[i] == '.') return true;
  }
  return false;
}

// Does the period at `dot` (followed, after whitespace, by `next`) end a sentence?
bool PeriodEnds(string_view text, size_t dot, size_t next) {
  // The token before the period: back to a blank, a '-' or an opener. Only
  // the lead bytes of multi-byte openers need OpenerAt's look at what follows.
  enum : uint8_t { kInToken, kEndsToken, kMaybeOpener };
  static constexpr std::array<uint8_t, 256> kTokenByte = [] {
    std::array<uint8_t, 256> classes{};
    for (unsigned char c : {' ', '\t', '\r', '\n', '\f', '-', '"', '\'', '(', '[', '`'}) {
      classes[c] = kEndsToken;
    }
    classes[0xE2] = kMaybeOpener;
    classes[0xC2] = kMaybeOpener;
    return classes;
  }();
  // Letters, digits and periods are inside the token: passed over sixteen at
  // a time (most tokens are a word), then the bytes before them are read one by one.
  size_t begin = ascii::AlnumOrDotRunStart(text, dot);
  while (begin > 0) {
    const uint8_t kind = kTokenByte[static_cast<unsigned char>(text[begin - 1])];
    if (kind == kEndsToken || (kind == kMaybeOpener && OpenerAt(text, begin - 1) > 0)) break;
    --begin;
  }
  string_view token = text.substr(begin, dot - begin);
  if (token.empty()) return true;
  if (token.back() == '.') return true;  // "..." is an ellipsis, not an abbreviation
  // Most tokens are a plain word that none of the three lists below can
  // hold: one screen by length and first bytes answers for all three.
  static constexpr WordListShape kAbbreviations =
      Union(Union(ShapeOf(kTitles), ShapeOf(kBeforeNumber)), ShapeOf(kMayEnd));
  const bool listed = kAbbreviations.MayHold(token);
  if (listed && In<kTitles>(token)) return false;
  bool single_capital = token.size() == 1 && IsUpper(token[0]);
  // An initial, unless it is a one-letter name closing the sentence ("on X.").
  if (single_capital && next + 1 < text.size() && IsUpper(text[next]) && text[next + 1] == '.') {
    return false;
  }
  const bool before_number = listed && In<kBeforeNumber>(token);
  if (before_number && IsDigit(text[next])) return false;
  // The look for a period inside the token comes last.
  const bool may_end = single_capital || before_number || (listed && In<kMayEnd>(token)) ||
                       (IsLetter(token[0]) && HasPeriod(text, begin, dot));
  if (!may_end) return true;
  if (OpenerAt(text, next) > 0) return true;
  return In<kOpeners>(WordAt(text, next));
}

string_view Trimmed(string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Is `text` hard-wrapped prose? Then many single line breaks fall inside a
// sentence: the line before has no final punctuation and the next starts in
// lowercase. In text with one paragraph per line that almost never happens.
bool IsHardWrapped(string_view text) {
  int breaks = 0, inside = 0;
  for (size_t nl = text.find('\n'); nl != string_view::npos; nl = text.find('\n', nl + 1)) {
    size_t next = nl + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (next >= text.size() || text[next] == '\n' || text[next] == '\r') continue;
    size_t last = nl;
    while (last > 0 && IsBlank(text[last - 1])) --last;
    if (last == 0 || text[last - 1] == '\n') continue;
    ++breaks;
    char end = text[last - 1];
    if (IsLower(text[next]) || end == ',') ++inside;
  }
  return breaks >= 2 && inside * 3 >= breaks;
}

// Is the line ending at `newline` a headline (or caption, or dateline), so that
// the single line break after it ends a sentence? `sentence` is where the
// current sentence began; `wrapped()` says the text is hard-wrapped, where only
// a line that looks like a headline counts.
template <typename IsWrapped>
bool HeadlineBreak(string_view text, size_t sentence, size_t newline, size_t next,
                   const IsWrapped& wrapped) {
  size_t line_start = text.rfind('\n', newline == 0 ? 0 : newline - 1);
  line_start = (line_start == string_view::npos || line_start >= newline) ? 0 : line_start + 1;
  while (sentence < newline && IsBlank(text[sentence])) ++sentence;
  if (sentence < line_start) return false;  // the sentence started on an earlier line
  string_view line = Trimmed(text.substr(line_start, newline - line_start));
  if (line.empty() || !IsSentenceStart(text, next)) return false;
  char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return false;

  int words = 0, long_words = 0, capitalised = 0;
  string_view last_word;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !IsBlank(line[i])) ++i;
    if (start == i) break;
    string_view word = line.substr(start, i - start);
    ++words;
    last_word = word;
    size_t letters = std::count_if(word.begin(), word.end(), IsLetter);
    if (letters >= 4) {
      ++long_words;
      if (IsUpper(word[0]) || (OpenerAt(word, 0) > 0 && word.size() > 1 && IsUpper(word[1]))) {
        ++capitalised;
      }
    }
  }
  if (In<kFunctionWords>(last_word)) return false;
  if (!wrapped()) return true;
  if (words > 20) return false;
  if (long_words > 0 && capitalised * 3 >= long_words * 2) return true;
  size_t next_end = text.find('\n', next);
  size_t next_length = (next_end == string_view::npos ? text.size() : next_end) - next;
  return words <= 14 && next_length >= 2 * line.size();
}

class Splitter {
 public:
  Splitter(string_view text, std::vector<SentenceSpan>* out) : text_(text), out_(out) {}

  void Run() {
    const size_t n = text_.size();
    auto wrapped = [this] {
      if (!wrapped_) wrapped_ = IsHardWrapped(text_);
      return *wrapped_;
    };
    size_t i = 0;
    while (i < n) {
      i = NextStop(text_, i);
      if (i >= n) break;
      if (text_[i] == '\n') {
        size_t j = i + 1;
        while (j < n && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r')) ++j;
        // A sentence that starts at this very line break (the second of a
        // blank line's two) has no line before it to be a headline.
        if (j >= n || text_[j] == '\n' ||
            (start_ != i && HeadlineBreak(text_, start_, i, j, wrapped))) {
          Emit(i, j);
        }
        i = j;
        continue;
      }
      size_t length = TerminatorAt(text_, i);
      if (length == 0) {
        ++i;
        continue;
      }
      size_t k = i + length;
      while (k < n && (length = TerminatorAt(text_, k)) > 0) k += length;
      while (k < n && (length = CloserAt(text_, k)) > 0) k += length;
      if (k >= n || !IsBlank(text_[k])) {
        i = k;
        continue;
      }
      size_t next = k;
      while (next < n && IsBlank(text_[next])) ++next;
      bool ellipsis = k > i + 1 && text_[i + 1] == '.';
      bool ends = IsSentenceStart(text_, next) &&
                  (text_[i] != '.' || ellipsis || PeriodEnds(text_, i, next));
      if (ends) Emit(k, next);
      i = k;
    }
    Emit(n, n);
  }

 private:
  // Ends the current sentence at `end`; the next one starts at `next`.
  void Emit(size_t end, size_t next) {
    size_t begin = start_;
    while (begin < end && IsBlank(text_[begin])) ++begin;
    while (end > begin && IsBlank(text_[end - 1])) --end;
    if (begin < end) out_->push_back({begin, end});
    start_ = next;
  }

  string_view text_;
  // Whether the text is hard-wrapped: read on first need, which text with
  // blank lines between paragraphs and no headline rarely has.
  std::optional<bool> wrapped_;
  std::vector<SentenceSpan>* out_;
  size_t start_ = 0;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  SplitSentences(text, &out);
  return out;
}

void SplitSentences(std::string_view text, std::vector<SentenceSpan>* out) {
  out->clear();
  Splitter(text, out).Run();
}

}  // namespace kg
