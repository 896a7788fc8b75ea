#include "extract/cue_filter.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/ascii.h"
#include "extract/case_blind.h"
#include "extract/literal_atoms.h"
#include "extract/regex_syntax.h"

namespace kg {
namespace {

// Characters that match only themselves, outside a character class.
bool PlainChar(char c) { return IsWordChar(c) || c == ' ' || c == '\'' || c == '-'; }

// A word's key: its first (up to) three bytes and how many they are.
uint32_t WordKey(const char* word, size_t size) {
  const size_t n = std::min<size_t>(size, 3);
  uint32_t key = static_cast<uint32_t>(n) << 24;
  for (size_t i = 0; i < n; ++i)
    key |= static_cast<uint32_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  return key;
}

size_t Slot(uint32_t key, size_t mask) { return (key * 0x9E3779B1u >> 7) & mask; }

// The literal opening every match of `cue` starts with, lower case: plain
// characters up to the first other one, less one that a quantifier makes
// optional or repeatable. Empty when an alternation could bypass it.
std::string LiteralOpening(const std::string& cue) {
  if (cue.find('|') != std::string::npos) return "";
  std::string out;
  for (size_t i = 0; i < cue.size() && PlainChar(cue[i]); ++i) {
    size_t next = i + 1;
    int min = 0, max = 0;
    if (ReadQuantifier(cue, &next, &min, &max)) break;
    out += ascii::Fold(cue[i]);
  }
  return out;
}

// Whether `s` occurs in `text`, looking first for its least common-looking
// byte (one that is not a lower-case letter: "'" in "n't").
bool Contains(std::string_view text, const std::string& s) {
  if (s.size() > text.size()) return false;
  size_t k = 0;
  while (k < s.size() && s[k] >= 'a' && s[k] <= 'z') ++k;
  if (k == s.size()) k = 0;
  const char* p = text.data() + k;
  const char* last = text.data() + (text.size() - s.size()) + k;  // inclusive
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, s[k], last - p + 1));
    if (p == nullptr) return false;
    if (std::memcmp(p - k, s.data(), s.size()) == 0) return true;
    ++p;
  }
  return false;
}

}  // namespace

CueFilter::CueFilter(const std::vector<std::vector<std::string>>& lists) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (size_t l = 0; l < lists.size() && l < 32; ++l) {
    const uint32_t list = 1u << l;
    all_ |= list;
    for (const std::string& cue : lists[l]) {
      if (!cue.empty() && std::all_of(cue.begin(), cue.end(), PlainChar)) {
        std::string plain;
        for (char c : cue) plain += ascii::Fold(c);
        if (IsWordChar(plain[0])) {
          AddAtWordStart(std::move(plain), true, list);
        } else {
          opens_after_word_[static_cast<unsigned char>(plain[0])] = true;
          after_word_.push_back(Entry{std::move(plain), true, list});
        }
        continue;
      }
      // Read on its own, the cue must be a whole regex: one that is not
      // ("a)|(b") would change how its neighbours group in the list's regex.
      if (!RE2(cue, options).ok()) {
        always_ |= list;
        continue;
      }
      std::string opening = LiteralOpening(cue);
      if (opening.size() >= 3 && IsWordChar(opening[0]) && IsWordChar(opening[1]) &&
          IsWordChar(opening[2])) {
        AddAtWordStart(std::move(opening), false, list);
        continue;
      }
      // Any clause will do; the one whose shortest string is longest rejects most.
      const std::vector<std::vector<std::string>> clauses = RequiredLiterals(cue);
      auto shortest = [](const std::vector<std::string>& clause) {
        size_t n = std::string::npos;
        for (const std::string& s : clause) n = std::min(n, s.size());
        return clause.empty() ? 0 : n;
      };
      const auto best =
          std::max_element(clauses.begin(), clauses.end(),
                           [&](const auto& a, const auto& b) { return shortest(a) < shortest(b); });
      if (best == clauses.end() || shortest(*best) == 0) {
        always_ |= list;
        continue;
      }
      for (const std::string& s : *best) anywhere_.emplace_back(s, list);
    }
  }
  auto has_space_run = [](const std::string& s) { return s.find("  ") != std::string::npos; };
  for (const Entry& e : entries_) space_runs_ |= has_space_run(e.text);
  for (const Entry& e : after_word_) space_runs_ |= has_space_run(e.text);
  for (const auto& [s, list] : anywhere_) space_runs_ |= has_space_run(s);
  std::sort(anywhere_.begin(), anywhere_.end());
  anywhere_.erase(std::unique(anywhere_.begin(), anywhere_.end()), anywhere_.end());
  size_t slots = 64;
  while (slots < 4 * group_key_.size()) slots *= 2;
  table_.assign(slots, -1);
  for (size_t g = 0; g < group_key_.size(); ++g) {
    size_t s = Slot(group_key_[g], slots - 1);
    while (table_[s] >= 0) s = (s + 1) & (slots - 1);
    table_[s] = static_cast<int32_t>(g);
  }
}

