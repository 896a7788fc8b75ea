// Finding mentions: gazetteer names first (longest match), then references
// (pronouns, role phrases), then unknown capitalised names. Unknown names are
// typed by the words around them: a title before ("Mr.", "CEO", "adviser") makes
// a person, an organisation word inside ("Group", "Studios") an organisation, a
// title after ("Pfizer CEO ...") an organisation, a common given name a person.
// Sentence-initial single words, months, weekdays and headline capitals are not
// taken as names: news capitalises too much to trust capitals alone.
#include "extract/mentions.h"

#include <algorithm>

namespace kg {
namespace {

enum Kind {
  kPersonTitle = 1,
  kGivenName = 2,
  kOrgWord = 4,
  kAgencyWord = 8,
  kPlaceWord = 16,
  kNotName = 32,
  kFemaleName = 64
};

// ASCII classes and case, inline: these run for every byte of every sentence,
// and the C locale's <cctype> functions are ASCII-only calls anyway.
bool Alpha(char c) {
  return static_cast<unsigned>(static_cast<unsigned char>(c | 0x20)) - 'a' < 26u;
}
bool Alnum(char c) { return (c >= '0' && c <= '9') || Alpha(c); }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool LowerLetter(char c) { return c >= 'a' && c <= 'z'; }
bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char Fold(char c) { return Upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Fold(c);
  return out;
}

// Whether `text` equals the lower-case `lower` ignoring ASCII case, compared in place.
bool EqualsFolded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (Fold(text[i]) != lower[i]) return false;
  }
  return true;
}

// A word lower-cased into a buffer that lives on the stack for the usual
// lengths, so looking a word up allocates nothing.
class FoldedWord {
 public:
  explicit FoldedWord(std::string_view w) {
    if (w.size() <= sizeof(small_)) {
      for (size_t i = 0; i < w.size(); ++i) small_[i] = Fold(w[i]);
      view_ = std::string_view(small_, w.size());
    } else {
      large_ = Lower(w);
      view_ = large_;
    }
  }
  std::string_view view() const { return view_; }

 private:
  char small_[48];
  std::string large_;
  std::string_view view_;
};

// The lexicon key of a word: lower case, without a final period ("Mr." -> "mr").
std::string Key(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return Lower(w);
}

size_t WordEnd(std::string_view text, size_t pos, size_t end) {
  while (pos < end && Alnum(text[pos])) ++pos;
  return pos;
}

bool WordStart(std::string_view text, size_t pos, size_t begin) {
  return Alnum(text[pos]) && (pos == begin || !Alnum(text[pos - 1]));
}

// The length of an apostrophe (straight or curly) at text[j] that joins two
// parts of a name, "D'Angelo", "O’Brien", or 0: before a lower-case letter it
// is a possessive or a contraction ("Musk's").
size_t NameApostrophe(std::string_view text, size_t j, size_t end) {
  const size_t n = text[j] == '\'' ? 1 : text.substr(j, 3) == "\xe2\x80\x99" ? 3 : 0;
  return n > 0 && j + n < end && Upper(text[j + n]) ? n : 0;
}

// A capitalised name word: "Zuckerberg", "ByteDance", "Mar-a-Lago", "AT&T", "J.", "Inc.",
// "D'Angelo".
size_t NameWordEnd(std::string_view text, size_t pos, size_t end) {
  size_t j = pos;
  while (j < end) {
    if (j > pos) {
      if (const size_t n = NameApostrophe(text, j, end)) {
        j += n;
        continue;
      }
    }
    // "X.com", "Booking.com": a period before a lower-case letter is inside the name.
    const bool domain = text[j] == '.' && j > pos && j + 1 < end && LowerLetter(text[j + 1]);
    if (!(Alnum(text[j]) || text[j] == '&' || text[j] == '+' || domain ||
          (text[j] == '-' && j + 1 < end && Alnum(text[j + 1])))) {
      break;
    }
    if (text[j] == '-') {
      // "NYSE-owner", "Beijing-based": a lower-case word of 3+ letters after a
      // hyphen is no part of the name ("Mar-a-Lago" keeps its "a").
      size_t k = j + 1;
      while (k < end && LowerLetter(text[k])) ++k;
      if (k - j - 1 >= 3 && (k == end || !Alnum(text[k]))) break;
    }
    ++j;
  }
  if (j < end && text[j] == '.') {
    const FoldedWord folded(text.substr(pos, j - pos));
    const std::string_view k = folded.view();
    if (j - pos == 1 || k == "inc" || k == "co" || k == "corp" || k == "jr" || k == "sr" ||
        k == "ltd" || k == "st") {
      ++j;
    }
  }
  return j;
}

}  // namespace

