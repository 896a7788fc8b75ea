// The gazetteer's index: every name, alias and role phrase under its
// lower-case first word (the alphanumeric run it opens with), so that one
// lookup per word of text tells which names and phrases to compare there.
#include "extract/gazetteer.h"

#include <algorithm>
#include <atomic>

#include "extract/ascii.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii::Fold(c);
  return out;
}

std::string_view FirstWord(std::string_view s) {
  size_t w = 0;
  while (w < s.size() && ascii::Alnum(s[w])) ++w;
  return s.substr(0, w);
}

}  // namespace

Gazetteer::WordInfo& Gazetteer::InfoOf(std::string_view lower) {
  const size_t id = static_cast<size_t>(words_.Add(lower));
  if (id == infos_.size()) infos_.emplace_back();
  return infos_[id];
}

Gazetteer::Start& Gazetteer::StartOf(std::string_view lower) {
  WordInfo& info = InfoOf(lower);
  if (info.start < 0) {
    info.start = static_cast<int>(starts_.size());
    starts_.emplace_back().word_length = lower.size();
  }
  return starts_[info.start];
}

Gazetteer::Gazetteer(const RulePack& pack) : pack_(pack), lower_pairs_(65536) {
  static std::atomic<uint64_t> made{0};
  serial_ = ++made;
  // A text word that opens with no capital matches a name only as written
  // (LongestFrom) and a role phrase in any case: the pairs of its first two
  // bytes they can have. Names written with a capital first need none.
  auto add_pair = [&](std::string_view s) {
    if (s.empty()) return;
    const size_t c0 = static_cast<unsigned char>(s[0]);
    for (int c1 = 0; c1 < 256; ++c1) {
      // The text's second byte as a case-blind comparison lets it be: the
      // name's or phrase's own in either case, or any that ends a word where
      // the first word is one byte.
      const bool fits = s.size() > 1 && ascii::Alnum(s[1])
                            ? ascii::Fold(static_cast<char>(c1)) == ascii::Fold(s[1])
                            : !ascii::Alnum(static_cast<char>(c1));
      if (!fits) continue;
      lower_pairs_[static_cast<size_t>(c1) << 8 | c0] = 1;
    }
  };
  std::vector<const RoleDef*> roles;
  for (const RoleDef& r : pack.roles) roles.push_back(&r);
  std::stable_sort(roles.begin(), roles.end(), [](const RoleDef* a, const RoleDef* b) {
    return a->phrase.size() > b->phrase.size();
  });
  for (const RoleDef* r : roles) {
    StartOf(Lower(FirstWord(r->phrase))).roles.push_back(r);
    // Role phrases are compared folded: their first byte in either case.
    add_pair(r->phrase);
    std::string folded(r->phrase.substr(0, 1));
    folded[0] = ascii::Fold(folded[0]);
    if (r->phrase.size() > 1) folded += r->phrase[1];
    add_pair(folded);
  }
  for (size_t i = 0; i < pack.entities.size(); ++i) {
    const EntityDef& e = pack.entities[i];
    known_.push_back(DocEntity{e.name, e.type});
    by_name_[e.name] = static_cast<int>(i);
    std::vector<std::pair<std::string, bool>> names = {{e.name, true}};
    for (const std::string& a : e.aliases) names.emplace_back(a, false);
    for (const auto& [written, canonical] : names) {
      if (written.empty()) continue;
      if (!ascii::Upper(written[0])) add_pair(written);
      std::string lower = Lower(written);
      auto dated = e.name_valid.find(written);
      StartOf(FirstWord(lower))
          .aliases.push_back(
              Alias{lower, written, static_cast<int>(i), canonical,
                    dated != e.name_valid.end() ? std::optional<DaySpan>(dated->second) : e.valid,
                    ascii::Alnum(lower.back())});
    }
  }
  for (Start& start : starts_) {
    for (size_t i = 0; i < start.roles.size();) {
      const size_t length = start.roles[i]->phrase.size(), begin = i;
      while (i < start.roles.size() && start.roles[i]->phrase.size() == length) ++i;
      if (length < 64) {
        if (start.run_of_length.empty()) {
          start.run_of_length.resize(64);
          start.short_lengths_by_next.resize(256);
        }
        const uint64_t bit = uint64_t{1} << length;
        start.run_of_length[length] = static_cast<uint32_t>(start.runs.size());
        for (size_t r = begin; r < i; ++r) {
          const std::string& phrase = start.roles[r]->phrase;
          if (phrase.size() > start.word_length + 1) {
            start
                .short_lengths_by_next[static_cast<unsigned char>(phrase[start.word_length + 1])] |=
                bit;
          } else {
            start.short_lengths_near |= bit;
          }
        }
      }
      start.runs.push_back(Start::Run{length, begin, i});
    }
    std::stable_sort(
        start.aliases.begin(), start.aliases.end(),
        [](const Alias& a, const Alias& b) { return a.lower.size() > b.lower.size(); });
    for (const Alias& a : start.aliases) {
      if (a.ends_alnum && a.lower.size() < 64) {
        const uint64_t bit = uint64_t{1} << a.lower.size();
        if (a.lower.size() > start.word_length + 1) {
          start.alias_lengths_far |= bit;
          const size_t c = static_cast<unsigned char>(a.lower[start.word_length + 1]);
          start.alias_next_bytes[c / 64] |= uint64_t{1} << (c % 64);
        } else {
          start.alias_lengths_near |= bit;
        }
        if (!ascii::Upper(a.written[0])) start.alias_lengths_uncapitalised |= bit;
      } else {
        start.aliases_unbounded = true;
      }
    }
  }
  const std::pair<const std::vector<std::string>*, int> lists[] = {
      {&pack.names.person_titles, kPersonTitle}, {&pack.names.given_names, kGivenName},
      {&pack.names.org_words, kOrgWord},         {&pack.names.agency_words, kAgencyWord},
      {&pack.names.place_words, kPlaceWord},     {&pack.names.not_names, kNotName},
      {&pack.names.female_names, kFemaleName},   {&pack.names.demonyms, kDemonym}};
  for (const auto& [list, kind] : lists) {
    for (std::string_view w : *list) {
      if (!w.empty() && w.back() == '.') w.remove_suffix(1);
      InfoOf(Lower(w)).kinds |= kind;
    }
  }
  const WordInfo* empty = Lookup("");  // a list may hold "" or "."
  empty_kinds_ = empty == nullptr ? 0 : empty->kinds;
}