void CueFilter::AddAtWordStart(std::string text, bool whole, uint32_t list) {
  // A whole cue's first word must be the text's word there, so it is keyed by
  // that word; an opening is keyed by its first three letters.
  size_t first_word = 0;
  while (first_word < text.size() && IsWordChar(text[first_word])) ++first_word;
  const uint32_t key = WordKey(text.data(), whole ? first_word : 3);
  auto it = std::find(group_key_.begin(), group_key_.end(), key);
  if (it == group_key_.end()) {
    group_key_.push_back(key);
    group_entries_.emplace_back();
    it = group_key_.end() - 1;
  }
  group_entries_[it - group_key_.begin()].push_back(static_cast<int>(entries_.size()));
  entries_.push_back(Entry{std::move(text), whole, list});
}

// Whether the entry can match at text[at], the start of a word. A whole cue
// must also end at a word boundary, as \b requires.
bool CueFilter::EntryAt(std::string_view text, size_t at, const Entry& entry) const {
  const std::string& s = entry.text;
  if (text.size() - at < s.size() || std::memcmp(text.data() + at, s.data(), s.size()) != 0) {
    return false;
  }
  if (!entry.whole) return true;
  const size_t end = at + s.size();
  return IsWordChar(s.back()) != (end < text.size() && IsWordChar(text[end]));
}

std::vector<CueFilter::Cue> CueFilter::Cues() const {
  std::vector<Cue> out;
  for (const Entry& e : entries_) out.push_back(Cue{e.text, Cue::kWordStart, e.whole, e.list});
  for (const Entry& e : after_word_) out.push_back(Cue{e.text, Cue::kAfterWord, e.whole, e.list});
  for (const auto& [s, list] : anywhere_) out.push_back(Cue{s, Cue::kAnywhere, false, list});
  return out;
}

uint32_t CueFilter::MayMatch(std::string_view text) const {
  if (always_ == all_) return all_;
  if (!CaseFreeText(text)) {
    // Case folding takes a few non-ASCII characters to ASCII letters.
    if (HasAsciiFoldingChars(text)) return all_;
    // Views are lower case already; other text is folded into a scratch
    // copy, reused per thread since this runs for every relation match.
    thread_local std::string folded;
    folded.assign(text);
    for (char& c : folded) c = ascii::Fold(c);
    return MayMatchFolded(folded);
  }
  return MayMatchFolded(text);
}

uint32_t CueFilter::MayMatchFolded(std::string_view text) const {
  uint32_t found = always_;
  for (const auto& [s, list] : anywhere_) {
    if ((found & list) == 0 && Contains(text, s)) found |= list;
  }
  const size_t n = text.size();
  const size_t mask = table_.size() - 1;
  for (size_t i = 0; i < n && found != all_;) {
    if (!IsWordChar(text[i])) {
      if (opens_after_word_[static_cast<unsigned char>(text[i])] && i > 0 &&
          IsWordChar(text[i - 1])) {
        for (const Entry& entry : after_word_) {
          if ((found & entry.list) == 0 && EntryAt(text, i, entry)) found |= entry.list;
        }
      }
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && IsWordChar(text[end])) ++end;
    const uint32_t key = WordKey(text.data() + i, end - i);
    for (size_t s = Slot(key, mask); table_[s] >= 0; s = (s + 1) & mask) {
      if (group_key_[table_[s]] != key) continue;
      for (int e : group_entries_[table_[s]]) {
        const Entry& entry = entries_[e];
        if ((found & entry.list) == 0 && EntryAt(text, i, entry)) found |= entry.list;
      }
      break;
    }
    i = end;
  }
  return found;
}

}  // namespace kg
