// The previous mention finder, verbatim but for its name (see
// mention_reference_util.h): extract/mentions.cc and extract/references.cc at d93bfc3.
#include "mention_reference_util.h"

#include <algorithm>
#include <bit>

#include "extract/ascii.h"

namespace kg {
namespace {

using ascii::Alnum;
using ascii::Alpha;
using ascii::Space;
using ascii::Upper;
constexpr int kPersonTitle = Gazetteer::kPersonTitle;
constexpr int kGivenName = Gazetteer::kGivenName;
constexpr int kOrgWord = Gazetteer::kOrgWord;
constexpr int kAgencyWord = Gazetteer::kAgencyWord;
constexpr int kPlaceWord = Gazetteer::kPlaceWord;
constexpr int kNotName = Gazetteer::kNotName;
constexpr int kDemonym = Gazetteer::kDemonym;
constexpr int kFemaleName = Gazetteer::kFemaleName;

bool LowerLetter(char c) { return ascii::Lower(c); }

// Whether `text` equals the lower-case `lower` ignoring ASCII case, compared in place.
bool EqualsFolded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (ascii::Fold(text[i]) != lower[i]) return false;
  }
  return true;
}

// The length of an apostrophe (straight or curly) at text[j] that joins two
// parts of a name, "D'Angelo", "O’Brien", or 0: before a lower-case letter it
// is a possessive or a contraction ("Musk's").
size_t NameApostrophe(std::string_view text, size_t j, size_t end) {
  const size_t n = text[j] == '\''                                            ? 1
                   : text[j] == '\xe2' && text.substr(j, 3) == "\xe2\x80\x99" ? 3
                                                                              : 0;
  return n > 0 && j + n < end && Upper(text[j + n]) ? n : 0;
}

// A capitalised name word: "Zuckerberg", "ByteDance", "Mar-a-Lago", "AT&T", "J.", "Inc.",
// "D'Angelo".
size_t NameWordEnd(std::string_view text, size_t pos, size_t end) {
  size_t j = pos;
  while (j < end) {
    if (Alnum(text[j])) {  // most bytes of a name: none of the cases below
      ++j;
      continue;
    }
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
    const std::string_view k = text.substr(pos, j - pos);
    if (j - pos == 1 || EqualsFolded(k, "inc") || EqualsFolded(k, "co") ||
        EqualsFolded(k, "corp") || EqualsFolded(k, "jr") || EqualsFolded(k, "sr") ||
        EqualsFolded(k, "ltd") || EqualsFolded(k, "st")) {
      ++j;
    }
    // A dotted initialism, "U.S.", "P.J.", is one word.
    if (j - pos == 2) {
      while (j + 1 < end && Upper(text[j]) && text[j + 1] == '.') j += 2;
    }
  }
  return j;
}

}  // namespace

MentionTrackerReference::MentionTrackerReference(const Gazetteer& gazetteer,
                                                 std::optional<Date> doc_date)
    : gaz_(gazetteer), doc_date_(doc_date) {}

const DocEntity& MentionTrackerReference::entity(int id) const {
  const auto& known = gaz_.known_;
  if (id < static_cast<int>(known.size())) return known[id];
  return extra_[id - known.size()];
}

bool MentionTrackerReference::GenderFits(int id, std::string_view gender) const {
  const DocEntity& e = entity(id);
  if (gender.empty() || e.type != "person") return true;
  const std::string_view first = std::string_view(e.name).substr(0, e.name.find(' '));
  const bool female = Is(first, kFemaleName);
  const bool male = !female && Is(first, kGivenName);
  return gender == "male" ? !female : !male;
}

bool MentionTrackerReference::Is(std::string_view word, int kind) const {
  return (Kinds(word) & kind) != 0;
}

int MentionTrackerReference::Kinds(std::string_view word) const { return gaz_.Kinds(word); }

int MentionTrackerReference::Unknown(std::string_view name, std::string_view type) {
  const size_t base = gaz_.pack().entities.size();
  const int id = static_cast<int>(base + extra_.size());
  const int known = unknown_ids_.Emplace(name, id);
  if (known != id) {
    DocEntity& e = extra_[known - base];
    if (e.type == "unknown") e.type = type;
    return known;
  }
  if (extra_.empty()) extra_.reserve(16);  // growing moves every name
  DocEntity& e = extra_.emplace_back();
  e.name.assign(name);
  e.type.assign(type);
  return id;
}

