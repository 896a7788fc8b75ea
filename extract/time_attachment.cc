// Which time expression governs a match. News states when something happened
// inside the clause ("was announced by Trump in October 2021"), right after it
// ("reached out to Musk last summer"), or at the front of the sentence ("In
// August, Trump wrote ..."). A time after the object that follows "'s" or "of"
// dates a noun phrase hanging off the object ("criticized Zuckerberg's funding
// of election infrastructure in 2020"), not the relation, and is skipped.
// Before the match, a time dates it when it sits between a subject and the
// verb that opens the match ("X on Tuesday named Y as CEO") or after the
// determiner of the noun that opens it ("the 2016 purchase of Y by X"), when
// it dates a report whose present-perfect complement the match is ("X said on
// Friday that it has bought Y", "X has bought Y, the company said Friday"),
// or when the match is its "when" clause ("in 2016 when it bought Y").
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "extract/clause.h"

namespace kg {
namespace {

constexpr int kAfterWords = 4;    // words between the match and a time that still governs it
constexpr int kOpeningWords = 8;  // the longest opening clause whose time governs the sentence

bool IsClauseWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "which", "who", "that",     "after", "before", "when", "while", "since", "because",
      "but",   "and", "although", "if",    "where",  "as",   "until", "whom",  "whose"};
  // The letters the words open with, read from the list: most words are
  // ruled out by their first letter.
  static constexpr uint32_t kOpeners = [] {
    uint32_t letters = 0;
    for (std::string_view k : kWords) letters |= 1u << (k[0] - 'a');
    return letters;
  }();
  const unsigned letter = static_cast<unsigned char>(w.empty() ? 0 : w[0]) - 'a';
  if (letter >= 26 || (kOpeners >> letter & 1) == 0) return false;
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The word ending right before view offset `end` (spaces skipped), as a
// view of `v`; empty at the start of the sentence.
std::string_view WordBefore(const std::string& v, size_t end) {
  while (end > 0 && v[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && v[begin - 1] != ' ') --begin;
  return std::string_view(v.data() + begin, end - begin);
}

// The word starting at or after view offset `begin` (spaces skipped).
std::string_view WordAfter(const std::string& v, size_t begin) {
  while (begin < v.size() && v[begin] == ' ') ++begin;
  size_t end = begin;
  while (end < v.size() && v[end] != ' ') ++end;
  return std::string_view(v.data() + begin, end - begin);
}

size_t OffsetOf(const MentionView& view, std::string_view word) {
  return static_cast<size_t>(word.data() - view.text.data());
}

// The token that is the whole of `word` (a word of view.text), or nullptr.
const ViewToken* WholeToken(const MentionView& view, std::string_view word) {
  if (word.empty() || word[0] != '<') return nullptr;
  const ViewToken* t = view.TokenAt(OffsetOf(view, word));
  return t != nullptr && t->end == t->begin + word.size() ? t : nullptr;
}

// The time index of the time token that is `word`, or -1.
int TimeOf(const MentionView& view, std::string_view word) {
  const ViewToken* t = WholeToken(view, word);
  return t != nullptr ? t->time : -1;
}

// Whether `w` is one of `words`.
template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

bool IsDeterminer(std::string_view w) {
  static constexpr std::string_view kWords[] = {"the", "a", "an", "its", "their", "his", "her"};
  return OneOf(w, kWords);
}

// A time right before the word that opens the match: between a subject and the
// verb, "<e> on <t> named ..." or "<e> <t> named ...", it dates that verb;
// after a determiner, "the <t> acquisition of <e> by <e>", it dates that
// noun. The subject or determiner before it shows the time is not the tail of
// an earlier phrase ("hired in 2019 named").
int TimeBeforeOpeningWord(const MentionView& view, const MatchSpans& match) {
  if (match.begin == match.subject_begin || match.begin == match.object_begin) return -1;
  std::string_view w = WordBefore(view.text, match.begin);
  const int time = TimeOf(view, w);
  if (time < 0) return -1;
  w = WordBefore(view.text, OffsetOf(view, w));
  if (IsDeterminer(w)) return time;
  if (w == "on") w = WordBefore(view.text, OffsetOf(view, w));
  const ViewToken* subject = WholeToken(view, w);
  return subject != nullptr && subject->entity >= 0 ? time : -1;
}

bool IsReportingVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {"said",     "announced", "confirmed", "disclosed",
                                                "revealed", "reported",  "stated"};
  return OneOf(w, kVerbs);
}

// Whether the match's subject is followed by "has" or "have".
bool InPresentPerfect(const MentionView& view, const MatchSpans& match) {
  size_t after = match.subject_end;
  while (after < view.text.size() && view.text[after] == ' ') ++after;
  return view.text.compare(after, 4, "has ") == 0 || view.text.compare(after, 5, "have ") == 0;
}

// A match whose clause is the complement of a dated reporting verb, in the
// present perfect: "<e> announced on <t> that <e> has completed ...", "<e> on
// <t> said <e> has ...". The present perfect puts the event at the time of
// the report; a past perfect ("had bought") or a plain past may lie well
// before it, and keep no date from the report.
int ReportingTime(const MentionView& view, const MatchSpans& match) {
  if (match.begin != match.subject_begin || !InPresentPerfect(view, match)) return -1;
  std::string_view w = WordBefore(view.text, match.begin);
  if (w == "that") w = WordBefore(view.text, OffsetOf(view, w));
  // "said on <t> (that)": the time after the verb.
  int time = TimeOf(view, w);
  if (time >= 0) {
    w = WordBefore(view.text, OffsetOf(view, w));
    if (w == "on") w = WordBefore(view.text, OffsetOf(view, w));
    return IsReportingVerb(w) ? time : -1;
  }
  // "on <t> said (that)": the time before it.
  if (!IsReportingVerb(w)) return -1;
  w = WordBefore(view.text, OffsetOf(view, w));
  return TimeOf(view, w);
}

// The same report placed after its complement: "<e> has bought <e> for $2
// billion, the company said on <t>", ", <e> said <t>". Up to four words name
// the reporter; nothing between the match and the comma opens a clause.
int PostposedReportTime(const MentionView& view, const MatchSpans& match) {
  if (match.begin != match.subject_begin || !InPresentPerfect(view, match)) return -1;
  const std::string& v = view.text;
  const size_t comma = v.find(',', match.end);
  if (comma == std::string::npos) return -1;
  auto next = [&](std::string_view w) { return WordAfter(v, OffsetOf(view, w) + w.size()); };
  for (std::string_view w = WordAfter(v, match.end); OffsetOf(view, w) < comma; w = next(w)) {
    if (IsClauseWord(w) || w.find('"') != std::string_view::npos) return -1;
  }
  std::string_view w = WordAfter(v, comma + 1);
  for (int words = 0; !IsReportingVerb(w); ++words, w = next(w)) {
    if (words == 4 || w.empty() || IsClauseWord(w) || w.find_first_of(",;\"") != w.npos) {
      return -1;
    }
  }
  w = next(w);
  if (w == "on") w = next(w);
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return TimeOf(view, w);
}

// A match in a "when" clause that follows a time, "in <t> when <e> bought
// ...", "in <t>, when ...": the clause says what happened at that time.
int FramingWhenTime(const MentionView& view, const MatchSpans& match) {
  std::string_view w = WordBefore(view.text, match.begin);
  if (w != "when") return -1;
  w = WordBefore(view.text, OffsetOf(view, w));
  if (!w.empty() && w.back() == ',') w.remove_suffix(1);
  return TimeOf(view, w);
}

// A time opening the sentence without a comma, right before the match: "in
// <t> <e> bought ...", "<t> <e> bought ..." ("Last year Acme bought ...").
// Only "in", "on" and "during" may lead it: "by 2019", "since 2019" or "until
// 2019" bound the event rather than date it.
int OpeningTimeBeforeMatch(const MentionView& view, const MatchSpans& match) {
  const std::string_view w = WordBefore(view.text, match.begin);
  const int time = TimeOf(view, w);
  if (time < 0) return -1;
  const std::string_view lead = WordBefore(view.text, OffsetOf(view, w));
  if (lead.empty()) return time;
  if (lead != "in" && lead != "on" && lead != "during") return -1;
  return OffsetOf(view, lead) == 0 ? time : -1;
}

// Adverbs that sit between "had" and its participle ("had already bought",
// "had each held", "had not bought"), besides those ending in "-ly".
bool IsPerfectAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"already", "also", "not",   "never",
                                                "just",    "each", "both",  "all",
                                                "even",    "once", "still", "long"};
  return (w.size() > 3 && w.ends_with("ly")) || OneOf(w, kWords);
}

