// Which time expression governs a match. News states when something happened
// inside the clause ("was announced by Trump in October 2021"), right after it
// ("reached out to Musk last summer"), or at the front of the sentence ("In
// August, Trump wrote ..."). A time after the object that follows "'s" or "of"
// dates a noun phrase hanging off the object ("criticized Zuckerberg's funding
// of election infrastructure in 2020"), not the relation, and is skipped.
#include <algorithm>
#include <cctype>
#include <cstdint>
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

}  // namespace

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
  // Opening the sentence: "In August, ...", "In announcing the fine on
  // Wednesday, ...": a time in a short first clause that ends before the match.
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