std::optional<MentionTrackerReference::Found> MentionTrackerReference::NewName(
    std::string_view text, size_t sentence_begin, size_t pos, size_t end, bool headline,
    size_t* next) {
  std::vector<NameWord>& words = name_words_;
  words.clear();
  auto kinds_of = [&](NameWord& w) {
    if (w.kinds < 0) w.kinds = Kinds(text.substr(w.begin, w.end - w.begin));
    return w.kinds;
  };
  bool title_after = false;
  size_t j = pos;
  while (j < end) {
    const size_t we = NameWordEnd(text, j, end);
    const int kinds = words.empty() ? -1 : Kinds(text.substr(j, we - j));
    if (kinds > 0 && (kinds & kPersonTitle) != 0) {  // "Pfizer CEO Albert Bourla": split at CEO
      title_after = true;
      break;
    }
    words.push_back(NameWord{j, we, kinds});
    if (we + 1 >= end || text[we] != ' ') break;
    size_t k = we + 1;
    if (Upper(text[k])) {
      const Gazetteer::Match known = gaz_.Longest(text.substr(0, end), k, doc_date_);
      // "Eric Trump" is not Donald Trump: a given name before a surname alias
      // makes a new person.
      const bool other_person = known.length > 0 && !known.canonical && words.size() == 1 &&
                                (kinds_of(words.back()) & kGivenName) != 0 &&
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
        words.push_back(NameWord{k, c - 1, -1});  // the connector
        j = c;
        continue;
      }
    }
    break;
  }
  *next = words.empty() ? NameWordEnd(text, pos, end) : words.back().end;
  if (words.empty()) return std::nullopt;
  // The word before the name: "Mr. Cheung", "adviser Stephen Miller".
  bool titled = false;
  if (pos >= 2 && text[pos - 1] == ' ') {
    size_t b = pos - 1;
    while (b > sentence_begin && (Alnum(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '-'))
      --b;
    titled = Is(text.substr(b, pos - 1 - b), kPersonTitle);
  }
  auto word = [&](size_t i) { return text.substr(words[i].begin, words[i].end - words[i].begin); };
  // "of"/"for" as a word of the name, any case, with or without a final period.
  auto connector = [&](size_t i) {
    std::string_view w = word(i);
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return EqualsFolded(w, "of") || EqualsFolded(w, "for");
  };
  // Titles and non-names at the edges go: "Former President Donald Trump".
  size_t first = 0, last = words.size();
  while (first < last) {
    const int kinds = kinds_of(words[first]);
    const bool leading_demonym = (kinds & kDemonym) != 0 && first + 1 < last &&
                                 (kinds_of(words[first + 1]) & kPersonTitle) != 0;
    if ((kinds & (kNotName | kPersonTitle)) == 0 && !leading_demonym) break;
    titled = titled || (kinds & kPersonTitle) != 0;
    ++first;
  }
  // "CEO of Abu Dhabi Global Market": the title governs the name, it is no person.
  while (first < last && connector(first)) {
    ++first;
    titled = false;
  }
  while (last > first &&
         ((kinds_of(words[last - 1]) & (kNotName | kDemonym)) != 0 || connector(last - 1))) {
    --last;
  }
  if (first == last) return std::nullopt;
  // Sentence starts capitalise any word; quotes and colons start sentences too.
  size_t s = words[first].begin;
  while (s > sentence_begin && !Alnum(text[s - 1]) && text[s - 1] != ',') --s;
  const bool initial =
      s == sentence_begin || text[s] == '"' || (s > 0 && text[s - 1] == ':') ||
      std::string_view(text.substr(s, words[first].begin - s)).find("\xe2\x80\x9c") !=
          std::string_view::npos;
  const std::string_view name =
      text.substr(words[first].begin, words[last - 1].end - words[first].begin);
  const bool single = last - first == 1;
  if (single) {
    // A company's legal suffix alone is no name.
    std::string_view bare = name;
    if (bare.back() == '.') bare.remove_suffix(1);
    for (std::string_view suffix : {"inc", "co", "corp", "ltd", "llc", "plc"}) {
      if (EqualsFolded(bare, suffix)) return std::nullopt;
    }
    if (const int known = surnames_.Find(name); known >= 0) {
      return Found{words[first].begin, words[last - 1].end, {known}, 1, "surname", false};
    }
    if (initial && !titled) return std::nullopt;
    if (name.size() == 1) return std::nullopt;
  }
  if (headline) return std::nullopt;
  std::string_view type = "unknown";
  const int last_kinds = titled ? 0 : kinds_of(words[last - 1]);
  const int first_kinds = titled ? 0 : kinds_of(words[first]);
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
    surnames_.Set(word(last - 1), id);
  }
  return Found{words[first].begin, words[last - 1].end, {id}, 1, "new", false};
}