// A past participle after "had": regular ("-ed") and "-en" forms, and the
// common irregular ones news uses.
bool IsParticiple(std::string_view w) {
  static constexpr std::string_view kNotParticiples[] = {"seven", "eleven", "often", "open"};
  if (OneOf(w, kNotParticiples)) return false;
  if (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en"))) return true;
  static constexpr std::string_view kIrregular[] = {
      "been",   "bought", "sold",    "held",   "led",   "met",  "made",  "won",    "left",
      "paid",   "sent",   "built",   "begun",  "done",  "gone", "run",   "set",    "put",
      "struck", "spent",  "brought", "fought", "found", "kept", "lost",  "sought", "hit",
      "cut",    "quit",   "become",  "come",   "told",  "said", "split", "shut",   "bid"};
  return OneOf(w, kIrregular);
}

}  // namespace

bool InPastPerfect(const MentionView& view, const MatchSpans& match) {
  for (const size_t slot_end : {match.subject_end, match.object_end}) {
    if (slot_end >= match.end) continue;  // the word after it is outside the match
    std::string_view w = WordAfter(view.text, slot_end);
    if (w != "had") continue;
    for (int adverbs = 0; adverbs <= 2; ++adverbs) {
      w = WordAfter(view.text, OffsetOf(view, w) + w.size());
      if (!IsPerfectAdverb(w)) break;
    }
    if (IsParticiple(w)) return true;
  }
  return false;
}

