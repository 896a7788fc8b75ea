// Finding mentions: gazetteer names first (longest match), then references
// (pronouns, role phrases), then unknown capitalised names. Unknown names are
// typed by the words around them: a title before ("Mr.", "CEO", "adviser") makes
// a person, an organisation word inside ("Group", "Studios") an organisation, a
// title after ("Pfizer CEO ...") an organisation, a common given name a person.
// Sentence-initial single words, months, weekdays and headline capitals are not
// taken as names: news capitalises too much to trust capitals alone.
#include "extract/mentions.h"

#include <algorithm>

#include "extract/ascii.h"
#include "graph/model/ascii_case.h"

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
constexpr int kFemaleName = Gazetteer::kFemaleName;
constexpr int kDemonym = Gazetteer::kDemonym;
// A word of these kinds is no name of one word (NewName's SingleName).
constexpr int kNoNameOfOneWord = kNotName | kPersonTitle | kDemonym;

bool LowerLetter(char c) { return ascii::Lower(c); }

// The length of an apostrophe (straight or curly) at text[j] that joins two
// parts of a name, "D'Angelo", "O’Brien", or 0: before a lower-case letter it
// is a possessive or a contraction ("Musk's").
size_t NameApostrophe(std::string_view text, size_t j, size_t end) {
  const size_t n = text[j] == '\''                                            ? 1
                   : text[j] == '\xe2' && text.substr(j, 3) == "\xe2\x80\x99" ? 3
                                                                              : 0;
  return n > 0 && j + n < end && Upper(text[j + n]) ? n : 0;
}

// "Inc.", "Co.", "Ltd.": the legal suffix of a company names none alone; left
// alone, the name before it was not read ("Stearns amp Co.", "Rally's Inc.").
bool CorporateSuffix(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  return FoldsTo(name, "inc") || FoldsTo(name, "co") || FoldsTo(name, "corp") ||
         FoldsTo(name, "ltd") || FoldsTo(name, "llc") || FoldsTo(name, "plc");
}

// Whether the name word at text[at] opens its sentence as far as capitals
// go: only punctuation (no comma) between the sentence's start and it, or a
// quotation mark or a colon right before it (quotes and colons start
// sentences too).
bool OpensSentence(std::string_view text, size_t sentence_begin, size_t at) {
  size_t s = at;
  while (s > sentence_begin && !Alnum(text[s - 1]) && text[s - 1] != ',') --s;
  return s == sentence_begin || text[s] == '"' || (s > 0 && text[s - 1] == ':') ||
         text.substr(s, at - s).find("\xe2\x80\x9c") != std::string_view::npos;
}

// Whether `rest` opens with "of " or "for ", as NewName reads on past a word
// ("Department of Justice").
bool OpensWithConnector(std::string_view rest) {
  return rest.starts_with("of ") || rest.starts_with("for ");
}

// "of"/"for" as a word of a name, any case, with or without a final period.
inline bool Connector(std::string_view w) {
  if (w.size() - 2 > 2) return false;  // most words: not two to four bytes long
  if (w.back() == '.') w.remove_suffix(1);
  return FoldsTo(w, "of") || FoldsTo(w, "for");
}

}  // namespace

// A tracker's growing members, handed from one document's tracker to the next
// on a thread so that a document does not start by allocating them again.
struct MentionTracker::Buffers {
  std::vector<DocEntity> extra;
  NameIndex unknown_ids, surnames;
  std::vector<int> recent;
  WordScan scan;
  std::vector<NameWord> name_words;
  std::vector<std::vector<int>> spare_lists;
  std::vector<WordMemo> word_memo;
  uint64_t word_memo_serial = 0;
  bool held = false;  // whether these are a finished tracker's, ready to take
};

// Per-thread scratch, not shared state: a tracker takes the buffers that the
// last tracker finished on its own thread left.
MentionTracker::Buffers& MentionTracker::Spare() {
  thread_local Buffers spare;
  return spare;
}