bool MentionTrackerReference::OrganisationFollows(std::string_view text, size_t pos,
                                                  size_t end) const {
  std::string_view last;
  while (pos + 1 < end && text[pos] == ' ' && Upper(text[pos + 1])) {
    const size_t we = NameWordEnd(text, pos + 1, end);
    last = text.substr(pos + 1, we - pos - 1);
    pos = we;
  }
  return !last.empty() && Is(last, kOrgWord | kAgencyWord);
}

std::vector<Mention> MentionTrackerReference::Find(std::string_view text, size_t begin,
                                                   size_t end) {
  std::vector<Mention> mentions;
  Find(text, begin, end, &mentions);
  return mentions;
}

void MentionTrackerReference::Find(std::string_view text, size_t begin, size_t end,
                                   std::vector<Mention>* mentions) {
  // One pass over the bytes finds the sentence's words (the only places a
  // mention can start) and counts the capitalised ones: a headline
  // capitalises most words, and only known names count there.
  scan_.Scan(text, begin, end);
  const int letter_words = scan_.letter_words(), capitals = scan_.capitals();
  // Headlines end without a period; "Pfizer CEO Albert Bourla visited China." is prose.
  size_t last = end;
  while (last > begin && Space(text[last - 1])) --last;
  const bool terminated = last > begin && (text[last - 1] == '.' || text[last - 1] == '"');
  const bool headline = !terminated && letter_words >= 4 && capitals * 10 >= letter_words * 7;

  // Mentions are written over those *mentions holds, keeping their entity lists' memory.
  std::vector<Mention>& out = *mentions;
  size_t count = 0;
  auto emit = [&](const Found& f) {
    if (count == out.size()) {
      if (out.capacity() == 0) out.reserve(8);  // most sentences have fewer
      out.emplace_back();
    }
    Mention& m = out[count++];
    m.begin = f.begin;
    m.end = f.end;
    m.entities.clear();
    for (int i = 0; i < f.count; ++i) {
      m.entities.push_back(f.entities[i]);
      recent_.push_back(f.entities[i]);
    }
    m.resolution = f.resolution;
    m.possessive = f.possessive;
    return f.end;
  };
  // What references and descriptions read of the mentions before them.
  auto note_latest = [&] {
    sentence_start_ = count == 0;
    last_entity_ =
        count == 0 || out[count - 1].entities.size() != 1 ? -1 : out[count - 1].entities[0];
    last_end_ = count == 0 ? 0 : out[count - 1].end;
  };
  // A description follows "'s " or "’s " right after the latest mention.
  auto description_may_start = [&](size_t pos) {
    if (count == 0 || out[count - 1].entities.size() != 1) return false;
    const size_t gap = pos - out[count - 1].end;
    return gap == 3 || gap == 5;
  };
  const std::string_view sentence = text.substr(0, end);
  size_t pos = begin;
  for (const ByteWordScan::Word& word : scan_.words()) {
    if (word.begin < pos) continue;  // inside the mention just read
    pos = word.begin;
    // The names and role phrases that can start here, found once for all of them.
    const Gazetteer::Start* start = gaz_.StartsAt(text.substr(pos, word.end - pos));
    if (start == nullptr && !Upper(text[pos])) {
      // Most words: no name, role or new name starts here; only a description can.
      if (description_may_start(pos)) {
        note_latest();
        if (std::optional<Found> d = Description(sentence, pos, end)) {
          pos = emit(*d);
          continue;
        }
      }
      pos = word.end;
      continue;
    }
    Gazetteer::Match g;
    if (start != nullptr && !start->aliases.empty()) {
      g = gaz_.LongestFrom(start, sentence, pos, doc_date_);
    }
    if (g.length > 0 && !headline && OrganisationFollows(sentence, pos + g.length, end)) {
      // "Trump Organization", "Abu Dhabi Global Market": a known name opening
      // a longer organisation's name is part of it.
      size_t next = pos;
      if (std::optional<Found> m = NewName(sentence, begin, pos, end, headline, &next)) {
        pos = emit(*m);
        continue;
      }
    }
    if (g.length > 0) {
      pos = emit(Found{pos, pos + g.length, {g.entity}, 1, g.canonical ? "name" : "alias", false});
      continue;
    }
    note_latest();
    if (description_may_start(pos)) {
      if (std::optional<Found> d = Description(sentence, pos, end)) {
        pos = emit(*d);
        continue;
      }
    }
    if (start != nullptr && !start->roles.empty()) {
      if (std::optional<Found> r = Reference(sentence, pos, end, *start)) {
        pos = emit(*r);
        continue;
      }
    }
    if (Upper(text[pos])) {
      size_t next = pos;
      if (std::optional<Found> m = NewName(sentence, begin, pos, end, headline, &next)) {
        pos = emit(*m);
      } else {
        pos = std::max(next, pos + 1);
      }
      continue;
    }
    pos = word.end;
  }
  out.resize(count);
  for (const Mention& m : out) {
    if (m.entities.size() == 1 && entity(m.entities[0]).type == "person") {
      last_subject_ = m.entities[0];
      break;
    }
  }
}

}  // namespace kg