std::optional<int> GoverningTime(const MentionView& view, const MatchSpans& match,
                                 bool inside_only) {
  auto first_token = std::lower_bound(view.tokens.begin(), view.tokens.end(), match.begin,
                                      [](const ViewToken& t, size_t p) { return t.begin < p; });
  for (auto t = first_token; t != view.tokens.end() && t->end <= match.end; ++t) {
    if (t->time < 0) continue;
    // A time in an apposition before the object ("Trump, who was banned in
    // 2021, launched Truth Social in 2022") dates the apposition.
    const size_t comma = view.text.find(',', t->end);
    if (t->end <= match.object_begin && comma != std::string::npos && comma < match.object_begin) {
      continue;
    }
    return t->time;
  }
  // A stative relation named by a dated verb ("<e> on <t> named <e> as CEO
  // of <e>") starts at that verb.
  if (const int t = TimeBeforeOpeningWord(view, match); t >= 0) return t;
  if (inside_only) return std::nullopt;
  // After the match, within a few words and before any clause boundary.
  const std::string& v = view.text;
  size_t i = match.end;
  int words = 0;
  bool first = true;
  while (i < v.size() && words <= kAfterWords) {
    while (i < v.size() && v[i] == ' ') ++i;
    if (i >= v.size()) break;
    const char c = v[i];
    if (first && c == ',') {
      // A short apposition on the object: "Twitter, now rebranded as X, for $44
      // billion in 2022".
      const size_t close = v.find(',', i + 1);
      static const std::string_view kOpeners[] = {" now ", " formerly ", " then ", " later ",
                                                  " the ", " a ",        " an ",   " also "};
      bool opener = false;
      for (std::string_view o : kOpeners) opener = opener || v.compare(i + 1, o.size(), o) == 0;
      if (opener && close != std::string::npos && close - i < 48) {
        i = close + 1;
        first = false;
        continue;
      }
    }
    const bool period = c == '.' && (i + 1 == v.size() || v[i + 1] == ' ' || v[i + 1] == '"');
    if (c == ',' || c == ';' || c == ':' || period || c == '"' || c == '(' || c == '!' ||
        c == '?' || c == '-') {
      break;
    }
    if (first && c == '\'') {
      // "Zuckerberg's funding ... in 2020" dates the funding; "Trump's account
      // in 2021" is still the object itself.
      static const std::string_view kSame[] = {"'s account", "'s channel", "'s page", "'s profile"};
      bool same = false;
      for (std::string_view k : kSame) same = same || v.compare(i, k.size(), k) == 0;
      if (!same) break;
      i = v.find(' ', i + 3);
      if (i == std::string::npos) break;
      first = false;
      continue;
    }
    // Only a token puts '<' into a view: no other byte need be looked up.
    if (const ViewToken* t = c == '<' ? view.TokenAt(i) : nullptr) {
      if (t->time >= 0) return t->time;
      i = t->end;
      ++words;
      first = false;
      continue;
    }
    size_t e = i;
    while (e < v.size() && v[e] != ' ' && v[e] != ',' && v[e] != ';' &&
           !(v[e] == '.' && (e + 1 == v.size() || v[e + 1] == ' '))) {
      ++e;
    }
    if (e == i) ++e;  // a lone punctuation mark counts as a word
    std::string_view w(v.data() + i, e - i);
    if (IsClauseWord(w) || (first && w == "of")) break;
    i = e;
    ++words;
    first = false;
  }
  // Before the match, a time whose clause holds it: a dated report of it, a
  // time it is the "when" clause of.
  if (const int t = ReportingTime(view, match); t >= 0) return t;
  if (const int t = PostposedReportTime(view, match); t >= 0) return t;
  if (const int t = FramingWhenTime(view, match); t >= 0) return t;
  // Opening the sentence: "In 2019 Acme bought ..." with no comma, or "In
  // August, ...", "In announcing the fine on Wednesday, ...": a time in a short
  // first clause that ends before the match.
  if (const int t = OpeningTimeBeforeMatch(view, match); t >= 0) return t;
  const size_t comma = v.find(',');
  const size_t opening_end = comma != std::string::npos && comma <= match.begin ? comma : 0;
  int opening_words = 0;
  for (size_t k = 0; k < opening_end; ++k) opening_words += v[k] == ' ' ? 1 : 0;
  if (opening_words < kOpeningWords) {
    for (const ViewToken& t : view.tokens) {
      if (t.begin >= opening_end) break;
      if (t.time >= 0) return t.time;
    }
  }
  return std::nullopt;
}

}  // namespace kg