bool Gazetteer::MayStartRole(std::string_view text, size_t pos) const {
  const Start* start = StartsAt(FirstWord(text.substr(pos)));
  return start != nullptr && !start->roles.empty();
}

int Gazetteer::Find(const std::string& canonical) const {
  auto it = by_name_.find(canonical);
  return it == by_name_.end() ? -1 : it->second;
}

Gazetteer::Match Gazetteer::Longest(std::string_view text, size_t pos,
                                    std::optional<Date> date) const {
  return LongestFrom(StartsAt(FirstWord(text.substr(pos))), text, pos, date);
}

Gazetteer::Match Gazetteer::LongestFrom(const Start* start, std::string_view text, size_t pos,
                                        std::optional<Date> date, uint64_t lengths) const {
  if (start == nullptr) return {};
  for (const Alias& a : start->aliases) {
    if (pos + a.lower.size() > text.size()) continue;
    if (a.ends_alnum && a.lower.size() < 64 && (lengths >> a.lower.size() & 1u) == 0) continue;
    // The cheap tests first: where the name would end, then its dates, then
    // its bytes past the first word (which StartsAt found equal).
    const size_t after = pos + a.lower.size();
    if (after < text.size() && a.ends_alnum &&
        (ascii::Alnum(text[after]) || text[after] == '+' ||
         (text[after] == '.' && after + 1 < text.size() && ascii::Alnum(text[after + 1])) ||
         (text[after] == '-' && after + 1 < text.size() && ascii::Upper(text[after + 1])))) {
      // "Disney+" is not "Disney", "X.com" not "X", "Miami-Dade" and
      // "Asia-Pacific" not "Miami" and "Asia" ("Texas-based" is Texas).
      continue;
    }
    if (a.valid && date && !a.valid->Contains(*date)) continue;  // "X" in 2020 is no platform
    std::string_view cand = text.substr(pos, a.lower.size());
    if (!ascii::EqualFolded(cand.data() + start->word_length, a.lower.data() + start->word_length,
                            a.lower.size() - start->word_length)) {
      continue;
    }
    // Case: exact, or a capitalised variant ("META", "Truth social") of a name
    // long enough not to be an ordinary word in disguise (told first: it
    // spares most names the comparison with their written form).
    if (!(ascii::Upper(cand[0]) && a.lower.size() > 3) && cand != a.written) continue;
    return Match{a.lower.size(), a.entity, a.canonical};
  }
  return {};
}

}  // namespace kg