MentionTracker::MentionTracker(const Gazetteer& gazetteer, std::optional<Date> doc_date)
    : gaz_(gazetteer), doc_date_(doc_date) {
  // The first tracker here, or another one holding them, finds no spare buffers.
  if (Buffers& spare = Spare(); spare.held) {
    spare.held = false;
    extra_ = std::move(spare.extra);
    unknown_ids_ = std::move(spare.unknown_ids);
    surnames_ = std::move(spare.surnames);
    recent_ = std::move(spare.recent);
    scan_ = std::move(spare.scan);
    name_words_ = std::move(spare.name_words);
    spare_lists_ = std::move(spare.spare_lists);
    word_memo_ = std::move(spare.word_memo);
    word_memo_serial_ = spare.word_memo_serial;
    unknown_ids_.Clear();
    surnames_.Clear();
    recent_.clear();
  }
  // The memo's ids are one gazetteer's: another's start it afresh.
  if (word_memo_serial_ != gaz_.serial_ || word_memo_.empty()) {
    word_memo_.assign(size_t{1} << kWordMemoBits, WordMemo{});
    word_memo_serial_ = gaz_.serial_;
  }
  // Where a known name or role phrase may open, for the scan's openers; this
  // also makes the scan forget the last document's text.
  scan_.SetOpenerPairs(gaz_.lower_pairs_.data());
}

MentionTracker::~MentionTracker() {
  Buffers& spare = Spare();
  if (spare.held) return;  // another tracker's are there already; these go
  spare.extra = std::move(extra_);
  spare.unknown_ids = std::move(unknown_ids_);
  spare.surnames = std::move(surnames_);
  spare.recent = std::move(recent_);
  spare.scan = std::move(scan_);
  spare.name_words = std::move(name_words_);
  spare.spare_lists = std::move(spare_lists_);
  spare.word_memo = std::move(word_memo_);
  spare.word_memo_serial = word_memo_serial_;
  spare.held = true;
}

// Most name words are letters and digits up to a space, which end them
// whatever the cases NameWordEndByBytes reads for: told in line.
inline size_t MentionTracker::NameWordEnd(std::string_view text, size_t pos, size_t end) const {
  const size_t run = scan_.RunEnd(pos);
  return run < end && text[run] == ' ' ? run : NameWordEndByBytes(text, pos, end);
}

// A capitalised name word: "Zuckerberg", "ByteDance", "Mar-a-Lago", "AT&T", "J.", "Inc.",
// "D'Angelo".
size_t MentionTracker::NameWordEndByBytes(std::string_view text, size_t pos, size_t end) const {
  size_t j = pos;
  while (j < end) {
    if (Alnum(text[j])) {  // most bytes of a name: none of the cases below
      j = scan_.RunEnd(j);
      continue;
    }
    if (text[j] == ' ') break;  // most names end so: none of the cases below either
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
    if (j - pos == 1 || FoldsTo(k, "inc") || FoldsTo(k, "co") || FoldsTo(k, "corp") ||
        FoldsTo(k, "jr") || FoldsTo(k, "sr") || FoldsTo(k, "ltd") || FoldsTo(k, "st")) {
      ++j;
    }
    // "U.S.", "U.N.", "P.J.": the letters of a dotted initialism are one
    // word; read apart, "S. National Security Council" would be a name.
    if (j - pos == 2) {
      while (j + 1 < end && Upper(text[j]) && text[j + 1] == '.') j += 2;
    }
  }
  return j;
}

bool MentionTracker::GenderFits(int id, std::string_view gender) const {
  const DocEntity& e = entity(id);
  if (gender.empty() || !ascii::Is(e.type, "person")) return true;
  const std::string_view first = std::string_view(e.name).substr(0, e.name.find(' '));
  // One lookup gives both lists' answers.
  const int kinds = Kinds(first);
  const bool female = (kinds & kFemaleName) != 0;
  const bool male = !female && (kinds & kGivenName) != 0;
  return gender == "male" ? !female : !male;
}

bool MentionTracker::Is(std::string_view word, int kind) const { return (Kinds(word) & kind) != 0; }