Gazetteer::Gazetteer(const RulePack& pack) : pack_(pack) {
  for (const RoleDef& r : pack.roles) {
    roles_.push_back(&r);
    // A role phrase can only match where the text's word equals the phrase's
    // first word: the phrase is compared case-blind and must end at a word end.
    size_t w = 0;
    while (w < r.phrase.size() && Alnum(r.phrase[w])) ++w;
    role_first_words_.insert(Lower(r.phrase.substr(0, w)));
  }
  std::stable_sort(roles_.begin(), roles_.end(), [](const RoleDef* a, const RoleDef* b) {
    return a->phrase.size() > b->phrase.size();
  });
  for (const RoleDef* r : roles_) {
    if (r->phrase.empty()) {
      for (auto& bucket : roles_by_first_) bucket.push_back(r);
    } else {
      roles_by_first_[static_cast<unsigned char>(r->phrase[0])].push_back(r);
    }
  }
  for (size_t i = 0; i < pack.entities.size(); ++i) {
    const EntityDef& e = pack.entities[i];
    known_.push_back(DocEntity{e.name, e.type});
    by_name_[e.name] = static_cast<int>(i);
    std::vector<std::pair<std::string, bool>> names = {{e.name, true}};
    for (const std::string& a : e.aliases) names.emplace_back(a, false);
    for (const auto& [written, canonical] : names) {
      if (written.empty()) continue;
      std::string lower = Lower(written);
      size_t w = 0;
      while (w < lower.size() && Alnum(lower[w])) ++w;
      auto dated = e.name_valid.find(written);
      by_first_word_[lower.substr(0, w)].push_back(
          Alias{lower, written, static_cast<int>(i), canonical,
                dated != e.name_valid.end() ? std::optional<DaySpan>(dated->second) : e.valid});
    }
  }
  for (auto& [word, list] : by_first_word_) {
    std::stable_sort(list.begin(), list.end(), [](const Alias& a, const Alias& b) {
      return a.lower.size() > b.lower.size();
    });
    AddShape(word, &name_shapes_);
  }
  for (const std::string& word : role_first_words_) AddShape(word, &role_shapes_);
  const std::pair<const std::vector<std::string>*, int> lists[] = {
      {&pack.names.person_titles, kPersonTitle}, {&pack.names.given_names, kGivenName},
      {&pack.names.org_words, kOrgWord},         {&pack.names.agency_words, kAgencyWord},
      {&pack.names.place_words, kPlaceWord},     {&pack.names.not_names, kNotName},
      {&pack.names.female_names, kFemaleName}};
  for (const auto& [list, kind] : lists) {
    for (const std::string& w : *list) words_[Key(w)] |= kind;
  }
}

namespace {

// FNV-1a over the case-folded bytes, reduced to a bit of Shapes::by_hash.
uint32_t FoldedHashBit(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) h = (h ^ static_cast<unsigned char>(Fold(c))) * 16777619u;
  return (h ^ (h >> 16)) & (1024 * 64 - 1);
}

}  // namespace

void Gazetteer::AddShape(std::string_view lower, Shapes* shapes) {
  shapes->by_first[lower.empty() ? 0 : static_cast<unsigned char>(lower[0])] |=
      1u << std::min<size_t>(lower.size(), 31);
  const uint32_t bit = FoldedHashBit(lower);
  shapes->by_hash[bit >> 6] |= uint64_t{1} << (bit & 63);
}

bool Gazetteer::HasShape(std::string_view word, const Shapes& shapes) {
  const unsigned char first = word.empty() ? 0 : static_cast<unsigned char>(Fold(word[0]));
  if ((shapes.by_first[first] >> std::min<size_t>(word.size(), 31) & 1u) == 0) return false;
  const uint32_t bit = FoldedHashBit(word);
  return (shapes.by_hash[bit >> 6] >> (bit & 63) & 1u) != 0;
}

