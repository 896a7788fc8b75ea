#include "extract/coordination.h"

#include <algorithm>
#include <array>

#include "extract/ascii.h"
#include "extract/rule_pack.h"
#include "graph/model/ascii_case.h"

namespace kg {
namespace {

// Determiners and words of time or standing that precede a listed name
// besides the pack's titles: "and its former chief executive", "and the".
constexpr std::array<std::string_view, 27> kLeadWords = {
    "the",      "a",        "an",     "its",     "his",      "her",    "their",
    "former",   "then",     "new",    "current", "longtime", "acting", "interim",
    "outgoing", "incoming", "fellow", "deputy",  "senior",   "top",    "ex",
    "vice",     "rival",    "u.s.",   "us",      "state",    "federal"};

// Whether `word` (lower case, perhaps ending in '.') is one of the words of
// `phrases` ("Prime Minister", "Sen"), ignoring case and a final '.'.
bool WordOfPhrases(std::string_view word, const std::vector<std::string>& phrases) {
  if (word.size() > 1 && word.back() == '.') word.remove_suffix(1);
  for (std::string_view phrase : phrases) {
    size_t at = 0;
    while (at <= phrase.size()) {
      size_t end = phrase.find(' ', at);
      if (end == std::string_view::npos) end = phrase.size();
      if (FoldsTo(phrase.substr(at, end - at), word)) return true;
      at = end + 1;
    }
  }
  return false;
}

// The type an entity token names: "person" in "<e3:person>".
std::string_view TokenType(std::string_view text, const ViewToken& t) {
  const std::string_view tok = text.substr(t.begin, t.end - t.begin);
  const size_t colon = tok.find(':');
  if (colon == std::string_view::npos || tok.size() < colon + 2) return {};
  return tok.substr(colon + 1, tok.size() - colon - 2);
}

// Whether a mention of `type` fits `slot_token`, the regex a slot reads a
// member with: "<e\\d+:(?:person|unknown)>", or any type "<e\\d+:[a-z_]+>".
bool TypeFits(std::string_view type, std::string_view slot_token) {
  const size_t open = slot_token.find("(?:");
  if (open == std::string_view::npos) return slot_token.find("[a-z_]+") != std::string_view::npos;
  std::string_view alternatives = slot_token.substr(open + 3);
  alternatives = alternatives.substr(0, alternatives.find(')'));
  while (!alternatives.empty()) {
    const size_t bar = alternatives.find('|');
    if (alternatives.substr(0, bar) == type) return true;
    if (bar == std::string_view::npos) break;
    alternatives.remove_prefix(bar + 1);
  }
  return false;
}

bool Possessive(std::string_view text, const ViewToken& t) {
  return text.compare(t.end, 2, "'s") == 0;
}

// A place naming whose official follows: "Miami" in "<e4:place> mayor".
bool PlaceBeforeTitle(std::string_view text, const ViewToken& t) {
  return TokenType(text, t) == "place" && t.end + 1 < text.size() && text[t.end] == ' ' &&
         ascii::Lower(text[t.end + 1]);
}

// A token among the words before a member, not one itself.
bool LeadToken(std::string_view text, const ViewToken& t) {
  return t.entity >= 0 && (Possessive(text, t) || PlaceBeforeTitle(text, t));
}

// An entity token that is no possessive: one a list may name.
bool Member(std::string_view text, const ViewToken& t) {
  return t.entity >= 0 && !LeadToken(text, t);
}

// Whether the list whose first member begins at `first` follows "between",
// with only words of standing between: "talks between A and President B"
// names the two sides, not two who acted together.
template <typename Standing>
bool AfterBetween(std::string_view text, size_t first, Standing standing) {
  std::string_view before = text.substr(0, first);
  while (before.ends_with(' ')) {
    before.remove_suffix(1);
    const size_t space = before.rfind(' ');
    const std::string_view word =
        space == std::string_view::npos ? before : before.substr(space + 1);
    if (word == "between") return true;
    if (!standing(word)) return false;
    before = before.substr(0, space == std::string_view::npos ? 0 : space + 1);
  }
  return false;
}

// Whether every possessive between the members `a` and `b` names one of
// them: "A and its chief executive B" lists B, "A, Tesla's B" does not (B
// stands with an owner of its own).
bool OwnPossessives(std::string_view text, const ViewToken* a, const ViewToken* b) {
  for (const ViewToken* t = a + 1; t != b; ++t) {
    if (Possessive(text, *t) && t->entity != a->entity && t->entity != b->entity) return false;
  }
  return true;
}

}  // namespace

bool SlotTypes::Fits(std::string_view type) const {
  if (!read_) {
    read_ = true;
    const size_t at = source_.find(group_);
    if (at != std::string_view::npos) {
      const size_t begin = at + group_.size();
      const size_t end = source_.find('>', begin + 1);
      if (end != std::string_view::npos) token_ = source_.substr(begin, end + 1 - begin);
    }
  }
  return TypeFits(type, token_);
}

bool CoordinationReader::StandingWord(std::string_view word) const {
  if (std::find(kLeadWords.begin(), kLeadWords.end(), word) != kLeadWords.end()) return true;
  return WordOfPhrases(word, pack_.titles) || WordOfPhrases(word, pack_.names.person_titles) ||
         WordOfPhrases(word, pack_.names.demonyms);
}

CoordinationReader::Join CoordinationReader::ReadJoin(std::string_view text, size_t b,
                                                      size_t e) const {
  std::string_view gap = text.substr(b, e - b);
  Join join = Join::kNone;
  for (std::string_view sep : {" and ", " or ", " & "}) {
    if (gap.starts_with(sep)) {
      join = Join::kAnd;
      gap.remove_prefix(sep.size());
    }
  }
  if (join == Join::kNone && gap.starts_with(", ")) {
    join = Join::kComma;
    gap.remove_prefix(2);
  }
  if (join == Join::kNone) return join;
  // What is left is words each followed by one space.
  int words = 0;
  while (!gap.empty()) {
    const size_t space = gap.find(' ');
    if (space == std::string_view::npos || ++words > 4) return Join::kNone;
    const std::string_view word = gap.substr(0, space);
    const bool lead_token =
        word.starts_with("<e") && (word.ends_with(">'s") || word.ends_with(":place>"));
    if (!lead_token && !StandingWord(word)) return Join::kNone;
    gap.remove_prefix(space + 1);
  }
  return join;
}

std::vector<const ViewToken*> CoordinationReader::Before(const MentionView& view, size_t first,
                                                         const SlotTypes& types) const {
  std::vector<const ViewToken*> out;
  const ViewToken* cur = view.TokenAt(first);
  if (cur == nullptr) return out;
  const ViewToken* const begin = view.tokens.data();
  while (cur != begin) {
    const ViewToken* prev = cur - 1;
    // Possessives stand among the words before a member ("and <A>'s chief").
    while (prev != begin && LeadToken(view.text, *prev)) --prev;
    if (!Member(view.text, *prev) || !OwnPossessives(view.text, prev, cur)) break;
    const Join join = ReadJoin(view.text, prev->end, cur->begin);
    // The nearest member is joined by "and"; earlier ones by commas.
    if (join != (out.empty() ? Join::kAnd : Join::kComma)) break;
    if (!types.Fits(TokenType(view.text, *prev))) break;
    out.push_back(prev);
    cur = prev;
  }
  if (!out.empty() && AfterBetween(view.text, out.back()->begin,
                                   [this](std::string_view w) { return StandingWord(w); })) {
    out.clear();
  }
  return out;
}

std::vector<const ViewToken*> CoordinationReader::After(const MentionView& view, size_t last,
                                                        const SlotTypes& types) const {
  std::vector<const ViewToken*> out;
  auto it = std::lower_bound(view.tokens.begin(), view.tokens.end(), last,
                             [](const ViewToken& t, size_t p) { return t.end < p; });
  if (it == view.tokens.end() || it->end != last) return out;
  std::vector<const ViewToken*> pending;
  for (auto cur = it; cur + 1 != view.tokens.end();) {
    auto next = cur + 1;
    while (next + 1 != view.tokens.end() && LeadToken(view.text, *next)) {
      ++next;
    }
    if (!Member(view.text, *next) || !OwnPossessives(view.text, &*cur, &*next)) break;
    const Join join = ReadJoin(view.text, cur->end, next->begin);
    if (join == Join::kNone || !types.Fits(TokenType(view.text, *next))) break;
    pending.push_back(&*next);
    if (join == Join::kAnd) {
      out = std::move(pending);
      break;
    }
    cur = next;
  }
  return out;
}

}  // namespace kg