int MentionTracker::Unknown(std::string_view name, std::string_view type) {
  const size_t base = gaz_.pack().entities.size();
  const int id = static_cast<int>(base + extra_used_);
  const int known = unknown_ids_.Emplace(name, id);
  if (known != id) {
    DocEntity& e = extra_[known - base];
    if (ascii::Is(e.type, "unknown")) e.type = type;
    return known;
  }
  if (extra_used_ == extra_.size()) {
    if (extra_.empty()) extra_.reserve(16);  // growing moves every name
    extra_.emplace_back();
  }
  DocEntity& e = extra_[extra_used_++];
  e.name.assign(name);
  e.type.assign(type);
  return id;
}

std::optional<MentionTracker::Found> MentionTracker::NewName(std::string_view text,
                                                             size_t sentence_begin, size_t pos,
                                                             size_t end, bool headline,
                                                             int run_kinds, size_t* next) {
  std::vector<NameWord>& words = name_words_;
  words.clear();
  auto kinds_of = [&](NameWord& w) {
    if (w.kinds < 0) w.kinds = Kinds(text.substr(w.begin, w.end - w.begin));
    return w.kinds;
  };
  const size_t first_end = NameWordEnd(text, pos, end);
  // Most capitalised words are followed by a lower-case word that is no
  // connector ("The figures", "Neuralink last month"): a name of one word.
  if (first_end + 1 >= end || text[first_end] != ' ' ||
      (!Upper(text[first_end + 1]) && text[first_end + 1] != 'o' && text[first_end + 1] != 'f')) {
    *next = first_end;
    return SingleName(text, sentence_begin, pos, first_end, headline, run_kinds);
  }
  bool title_after = false;
  size_t j = pos;
  while (j < end) {
    const size_t we = j == pos ? first_end : NameWordEnd(text, j, end);
    // The lexicon kinds of the word: those Find or Known looked up for its
    // letters and digits when it is no more than them (Kinds ignores a final
    // period), else looked up here; the first word's are needed only later.
    const size_t run = scan_.RunEnd(j);
    const bool whole_run = we == run || (we == run + 1 && text[run] == '.');
    int kinds = -1;
    if (words.empty()) {
      if (whole_run) kinds = run_kinds;
    } else if (whole_run && known_at_.pos == j) {
      kinds = known_at_.kinds;
    } else {
      kinds = Kinds(text.substr(j, we - j));
    }
    if (!words.empty() && kinds > 0 && (kinds & kPersonTitle) != 0) {
      // "Pfizer CEO Albert Bourla": split at CEO
      title_after = true;
      break;
    }
    words.push_back(NameWord{j, we, kinds});
    if (we + 1 >= end || text[we] != ' ') break;
    size_t k = we + 1;
    if (Upper(text[k])) {
      const Gazetteer::Match known = Known(text, k).match;
      // "Eric Trump" is not Donald Trump: a given name before a surname alias
      // makes a new person.
      const bool other_person = known.length > 0 && !known.canonical && words.size() == 1 &&
                                (kinds_of(words.back()) & kGivenName) != 0 &&
                                ascii::Is(gaz_.known_[known.entity].type, "person");
      if (known.length > 0 && !other_person) break;
      j = k;
      continue;
    }
    // "Department of Justice", "Monetary Authority of Singapore".
    std::string_view rest = text.substr(k, end - k);
    if ((rest.rfind("of ", 0) == 0 || rest.rfind("for ", 0) == 0) && rest.size() > 4) {
      size_t c = k + (rest[0] == 'o' ? 3 : 4);
      if (c < end && Upper(text[c]) && Known(text, c).match.length == 0) {
        words.push_back(NameWord{k, c - 1, -1});  // the connector
        j = c;
        continue;
      }
    }
    break;
  }
  *next = words.empty() ? NameWordEnd(text, pos, end) : words.back().end;
  if (words.empty()) return std::nullopt;
  auto word = [&](size_t i) { return text.substr(words[i].begin, words[i].end - words[i].begin); };
  auto connector = [&](size_t i) { return Connector(word(i)); };
  // Titles and non-names at the edges go: "Former President Donald Trump".
  size_t first = 0, last = words.size();
  bool title_inside = false;
  while (first < last) {
    const int kinds = kinds_of(words[first]);
    // A demonym goes before a title ("Turkish Prime Minister Recep Erdogan")
    // and stays in any other name ("British Airways").
    const bool leading_demonym = (kinds & kDemonym) != 0 && first + 1 < last &&
                                 (kinds_of(words[first + 1]) & kPersonTitle) != 0;
    if ((kinds & (kNotName | kPersonTitle)) == 0 && !leading_demonym) break;
    title_inside = title_inside || (kinds & kPersonTitle) != 0;
    ++first;
  }
  // "CEO of Abu Dhabi Global Market": the title governs the name, it is no person.
  bool governed = false;
  while (first < last && connector(first)) {
    ++first;
    governed = true;
  }
  while (last > first &&
         ((kinds_of(words[last - 1]) & (kNotName | kDemonym)) != 0 || connector(last - 1))) {
    --last;
  }
  if (first == last) return std::nullopt;
  // Whether a title names a person here: one trimmed from the name, or the
  // word before it ("Mr. Cheung", "adviser Stephen Miller"), read only when
  // asked (most words that open a sentence are settled without it).
  int titled_memo = -1;
  auto titled = [&] {
    if (titled_memo < 0) {
      titled_memo = !governed && (title_inside || TitleBefore(text, sentence_begin, pos)) ? 1 : 0;
    }
    return titled_memo == 1;
  };
  const std::string_view name =
      text.substr(words[first].begin, words[last - 1].end - words[first].begin);
  const bool single = last - first == 1;
  // Sentence starts capitalise any word: asked of a name of one word alone.
  bool initial = false;
  if (single) {
    if (CorporateSuffix(name)) return std::nullopt;
    if (const int known = surnames_.Find(name); known >= 0) {
      return Found{words[first].begin, words[last - 1].end, {known}, 1, "surname", false};
    }
    initial = OpensSentence(text, sentence_begin, words[first].begin);
    if (initial && !titled()) return std::nullopt;
    if (name.size() == 1) return std::nullopt;
  }
  if (headline) return std::nullopt;
  // The type the name's words give; a title makes a person of any name, so
  // it is asked for only where they give another ("Peter Staran" is one either way).
  std::string_view type = "unknown";
  const int last_kinds = kinds_of(words[last - 1]);
  const int first_kinds = kinds_of(words[first]);
  if (last_kinds & kOrgWord) {
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
  if (type != "person" && titled()) type = "person";
  if (single && initial && type == "unknown") return std::nullopt;
  const int id = Unknown(name, type);
  // A later surname refers back: "Hampton Dellinger" ... "Dellinger".
  if ((ascii::Is(entity(id).type, "person") ||
       (ascii::Is(entity(id).type, "unknown") && last - first == 2)) &&
      !single) {
    surnames_.Set(word(last - 1), id);
  }
  return Found{words[first].begin, words[last - 1].end, {id}, 1, "new", false};
}

bool MentionTracker::TitleBefore(std::string_view text, size_t sentence_begin, size_t pos) const {
  if (pos < 2 || text[pos - 1] != ' ') return false;
  size_t b = pos - 1;
  while (b > sentence_begin && (Alnum(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '-')) {
    --b;
  }
  return Is(text.substr(b, pos - 1 - b), kPersonTitle);
}

// NewName's reading of a name of one word, text[pos, end), with the same
// tests in the same order, less the bookkeeping of a list of words.
std::optional<MentionTracker::Found> MentionTracker::SingleName(std::string_view text,
                                                                size_t sentence_begin, size_t pos,
                                                                size_t end, bool headline,
                                                                int run_kinds) {
  const std::string_view name = text.substr(pos, end - pos);
  const size_t run = scan_.RunEnd(pos);
  const bool whole_run = end == run || (end == run + 1 && text[run] == '.');
  const int kinds = whole_run ? run_kinds : Kinds(name);
  // A title or a word that is no name leaves nothing of the name; so does a connector.
  if ((kinds & kNoNameOfOneWord) != 0 || Connector(name) || CorporateSuffix(name)) {
    return std::nullopt;
  }
  if (const int known = surnames_.Find(name); known >= 0) {
    return Found{pos, end, {known}, 1, "surname", false};
  }
  const bool initial = OpensSentence(text, sentence_begin, pos);
  int titled_memo = -1;  // as in NewName: read only when asked
  auto titled = [&] {
    if (titled_memo < 0) titled_memo = TitleBefore(text, sentence_begin, pos) ? 1 : 0;
    return titled_memo == 1;
  };
  if (initial && !titled()) return std::nullopt;
  if (name.size() == 1 || headline) return std::nullopt;
  std::string_view type = "unknown";
  if (titled()) {
    type = "person";
  } else if (kinds & kOrgWord) {
    type = "organization";
  } else if (kinds & kAgencyWord) {
    type = "agency";
  } else if (kinds & kPlaceWord) {
    type = "place";
  }
  if (initial && type == "unknown") return std::nullopt;
  return Found{pos, end, {Unknown(name, type)}, 1, "new", false};
}

// LongestFrom finds an alias ending with a letter or digit only where a word
// ends after it, which the scan's word-end bits tell at once; a word with no
// capital first ("the") needs none of the word ends where only names
// written with a capital first may stand.
inline Gazetteer::Match MentionTracker::LongestAt(const Gazetteer::Start& start,
                                                  std::string_view text, size_t pos) const {
  if (start.aliases_unbounded) return gaz_.LongestFrom(&start, text, pos, doc_date_);
  if (!Upper(text[pos]) && start.alias_lengths_uncapitalised == 0) return {};
  const uint64_t lengths = Gazetteer::AliasLengths(start, text, pos, scan_.EndsAfter(pos));
  if (lengths == 0) return {};
  return gaz_.LongestFrom(&start, text, pos, doc_date_, lengths);
}

inline const Gazetteer::WordInfo* MentionTracker::LookupWord(std::string_view word) const {
  // Empty words and those of more than eight bytes (few) are looked up as they come.
  if (word.size() - 1 >= 8) return gaz_.Lookup(word);
  const uint64_t bytes = ascii::Load8(word.data(), word.size());
  WordMemo& memo =
      word_memo_[((bytes + word.size()) * 0x9E3779B97F4A7C15u) >> (64 - kWordMemoBits)];
  if (memo.bytes != bytes || memo.length != word.size()) {
    return LookupWordMissed(word, bytes, &memo);
  }
  return memo.id < 0 ? nullptr : &gaz_.infos_[static_cast<size_t>(memo.id)];
}

// Out of line, so that the memo's hit above is small enough to be in line
// wherever a word is looked up (called there, it cost a fifth of a hit).
__attribute__((noinline)) const Gazetteer::WordInfo* MentionTracker::LookupWordMissed(
    std::string_view word, uint64_t bytes, WordMemo* memo) const {
  *memo = WordMemo{bytes, static_cast<uint32_t>(word.size()), gaz_.words_.Find(word)};
  return memo->id < 0 ? nullptr : &gaz_.infos_[static_cast<size_t>(memo->id)];
}

// Gazetteer::Kinds through the memo: the words before names ("Mr.",
// "adviser") and given names are asked again and again.
int MentionTracker::Kinds(std::string_view word) const {
  return gaz_.KindsVia(word, [this](std::string_view w) { return LookupWord(w); });
}

const MentionTracker::KnownAt& MentionTracker::Known(std::string_view text, size_t pos) {
  if (known_at_.pos != pos) {
    known_at_.pos = pos;
    const Gazetteer::WordInfo* info = LookupWord(text.substr(pos, scan_.RunEnd(pos) - pos));
    known_at_.start = gaz_.StartFor(info);
    known_at_.kinds = info == nullptr ? 0 : info->kinds;
    known_at_.match =
        known_at_.start != nullptr ? LongestAt(*known_at_.start, text, pos) : Gazetteer::Match{};
  }
  return known_at_;
}

inline uint64_t MentionTracker::RoleLengths(const Gazetteer::Start& start, std::string_view text,
                                            size_t pos, size_t end) const {
  uint64_t lengths = start.short_lengths_near;
  if (const size_t next = pos + start.word_length + 1;
      next < end && !start.short_lengths_by_next.empty()) {
    lengths |= start.short_lengths_by_next[ascii::kFolded[static_cast<unsigned char>(text[next])]];
  }
  return lengths & scan_.EndsAfter(pos);
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
  std::vector<Mention> mentions;
  Find(text, begin, end, &mentions);
  return mentions;
}

void MentionTracker::Find(std::string_view text, size_t begin, size_t end,
                          std::vector<Mention>* mentions) {
  // The sentence's words (the only places a mention can start) and those a
  // mention may open at, from one pass over the document at its first sentence.
  scan_.Read(text, begin, end);
  known_at_.pos = SIZE_MAX;
  // Headlines end without a period; "Pfizer CEO Albert Bourla visited China." is prose.
  size_t last = end;
  while (last > begin && Space(text[last - 1])) --last;
  const bool terminated = last > begin && (text[last - 1] == '.' || text[last - 1] == '"');
  // A headline capitalises most words, and only known names count there.
  bool headline = false;
  if (!terminated) {
    int letter_words = 0, capitals = 0;
    scan_.CountWords(text, &letter_words, &capitals);
    headline = letter_words >= 4 && capitals * 10 >= letter_words * 7;
  }

  // Mentions are written over those *mentions holds, keeping their entity lists' memory.
  std::vector<Mention>& out = *mentions;
  size_t count = 0;
  // Where a description may start: 3 bytes after the latest mention ("'s ")
  // or 5 ("’s "), if that stands for one entity and an apostrophe follows it
  // (Description reads none elsewhere); none while it is kNone, which no
  // position is within 2 of.
  constexpr size_t kNone = SIZE_MAX / 2;
  size_t description_at = kNone;
  auto emit = [&](const Found& f) {
    if (count == out.size()) {
      if (out.capacity() == 0) out.reserve(8);  // most sentences have fewer
      Mention& added = out.emplace_back();
      if (!spare_lists_.empty()) {
        added.entities = std::move(spare_lists_.back());
        spare_lists_.pop_back();
      }
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
    description_at =
        f.count == 1 && f.end + 3 < end && (text[f.end] == '\'' || text[f.end] == '\xe2')
            ? f.end + 3
            : kNone;
    return f.end;
  };
  // What references and descriptions read of the mentions before them.
  auto note_latest = [&] {
    sentence_start_ = count == 0;
    last_entity_ =
        count == 0 || out[count - 1].entities.size() != 1 ? -1 : out[count - 1].entities[0];
    last_end_ = count == 0 ? 0 : out[count - 1].end;
  };
  // A description follows "'s " or "’s " right after the latest mention, if
  // that stands for one entity: where it may start is set as each is written.
  auto description_may_start = [&](size_t pos) {
    const size_t d = pos - description_at;  // 0 or 2 where one may start
    return (d | 2) == 2;
  };
  const std::string_view sentence = text.substr(0, end);
  size_t pos = begin;
  while (pos < end) {
    // Most words open no name, role or new name (known names opening with no
    // capital match only as written): the scan's openers pass them by. Only a
    // description can start at one of them, right after a mention.
    const size_t from = pos;
    pos = scan_.NextOpener(from);
    bool lower = false;
    if (description_at < pos) {
      for (const size_t d : {description_at, description_at + 2}) {
        if (d >= from && d < pos && scan_.StartsAt(d)) {
          pos = d;
          lower = true;
          break;
        }
      }
    }
    if (pos >= end) break;
    // What starts at pos, if anything: each way of finding a mention returns
    // it and the one call of emit below writes it (one call site lets emit
    // be inline without copies of its code); where none starts, pos moves on.
    const std::optional<Found> found = [&]() -> std::optional<Found> {
      if (lower) {
        note_latest();
        if (std::optional<Found> d = Description(sentence, pos, end)) {
          return d;
        }
        ++pos;  // no word starts inside this one
        return std::nullopt;
      }
      const size_t word_end = scan_.RunEnd(pos);
      // The names and role phrases that can start here, found once for all of them.
      const bool ahead = known_at_.pos == pos;  // NewName looked here already
      const Gazetteer::WordInfo* info =
          ahead ? nullptr : LookupWord(text.substr(pos, word_end - pos));
      const Gazetteer::Start* start = ahead ? known_at_.start : gaz_.StartFor(info);
      const int run_kinds = ahead ? known_at_.kinds : info == nullptr ? 0 : info->kinds;
      if (start == nullptr && !Upper(text[pos])) {
        // Most words: no name, role or new name starts here; only a description can.
        if (description_may_start(pos)) {
          note_latest();
          if (std::optional<Found> d = Description(sentence, pos, end)) {
            return d;
          }
        }
        pos = word_end;
        return std::nullopt;
      }
      Gazetteer::Match g;
      if (ahead) {
        g = known_at_.match;
      } else if (start != nullptr) {
        g = LongestAt(*start, sentence, pos);
      }
      // OrganisationFollows is called only where a capitalised word follows
      // the name (most names are followed by none).
      const size_t after = pos + g.length;
      if (g.length > 0 && !headline && after + 1 < end && text[after] == ' ' &&
          Upper(text[after + 1]) && OrganisationFollows(sentence, after, end)) {
        // "Trump Organization", "Abu Dhabi Global Market": a known name opening
        // a longer organisation's name is part of it.
        size_t next = pos;
        if (std::optional<Found> m =
                NewName(sentence, begin, pos, end, headline, run_kinds, &next)) {
          return m;
        }
      }
      if (g.length > 0) {
        // string_views, not C strings: a ternary of two literals would be measured with strlen.
        const std::string_view resolution = g.canonical ? std::string_view("name") : "alias";
        return Found{pos, pos + g.length, {g.entity}, 1, resolution, false};
      }
      // What Description and Reference read of the mentions before is noted
      // only where one of them is called (most capitalised words call neither).
      if (description_may_start(pos)) {
        note_latest();
        if (std::optional<Found> d = Description(sentence, pos, end)) {
          return d;
        }
      }
      if (start != nullptr && !start->roles.empty()) {
        // Most words that open role phrases ("the", "he") open none here: told
        // before the call, from the lengths (and whether any phrase of theirs
        // is 64 bytes or more, the longest run first).
        const uint64_t lengths = RoleLengths(*start, sentence, pos, end);
        if (lengths != 0 || start->runs.front().length >= 64) {
          note_latest();
          if (std::optional<Found> r = Reference(sentence, pos, end, *start, lengths)) {
            return r;
          }
        }
      }
      if (Upper(text[pos])) {
        if (word_end + 1 < end && text[word_end] == ' ' && (run_kinds & kNoNameOfOneWord) != 0 &&
            !Upper(text[word_end + 1]) && !OpensWithConnector(sentence.substr(word_end + 1))) {
          // "The figures", "The former", "CEO said": a title or a word that is
          // no name, alone before a word that joins no name to it, leaves
          // nothing of a name (what NewName would find, told without the call).
          pos = word_end;
          return std::nullopt;
        }
        size_t next = pos;
        if (std::optional<Found> m =
                NewName(sentence, begin, pos, end, headline, run_kinds, &next)) {
          return m;
        }
        pos = std::max(next, pos + 1);
        return std::nullopt;
      }
      pos = word_end;
      return std::nullopt;
    }();
    if (found) pos = emit(*found);
  }
  // The lists of mentions dropped here go to the next sentence's new ones.
  for (size_t i = count; i < out.size(); ++i) {
    if (out[i].entities.capacity() > 0) spare_lists_.push_back(std::move(out[i].entities));
  }
  out.resize(count);
  for (const Mention& m : out) {
    if (m.entities.size() == 1 && ascii::Is(entity(m.entities[0]).type, "person")) {
      last_subject_ = m.entities[0];
      break;
    }
  }
}

}  // namespace kg