bool Gazetteer::MayStartRole(std::string_view text, size_t pos) const {
  const size_t w = WordEnd(text, pos, text.size());
  if (!HasShape(text.substr(pos, w - pos), role_shapes_)) return false;
  const FoldedWord word(text.substr(pos, w - pos));
  return role_first_words_.find(word.view()) != role_first_words_.end();
}

int Gazetteer::Find(const std::string& canonical) const {
  auto it = by_name_.find(canonical);
  return it == by_name_.end() ? -1 : it->second;
}

Gazetteer::Match Gazetteer::Longest(std::string_view text, size_t pos,
                                    std::optional<Date> date) const {
  size_t w = pos;
  while (w < text.size() && Alnum(text[w])) ++w;
  if (!HasShape(text.substr(pos, w - pos), name_shapes_)) return {};
  const FoldedWord first(text.substr(pos, w - pos));
  auto it = by_first_word_.find(first.view());
  if (it == by_first_word_.end()) return {};
  for (const Alias& a : it->second) {
    if (pos + a.lower.size() > text.size()) continue;
    if (a.valid && date && !a.valid->Contains(*date)) continue;  // "X" in 2020 is no platform
    std::string_view cand = text.substr(pos, a.lower.size());
    if (!EqualsFolded(cand, a.lower)) continue;
    const size_t after = pos + a.lower.size();
    if (after < text.size() && Alnum(a.lower.back()) &&
        (Alnum(text[after]) || text[after] == '+' ||
         (text[after] == '.' && after + 1 < text.size() && Alnum(text[after + 1])))) {
      continue;  // "Disney+" is not "Disney", "X.com" not "X"
    }
    // Case: exact, or a capitalised variant ("META", "Truth social") of a name
    // long enough not to be an ordinary word in disguise.
    if (cand != a.written && !(Upper(cand[0]) && a.lower.size() > 3)) continue;
    return Match{a.lower.size(), a.entity, a.canonical};
  }
  return {};
}

MentionTracker::MentionTracker(const Gazetteer& gazetteer, std::optional<Date> doc_date)
    : gaz_(gazetteer), doc_date_(doc_date) {}

const DocEntity& MentionTracker::entity(int id) const {
  const auto& known = gaz_.known_;
  if (id < static_cast<int>(known.size())) return known[id];
  return extra_[id - known.size()];
}

bool MentionTracker::GenderFits(int id, std::string_view gender) const {
  const DocEntity& e = entity(id);
  if (gender.empty() || e.type != "person") return true;
  const std::string_view first = std::string_view(e.name).substr(0, e.name.find(' '));
  const bool female = Is(first, kFemaleName);
  const bool male = !female && Is(first, kGivenName);
  return gender == "male" ? !female : !male;
}

bool MentionTracker::Is(std::string_view word, int kind) const { return (Kinds(word) & kind) != 0; }

int MentionTracker::Kinds(std::string_view word) const {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  const FoldedWord key(word);
  auto it = gaz_.words_.find(key.view());
  return it == gaz_.words_.end() ? 0 : it->second;
}

int MentionTracker::Unknown(const std::string& name, const std::string& type) {
  auto it = unknown_ids_.find(name);
  if (it != unknown_ids_.end()) {
    DocEntity& e = extra_[it->second - gaz_.pack().entities.size()];
    if (e.type == "unknown") e.type = type;
    return it->second;
  }
  const int id = static_cast<int>(gaz_.pack().entities.size() + extra_.size());
  extra_.push_back(DocEntity{name, type});
  unknown_ids_[name] = id;
  return id;
}

