// References: pronouns and role phrases ("he", "its", "the company", "the
// president-elect", "the two") resolved against the entities a document has
// mentioned so far. A fixed role names its entity while the document's date is
// inside the role's validity; a typed role takes the latest mention of its
// types; a sentence-opening pronoun continues the previous sentence's subject.
#include <algorithm>
#include <bit>

#include "extract/ascii.h"
#include "extract/mentions.h"

namespace kg {
namespace {

using ascii::Alnum;

// Compared in line (ascii::SameBytes) and itself in line: Latest asks it of
// each recent entity, and std::string's operator== calls memcmp for every
// type of the same length.
inline bool TypeIn(const std::string& type, const std::vector<std::string>& types) {
  if (types.empty()) return true;
  for (const std::string& t : types) {
    if (ascii::SameBytes(type, t)) return true;
  }
  return false;
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

}  // namespace

std::optional<MentionTracker::Found> MentionTracker::Description(std::string_view text, size_t pos,
                                                                 size_t end) const {
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

int MentionTracker::Speaker(std::string_view text, size_t pos, size_t end) const {
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
      return ascii::Is(gaz_.known_[g.entity].type, "person") ? g.entity : -1;
    }
    size_t e = at;
    while (e < end && (Alnum(text[e]) || text[e] == '-' ||
                       (text[e] == ' ' && e + 1 < end && ascii::Upper(text[e + 1])))) {
      ++e;
    }
    *name_end = e;
    const std::string_view name = text.substr(at, e - at);
    if (const int u = unknown_ids_.Find(name); u >= 0) {
      return ascii::Is(entity(u).type, "person") ? u : -1;
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

int MentionTracker::Latest(const std::vector<std::string>& types, int skip,
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

std::optional<MentionTracker::Found> MentionTracker::Reference(std::string_view text, size_t pos,
                                                               size_t end,
                                                               const Gazetteer::Start& start,
                                                               uint64_t lengths) {
  // The phrases of a run end at one place, which must be a word end: most
  // runs fail that before any phrase is compared.
  auto try_run = [&](const Gazetteer::Start::Run& run) -> std::optional<Found> {
    for (size_t i = run.begin; i < run.end; ++i) {
      // The text's first word is the phrases' first word (StartsAt): compare
      // the rest, eight bytes a step (the run's phrases are inside the text).
      const std::string& phrase = start.roles[i]->phrase;
      const size_t k = start.word_length;
      if (!ascii::EqualFolded(text.data() + pos + k, phrase.data() + k, run.length - k)) continue;
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
  // The shorter runs (RoleLengths), longest first.
  while (lengths != 0) {
    const int n = 63 - std::countl_zero(lengths);
    lengths &= ~(uint64_t{1} << n);
    if (std::optional<Found> m = try_run(start.runs[start.run_of_length[n]])) return m;
  }
  return std::nullopt;
}

std::optional<MentionTracker::Found> MentionTracker::ReferenceAs(const RoleDef& role,
                                                                 std::string_view text, size_t pos,
                                                                 size_t end) {
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