namespace kg {
namespace {
namespace refs {

using ascii::Alnum;

bool TypeIn(const std::string& type, const std::vector<std::string>& types) {
  return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

// Head nouns of a possessive description and the entity type they name.
const char* DescribedType(std::string_view noun) {
  static const std::pair<std::string_view, const char*> kHeads[] = {
      {"company", "organization"}, {"firm", "organization"},     {"startup", "organization"},
      {"venture", "organization"}, {"business", "organization"}, {"conglomerate", "organization"},
      {"platform", "platform"},    {"network", "platform"},      {"site", "platform"},
      {"app", "platform"},         {"service", "platform"}};
  for (const auto& [head, type] : kHeads) {
    if (noun.size() == head.size() &&
        std::equal(noun.begin(), noun.end(), head.begin(),
                   [](char a, char b) { return ascii::Fold(a) == b; })) {
      return type;
    }
  }
  return nullptr;
}

}  // namespace refs
}  // namespace
using refs::DescribedType;
using refs::TypeIn;

std::optional<MentionTrackerReference::Found> MentionTrackerReference::Description(
    std::string_view text, size_t pos, size_t end) const {
  // Right after "<possessor>'s " (or ’s): up to three lower-case modifiers and a head noun.
  if (last_entity_ < 0) return std::nullopt;
  const std::string_view before = text.substr(last_end_, pos - last_end_);
  if (before != "'s " && before != "\xe2\x80\x99s ") return std::nullopt;
  size_t w = pos;
  for (int words = 0; words < 4 && w < end && ascii::Lower(text[w]); ++words) {
    size_t e = w;
    while (e < end && (Alnum(text[e]) || text[e] == '-')) ++e;
    const std::string_view word = text.substr(w, e - w);
    // "Trump's account on the platform": a function word ends the description.
    for (std::string_view stop : {"on", "of", "the", "a", "an", "in", "to", "and", "or", "for",
                                  "with", "at", "by", "from", "that", "which", "own"}) {
      if (word == stop) return std::nullopt;
    }
    const char* type = DescribedType(word);
    // A bare "platform", "network" or "service" is as often a political
    // platform or a news network: it needs a modifier ("social media platform").
    if (type != nullptr && words == 0 && std::string_view(type) == "platform") type = nullptr;
    if (type != nullptr) {
      // The one entity of that type the possessor owns; none or several: no reading.
      const std::string& owner = entity(last_entity_).name;
      int found = -1;
      const std::vector<EntityDef>& entities = gaz_.pack().entities;
      for (size_t i = 0; i < entities.size(); ++i) {
        const EntityDef& d = entities[i];
        if (d.type != type ||
            std::find(d.owners.begin(), d.owners.end(), owner) == d.owners.end()) {
          continue;
        }
        if (found >= 0) return std::nullopt;
        found = static_cast<int>(i);
      }
      if (found < 0) return std::nullopt;
      return Found{pos, e, {found}, 1, "description", false};
    }
    if (e >= end || text[e] != ' ') break;
    w = e + 1;
  }
  return std::nullopt;
}

int MentionTrackerReference::Speaker(std::string_view text, size_t pos, size_t end) const {
  // The closing quote: a double quote, or a single one after a comma (an
  // apostrophe elsewhere is a contraction: "don't").
  size_t close = std::string_view::npos, after = 0;
  for (size_t i = pos; i < end; ++i) {
    if (text[i] == '"') {
      close = i, after = i + 1;
    } else if (text.substr(i, 3) == "\xe2\x80\x9d") {
      close = i, after = i + 3;
    } else if (i > pos && text[i - 1] == ',' &&
               (text[i] == '\'' || text.substr(i, 3) == "\xe2\x80\x99")) {
      close = i, after = i + (text[i] == '\'' ? 1 : 3);
    }
    if (close != std::string_view::npos) break;
  }
  if (close == std::string_view::npos || close == 0 || text[close - 1] != ',') return -1;
  while (after < end && text[after] == ' ') ++after;
  static constexpr std::string_view kSaid[] = {"said",  "says",   "told",    "wrote",
                                               "added", "posted", "tweeted", "insisted"};
  auto speech_verb = [&](size_t at) {
    for (std::string_view v : kSaid) {
      if (text.substr(at, v.size()) == v && (at + v.size() >= end || !Alnum(text[at + v.size()])))
        return v.size();
    }
    return size_t{0};
  };
  // The person named at text[at]: a known person, a name or surname the
  // document introduced, or "he"/"she" for the latest sentence's subject.
  auto person_at = [&](size_t at, size_t* name_end) {
    for (std::string_view honorific : {"Mr. ", "Ms. ", "Mrs. ", "Dr. "}) {
      if (text.substr(at, honorific.size()) == honorific) at += honorific.size();
    }
    if (const Gazetteer::Match g = gaz_.Longest(text.substr(0, end), at, doc_date_); g.length > 0) {
      *name_end = at + g.length;
      return gaz_.known_[g.entity].type == "person" ? g.entity : -1;
    }
    size_t e = at;
    while (e < end && (Alnum(text[e]) || text[e] == '-' ||
                       (text[e] == ' ' && e + 1 < end && ascii::Upper(text[e + 1])))) {
      ++e;
    }
    *name_end = e;
    const std::string_view name = text.substr(at, e - at);
    if (const int u = unknown_ids_.Find(name); u >= 0) {
      return entity(u).type == "person" ? u : -1;
    }
    if (const int s = surnames_.Find(name); s >= 0) return s;
    if ((name == "he" || name == "she") && last_subject_ >= 0) return last_subject_;
    return -1;
  };
  size_t name_end = after;
  // "...," said Musk.
  if (const size_t v = speech_verb(after); v > 0) {
    after += v;
    while (after < end && text[after] == ' ') ++after;
    return person_at(after, &name_end);
  }
  // "...," Musk said; "...," he said.
  const int who = person_at(after, &name_end);
  if (who < 0 || name_end >= end || text[name_end] != ' ') return -1;
  return speech_verb(name_end + 1) > 0 ? who : -1;
}

int MentionTrackerReference::Latest(const std::vector<std::string>& types, int skip,
                                    std::string_view gender) const {
  // References reach back a bounded number of mentions: farther than that a
  // pronoun has lost its antecedent, and the search stays linear in the text.
  constexpr size_t kLookback = 64;
  const size_t stop = recent_.size() > kLookback ? recent_.size() - kLookback : 0;
  for (size_t i = recent_.size(); i > stop; --i) {
    const int e = recent_[i - 1];
    if (e != skip && TypeIn(entity(e).type, types) && GenderFits(e, gender)) return e;
  }
  return -1;
}

std::optional<MentionTrackerReference::Found> MentionTrackerReference::Reference(
    std::string_view text, size_t pos, size_t end, const Gazetteer::Start& start) {
  // The phrases of a run end at one place, which must be a word end: most
  // runs fail that before any phrase is compared.
  auto try_run = [&](const Gazetteer::Start::Run& run) -> std::optional<Found> {
    for (size_t i = run.begin; i < run.end; ++i) {
      // The text's first word is the phrases' first word (StartsAt): compare the rest.
      const std::string& phrase = start.roles[i]->phrase;
      size_t k = start.word_length;
      while (k < run.length && ascii::Fold(text[pos + k]) == phrase[k]) ++k;
      if (k < run.length) continue;
      if (std::optional<Found> m = ReferenceAs(*start.roles[i], text, pos, end)) return m;
    }
    return std::nullopt;
  };
  size_t r = 0;
  for (; r < start.runs.size() && start.runs[r].length >= 64; ++r) {  // rare: tested one by one
    const size_t n = start.runs[r].length;
    if (pos + n > end || (pos + n < end && Alnum(text[pos + n]))) continue;
    if (std::optional<Found> m = try_run(start.runs[r])) return m;
  }
  // The shorter runs: only those whose length reaches a word end and whose
  // phrases can have the text's byte after the first word's separator, longest first.
  uint64_t lengths = start.short_lengths_near;
  if (const size_t next = pos + start.word_length + 1;
      next < end && !start.short_lengths_by_next.empty()) {
    lengths |= start.short_lengths_by_next[ascii::kFolded[static_cast<unsigned char>(text[next])]];
  }
  for (lengths &= scan_.EndsAfter(pos); lengths != 0;) {
    const int n = 63 - std::countl_zero(lengths);
    lengths &= ~(uint64_t{1} << n);
    if (std::optional<Found> m = try_run(start.runs[start.run_of_length[n]])) return m;
  }
  return std::nullopt;
}

std::optional<MentionTrackerReference::Found> MentionTrackerReference::ReferenceAs(
    const RoleDef& role, std::string_view text, size_t pos, size_t end) {
  const size_t n = role.phrase.size();
  Found m{pos, pos + n, {}, 0, "role", role.possessive};
  if (role.speaker) {
    const int speaker = Speaker(text, pos + n, end);
    if (speaker < 0) return std::nullopt;
    m.entities[m.count++] = speaker;
    m.resolution = "speaker";
  } else if (!role.entity.empty()) {
    if (role.valid && doc_date_ && !role.valid->Contains(*doc_date_)) return std::nullopt;
    // "the president of Microsoft" is somebody else's title.
    if (text.substr(pos + n, 4) == " of ") return std::nullopt;
    const int id = gaz_.Find(role.entity);
    if (role.mentioned && std::find(recent_.begin(), recent_.end(), id) == recent_.end()) {
      return std::nullopt;
    }
    m.entities[m.count++] = id;
  } else {
    // A sentence opening with "He" most often continues the previous
    // sentence's subject, not its last-named person.
    int first = -1;
    if (sentence_start_ && role.count == 1 && last_subject_ >= 0 &&
        role.phrase.find(' ') == std::string::npos &&
        TypeIn(entity(last_subject_).type, role.types) && GenderFits(last_subject_, role.gender)) {
      first = last_subject_;
    } else {
      first = Latest(role.types, -1, role.gender);
    }
    if (first < 0) return std::nullopt;
    if (role.count == 2) {
      const int second = Latest(role.types, first, role.gender);
      if (second < 0) return std::nullopt;
      m.entities[m.count++] = second;  // the earlier named first
    }
    m.entities[m.count++] = first;
    m.resolution = role.phrase.find(' ') == std::string::npos ? "pronoun" : "role";
  }
  return m;
}

}  // namespace kg