std::optional<Mention> MentionTracker::NewName(std::string_view text, size_t sentence_begin,
                                               size_t pos, size_t end, bool headline,
                                               size_t* next) {
  struct Word {
    size_t b, e;
  };
  std::vector<Word> words;
  bool title_after = false;
  size_t j = pos;
  while (j < end) {
    const size_t we = NameWordEnd(text, j, end);
    if (!words.empty() &&
        Is(text.substr(j, we - j), kPersonTitle)) {  // "Pfizer CEO Albert Bourla": split at CEO
      title_after = true;
      break;
    }
    words.push_back({j, we});
    if (we + 1 >= end || text[we] != ' ') break;
    size_t k = we + 1;
    if (Upper(text[k])) {
      const Gazetteer::Match known = gaz_.Longest(text.substr(0, end), k, doc_date_);
      // "Eric Trump" is not Donald Trump: a given name before a surname alias
      // makes a new person.
      const bool other_person = known.length > 0 && !known.canonical && words.size() == 1 &&
                                Is(text.substr(j, we - j), kGivenName) &&
                                gaz_.known_[known.entity].type == "person";
      if (known.length > 0 && !other_person) break;
      j = k;
      continue;
    }
    // "Department of Justice", "Monetary Authority of Singapore".
    std::string_view rest = text.substr(k, end - k);
    if ((rest.rfind("of ", 0) == 0 || rest.rfind("for ", 0) == 0) && rest.size() > 4) {
      size_t c = k + (rest[0] == 'o' ? 3 : 4);
      if (c < end && Upper(text[c]) &&
          gaz_.Longest(text.substr(0, end), c, doc_date_).length == 0) {
        words.push_back({k, c - 1});  // the connector
        j = c;
        continue;
      }
    }
    break;
  }
  *next = words.empty() ? NameWordEnd(text, pos, end) : words.back().e;
  if (words.empty()) return std::nullopt;
  // The word before the name: "Mr. Cheung", "adviser Stephen Miller".
  bool titled = false;
  if (pos >= 2 && text[pos - 1] == ' ') {
    size_t b = pos - 1;
    while (b > sentence_begin && (Alnum(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '-'))
      --b;
    titled = Is(text.substr(b, pos - 1 - b), kPersonTitle);
  }
  auto word = [&](size_t i) { return text.substr(words[i].b, words[i].e - words[i].b); };
  // "of"/"for" as a word of the name, any case, with or without a final period.
  auto connector = [&](size_t i) {
    std::string_view w = word(i);
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return EqualsFolded(w, "of") || EqualsFolded(w, "for");
  };
  // Titles and non-names at the edges go: "Former President Donald Trump".
  size_t first = 0, last = words.size();
  while (first < last) {
    const int kinds = Kinds(word(first));
    if ((kinds & (kNotName | kPersonTitle)) == 0) break;
    titled = titled || (kinds & kPersonTitle) != 0;
    ++first;
  }
  // "CEO of Abu Dhabi Global Market": the title governs the name, it is no person.
  while (first < last && connector(first)) {
    ++first;
    titled = false;
  }
  while (last > first && (Is(word(last - 1), kNotName) || connector(last - 1))) {
    --last;
  }
  if (first == last) return std::nullopt;
  // Sentence starts capitalise any word; quotes and colons start sentences too.
  size_t s = words[first].b;
  while (s > sentence_begin && !Alnum(text[s - 1]) && text[s - 1] != ',') --s;
  const bool initial = s == sentence_begin || text[s] == '"' || (s > 0 && text[s - 1] == ':') ||
                       std::string_view(text.substr(s, words[first].b - s)).find("\xe2\x80\x9c") !=
                           std::string_view::npos;
  const std::string name(text.substr(words[first].b, words[last - 1].e - words[first].b));
  const bool single = last - first == 1;
  if (single) {
    auto it = surnames_.find(name);
    if (it != surnames_.end()) {
      return Mention{words[first].b, words[last - 1].e, {it->second}, "surname", false};
    }
    if (initial && !titled) return std::nullopt;
    if (name.size() == 1) return std::nullopt;
  }
  if (headline) return std::nullopt;
  std::string type = "unknown";
  const int last_kinds = titled ? 0 : Kinds(word(last - 1));
  const int first_kinds = titled ? 0 : single ? last_kinds : Kinds(word(first));
  if (titled) {
    type = "person";
  } else if (last_kinds & kOrgWord) {
    type = "organization";
  } else if ((last_kinds & kAgencyWord) || (last - first > 2 && (first_kinds & kAgencyWord))) {
    type = "agency";
  } else if (first_kinds & kPlaceWord) {
    type = "place";
  } else if ((first_kinds & kGivenName) && !single) {
    type = "person";
  } else if (title_after) {
    type = "organization";
  }
  if (single && initial && type == "unknown") return std::nullopt;
  const int id = Unknown(name, type);
  // A later surname refers back: "Hampton Dellinger" ... "Dellinger".
  if ((entity(id).type == "person" || (entity(id).type == "unknown" && last - first == 2)) &&
      !single) {
    surnames_[std::string(word(last - 1))] = id;
  }
  return Mention{words[first].b, words[last - 1].e, {id}, "new", false};
}

bool MentionTracker::OrganisationFollows(std::string_view text, size_t pos, size_t end) const {
  std::string_view last;
  while (pos + 1 < end && text[pos] == ' ' && Upper(text[pos + 1])) {
    const size_t we = NameWordEnd(text, pos + 1, end);
    last = text.substr(pos + 1, we - pos - 1);
    pos = we;
  }
  return !last.empty() && Is(last, kOrgWord | kAgencyWord);
}

std::vector<Mention> MentionTracker::Find(std::string_view text, size_t begin, size_t end) {
  // A headline capitalises most words; only known names count there.
  // One pass carrying whether the previous byte was alphanumeric: this runs
  // over every byte of every sentence.
  int words = 0, capitals = 0;
  bool after_alnum = false;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    const bool alnum = Alnum(c);
    if (alnum && !after_alnum && Alpha(c)) {
      ++words;
      capitals += Upper(c) ? 1 : 0;
    }
    after_alnum = alnum;
  }
  // Headlines end without a period; "Pfizer CEO Albert Bourla visited China." is prose.
  size_t last = end;
  while (last > begin && Space(text[last - 1])) --last;
  const bool terminated = last > begin && (text[last - 1] == '.' || text[last - 1] == '"');
  const bool headline = !terminated && words >= 4 && capitals * 10 >= words * 7;

  std::vector<Mention> out;
  const std::string_view sentence = text.substr(0, end);
  int subject = -1;
  size_t pos = begin;
  while (pos < end) {
    if (!WordStart(text, pos, begin)) {
      ++pos;
      continue;
    }
    Gazetteer::Match g = gaz_.Longest(sentence, pos, doc_date_);
    if (g.length > 0 && !headline && OrganisationFollows(sentence, pos + g.length, end)) {
      // "Trump Organization", "Abu Dhabi Global Market": a known name opening
      // a longer organisation's name is part of it.
      size_t next = pos;
      if (std::optional<Mention> m = NewName(sentence, begin, pos, end, headline, &next)) {
        recent_.push_back(m->entities[0]);
        pos = m->end;
        out.push_back(std::move(*m));
        continue;
      }
    }
    if (g.length > 0) {
      out.push_back(
          Mention{pos, pos + g.length, {g.entity}, g.canonical ? "name" : "alias", false});
      recent_.push_back(g.entity);
      pos += g.length;
      continue;
    }
    sentence_start_ = out.empty();
    last_entity_ = out.empty() || out.back().entities.size() != 1 ? -1 : out.back().entities[0];
    last_end_ = out.empty() ? 0 : out.back().end;
    if (std::optional<Mention> d = Description(sentence, pos, end)) {
      recent_.push_back(d->entities[0]);
      pos = d->end;
      out.push_back(std::move(*d));
      continue;
    }
    std::optional<Mention> r;
    if (gaz_.MayStartRole(sentence, pos)) r = Reference(sentence, pos, end);
    if (r) {
      for (int e : r->entities) recent_.push_back(e);
      pos = r->end;
      out.push_back(std::move(*r));
      continue;
    }
    if (Upper(text[pos])) {
      size_t next = pos;
      if (std::optional<Mention> m = NewName(sentence, begin, pos, end, headline, &next)) {
        recent_.push_back(m->entities[0]);
        pos = m->end;
        out.push_back(std::move(*m));
      } else {
        pos = std::max(next, pos + 1);
      }
      continue;
    }
    pos = WordEnd(text, pos, end);
  }
  for (const Mention& m : out) {
    if (m.entities.size() == 1 && entity(m.entities[0]).type == "person") {
      subject = m.entities[0];
      break;
    }
  }
  if (subject >= 0) last_subject_ = subject;
  return out;
}

}  // namespace kg
