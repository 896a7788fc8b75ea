#include "extract/slot_locator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "extract/ascii.h"
#include "extract/case_blind.h"
#include "extract/lazy_regex.h"
#include "extract/mention_view.h"
#include "extract/pattern_macros.h"
#include "extract/rule_pack.h"
#include "graph/model/ascii_case.h"

namespace kg {
namespace {

struct Group {
  size_t open = 0;   // the '(' of "(?P<name>"
  size_t body = 0;   // first byte inside the group
  size_t close = 0;  // its ')'
};

// The top-level named groups of a source, read in one pass: the first one,
// and the first "subj" and "obj". Not splittable when the source has a
// top-level alternation anywhere or a construct that a piece could not carry
// on its own (flags, \Q...\E quoting); then no group is reported.
struct TopLevelGroups {
  bool splittable = true;
  std::optional<Group> first, subject, object;
};

TopLevelGroups ReadTopLevelGroups(std::string_view source) {
  TopLevelGroups out;
  int depth = 0;
  // The depth-0 named group being read: where it opens (npos: none) and its name.
  size_t open_at = std::string_view::npos;
  std::string_view open_name;
  static constexpr SyntaxBytes kStops("\\[()|");
  for (size_t i = 0; i < source.size(); ++i) {
    i = kStops.Next(source, i);
    if (i == source.size()) break;
    const char c = source[i];
    if (c == '\\') {
      if (i + 1 < source.size() && source[i + 1] == 'Q') return TopLevelGroups{false, {}, {}, {}};
      ++i;
    } else if (c == '[') {
      i = RegexClassEnd(source, i);
    } else if (c == '(') {
      const std::string_view rest = source.substr(i);
      const bool named = rest.substr(0, 4) == "(?P<";
      if (rest.substr(0, 2) == "(?" && rest.substr(0, 3) != "(?:" && !named) {
        return TopLevelGroups{false, {}, {}, {}};
      }
      if (depth == 0 && named) {
        const size_t name_end = rest.find('>');
        if (name_end != std::string_view::npos) {
          open_at = i;
          open_name = rest.substr(4, name_end - 4);
        }
      }
      ++depth;
    } else if (c == ')') {
      --depth;
      if (depth == 0 && open_at != std::string_view::npos) {
        const Group group{open_at, open_at + 5 + open_name.size(), i};
        if (!out.first) out.first = group;
        if (open_name == "subj" && !out.subject) out.subject = group;
        if (open_name == "obj" && !out.object) out.object = group;
        open_at = std::string_view::npos;
      }
    } else if (c == '|' && depth == 0) {
      return TopLevelGroups{false, {}, {}, {}};
    }
  }
  return out;
}

// Whether every match of `source` begins at an entity token ("<e"), or at
// "both " or "either " right before one: the source opens with the slot
// macro's lead and a group whose body opens with an entity token, the group is
// not optional, and nothing is alternated at the top level.
bool SourceOpensWithSlot(std::string_view source, const TopLevelGroups& groups) {
  std::string_view rest = source;
  if (rest.starts_with(kSlotLead)) rest.remove_prefix(kSlotLead.size());
  if (!groups.splittable || !groups.first || groups.first->open != source.size() - rest.size()) {
    return false;
  }
  const Group& group = *groups.first;
  if (source.substr(group.body, 6) != "<e\\d+:") return false;
  const char after = group.close + 1 < source.size() ? source[group.close + 1] : '\0';
  return after != '?' && after != '*' && after != '{';
}

// The entity types a slot group's body (IsSlotGroupBody) lets its tokens
// name: "<e\\d+:(?:person|unknown)>..." gives {person, unknown}. Empty when
// the token takes any type or is not written in one of those two forms.
std::vector<std::string> SlotTokenTypes(std::string_view body) {
  static constexpr std::string_view kOpen = "<e\\d+:(?:";
  static constexpr std::string_view kClose = ")>";
  if (!IsSlotGroupBody(body) || !body.starts_with(kOpen)) return {};
  const size_t close = body.find(kClose);
  if (close == std::string_view::npos) return {};
  std::vector<std::string> types;
  std::string_view names = body.substr(kOpen.size(), close - kOpen.size());
  while (true) {
    const std::string_view name = names.substr(0, names.find('|'));
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (!plain) return {};
    types.emplace_back(name);
    if (name.size() == names.size()) return types;
    names.remove_prefix(name.size() + 1);
  }
}

// Where the entity token "<e12:type>" (any case) at text[at] ends (one past
// its '>') when its type is one of `types` (lower case), else 0: no slot
// whose tokens take only those types has a member there. `types` empty: any
// token does (its end, or text.size() if it has no '>').
size_t TokenEnd(std::string_view text, size_t at, const std::vector<std::string>& types) {
  if (types.empty()) {
    const size_t close = text.find('>', at);
    return close == std::string_view::npos ? text.size() : close + 1;
  }
  size_t i = at + 2;  // after "<e"
  const size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i == text.size() || text[i] != ':') return 0;
  const std::string_view rest = text.substr(i + 1);
  for (const std::string& t : types) {
    // The byte after the type first: it tells most types apart at once.
    if (rest.size() <= t.size() || rest[t.size()] != '>') continue;
    if (ascii::EqualFolded(rest.data(), t.data(), t.size())) return i + 1 + t.size() + 1;
  }
  return 0;
}

// Whether `text` is a match of the slot macro's lead (kSlotLead).
// No letter of the lead has a non-ASCII case variant RE2 would match (as 'k'
// and 's' have), so a byte comparison tells it for any text.
bool IsLead(std::string_view text, bool case_sensitive) {
  if (text.empty()) return true;
  for (std::string_view lead : {std::string_view("both "), std::string_view("either ")}) {
    if (case_sensitive ? text == lead : FoldsTo(text, lead)) return true;
  }
  return false;
}

// The slot macro's lead words (kSlotLead), and the longer one's length.
constexpr std::string_view kLeads[] = {"either ", "both "};
constexpr size_t kLongestLead = 7;

// Up to this many '<' (or '>') in a match; more falls back to the capture pass.
constexpr size_t kMaxBounds = 24;

// The piece between the groups is most of a pattern, and compiling it costs
// about as much as a hundred capture passes over a match (4.5 M instructions
// against ~40 k): a pattern's first ambiguous matches go to the capture pass,
// and only one that keeps having them gets its middle piece.
constexpr uint32_t kCapturePassesBeforeMiddle = 64;

}  // namespace

// Where groups may begin (or end) inside a match.
struct SlotLocator::Bounds {
  std::array<size_t, kMaxBounds> at;
  size_t size = 0;
};

// The pieces before, around and after the groups: sources 0, 1, 3 and 4.
struct SlotLocator::Pieces {
  // re[2] unused: see Middle. Null for a piece matched from its bytes
  // (PieceForm). The groups' pieces are slot bodies, which many patterns
  // share: one RE2 serves them all.
  std::array<std::shared_ptr<const RE2>, 5> re;
};

// The slot bodies compiled so far, by source and options.
struct SlotLocator::SharedBodies {
  std::mutex mutex;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const RE2>> compiled;
};

namespace {

// What of `options` changes how RE2 compiles a source, as a key.
std::string OptionsKey(const RE2::Options& o) {
  std::string key = std::to_string(o.max_mem()) + ':' + std::to_string(o.encoding()) + ':';
  for (bool flag :
       {o.posix_syntax(), o.longest_match(), o.literal(), o.never_nl(), o.dot_nl(),
        o.never_capture(), o.case_sensitive(), o.perl_classes(), o.word_boundary(), o.one_line()}) {
    key += flag ? '1' : '0';
  }
  return key;
}

}  // namespace

namespace {

// Calls visit(i) for each '<' and '>' in text[begin, end), in order; stops
// when it returns false. Eight bytes a step: a match is mostly words.
template <typename Visit>
bool ForEachAngle(const re2::StringPiece& text, size_t begin, size_t end, Visit visit) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    uint64_t v;
    std::memcpy(&v, text.data() + i, 8);
    // '<' (0x3C) and '>' (0x3E) differ in bit 1 alone: with it set, both are
    // 0x3E, and the xor makes them zero bytes. The zero-byte test may also
    // flag a byte after a true one; each flagged byte is checked again.
    const uint64_t x = (v | 0x02 * kOnes) ^ (0x3E * kOnes);
    for (uint64_t m = (x - kOnes) & ~x & kHigh; m != 0; m &= m - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctzll(m)) / 8;
      if ((text[at] == '<' || text[at] == '>') && !visit(at)) return false;
    }
  }
  for (; i < end; ++i) {
    if ((text[i] == '<' || text[i] == '>') && !visit(i)) return false;
  }
  return true;
}

}  // namespace

// Where groups may begin and end inside text[begin, end): a group opens with
// an entity token's "<e" and closes after an entity token's '>'
// (IsSlotGroupBody); time tokens ("<t0>") are neither. False when there are
// more than kMaxBounds of either.
bool SlotLocator::ReadBounds(const re2::StringPiece& text, size_t begin, size_t end, Bounds* starts,
                             Bounds* ends) {
  bool in_entity = false;
  return ForEachAngle(text, begin, end, [&](size_t i) {
    if (text[i] == '<') {
      in_entity = i + 1 < end && (text[i + 1] == 'e' || text[i + 1] == 'E');
      if (!in_entity) return true;
      if (starts->size == kMaxBounds) return false;
      starts->at[starts->size++] = i;
    } else if (in_entity) {
      in_entity = false;
      if (ends->size == kMaxBounds) return false;
      ends->at[ends->size++] = i + 1;
    }
    return true;
  });
}

// Placements of the two groups: first begin, first end, second begin, second end.
constexpr size_t kMaxPlacements = 8;

SlotLocator::SlotLocator(const std::vector<PatternDef>& patterns)
    : entries_(new Entry[patterns.size()]),
      size_(patterns.size()),
      bodies_(std::make_unique<SharedBodies>()) {
  for (size_t p = 0; p < patterns.size(); ++p) {
    const PatternDef& pattern = patterns[p];
    Entry& entry = entries_[p];
    const std::string_view source = pattern.source;
    const TopLevelGroups groups = ReadTopLevelGroups(source);
    entry.opens_with_slot = SourceOpensWithSlot(source, groups);
    if (entry.opens_with_slot) {
      const Group& opening = *groups.first;
      entry.opening_types =
          SlotTokenTypes(source.substr(opening.body, opening.close - opening.body));
    }
    // The group that ends the source, when it is a slot's and not the opening one.
    for (const std::optional<Group>& group : {groups.subject, groups.object}) {
      if (!group || group->close + 1 != source.size() ||
          (entry.opens_with_slot && group->open == groups.first->open)) {
        continue;
      }
      const std::string_view body = source.substr(group->body, group->close - group->body);
      if (!IsSlotGroupBody(body)) continue;
      entry.closes_with_slot = true;
      entry.closing_types = SlotTokenTypes(body);
    }
    if (!pattern.re || !groups.splittable || !groups.subject) continue;
    const Group subject = *groups.subject;
    if (pattern.object_group == 0) {
      // Pairs inside one coordinated group ("{subj} met"): before, group, after.
      const std::string_view body = source.substr(subject.body, subject.close - subject.body);
      if (!IsSlotGroupBody(body)) continue;
      entry.sources = {std::string(source.substr(0, subject.open)), std::string(body), "", "",
                       std::string(source.substr(subject.close + 1))};
      entry.one_group = true;
      SetPieceOptions(pattern, &entry);
      entry.forms = PieceForms(entry.sources, entry.options);
      entry.splits = true;
      continue;
    }
    if (!groups.object) continue;
    const Group object = *groups.object;
    const std::string_view subject_body = source.substr(subject.body, subject.close - subject.body);
    const std::string_view object_body = source.substr(object.body, object.close - object.body);
    if (!IsSlotGroupBody(subject_body) || !IsSlotGroupBody(object_body)) continue;
    entry.subject_first = subject.open < object.open;
    const Group& first = entry.subject_first ? subject : object;
    const Group& second = entry.subject_first ? object : subject;
    entry.sources = {
        std::string(source.substr(0, first.open)),
        std::string(source.substr(first.body, first.close - first.body)),
        std::string(source.substr(first.close + 1, second.open - first.close - 1)),
        std::string(source.substr(second.body, second.close - second.body)),
        std::string(source.substr(second.close + 1)),
    };
    SetPieceOptions(pattern, &entry);
    entry.forms = PieceForms(entry.sources, entry.options);
    entry.splits = true;
  }
}

SlotLocator::~SlotLocator() = default;

void SlotLocator::SetPieceOptions(const PatternDef& pattern, Entry* entry) {
  entry->options = pattern.re.options();
  // re_case_free exists only for a case-neutral source, and a piece is part of
  // it: on case-free text it matches the same compiled either way, and a
  // case-blind compile costs about twice as much (RE2's case folding).
  if (pattern.re_case_free && !entry->options.literal()) {
    entry->options.set_case_sensitive(true);
    entry->case_free_only = true;
  }
}

bool SlotLocator::PiecesRead(const Entry& entry, const re2::StringPiece& text, size_t begin,
                             size_t end) {
  return !entry.case_free_only || CaseFreeText(std::string_view(text.data() + begin, end - begin));
}

std::array<SlotLocator::PieceForm, 5> SlotLocator::PieceForms(
    const std::vector<std::string>& sources, const RE2::Options& options) {
  std::array<PieceForm, 5> forms{};
  if (options.literal()) return forms;
  for (size_t i = 0; i < sources.size() && i < forms.size(); ++i) {
    if (sources[i].empty()) forms[i] = PieceForm::kEmpty;
    if (sources[i] == kSlotLead) forms[i] = PieceForm::kLead;
  }
  return forms;
}

bool SlotLocator::Fits(const Entry& entry, const Pieces& pieces, size_t i,
                       const re2::StringPiece& text, size_t from, size_t to) {
  switch (entry.forms[i]) {
    case PieceForm::kEmpty:
      return from == to;
    case PieceForm::kLead:
      return IsLead(std::string_view(text.data() + from, to - from),
                    entry.options.case_sensitive());
    case PieceForm::kRegex:
      break;
  }
  return pieces.re[i]->Match(text, from, to, RE2::ANCHOR_BOTH, nullptr, 0);
}

bool SlotLocator::OpensWithSlot(int p) const {
  return p >= 0 && static_cast<size_t>(p) < size_ && entries_[p].opens_with_slot;
}

bool SlotLocator::ClosesWithSlot(int p) const {
  return p >= 0 && static_cast<size_t>(p) < size_ && entries_[p].closes_with_slot;
}

bool SlotLocator::Find(int p, const RE2& re, const re2::StringPiece& text, size_t pos,
                       re2::StringPiece* match, size_t last_start, bool ascii_text,
                       size_t tokens_end) const {
  const std::string_view view(text.data(), text.size());
  // The bytes after `end` are only context (a search that has not failed
  // by then reads on to the end of the view otherwise).
  const size_t end = ClosesWithSlot(p) ? std::min(text.size(), tokens_end) : text.size();
  if (pos > end) return false;
  // Case-blind RE2 matches a few non-ASCII letters to ASCII ones ("either"
  // with a dotless i), which the lead-word test below would miss.
  if (!OpensWithSlot(p) || (!ascii_text && !ascii::AllAscii(view.substr(
                                               pos >= kLongestLead ? pos - kLongestLead : 0)))) {
    return re.Match(text, pos, end, RE2::UNANCHORED, match, 1);
  }
  for (size_t at = view.find('<', pos); at != std::string_view::npos; at = view.find('<', at + 1)) {
    if (at > kLongestLead && at - kLongestLead > last_start) break;
    if (at + 1 == view.size() || (view[at + 1] != 'e' && view[at + 1] != 'E')) continue;
    for (std::string_view lead : kLeads) {
      if (at >= pos + lead.size() && at - lead.size() <= last_start &&
          FoldsTo(view.substr(at - lead.size(), lead.size()), lead) &&
          re.Match(text, at - lead.size(), end, RE2::ANCHOR_START, match, 1)) {
        return true;
      }
    }
    if (at <= last_start && at <= end && re.Match(text, at, end, RE2::ANCHOR_START, match, 1)) {
      return true;
    }
  }
  return false;
}

void SlotLocator::TokenStarts(std::string_view text, std::vector<uint32_t>* out) {
  out->clear();
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (at + 1 < text.size() && (text[at + 1] == 'e' || text[at + 1] == 'E')) {
      out->push_back(static_cast<uint32_t>(at));
    }
  }
}

bool SlotLocator::MayFind(int p, std::string_view text, const std::vector<uint32_t>& starts,
                          size_t last_start, MatchWindow* window) const {
  MatchWindow unused;
  MatchWindow& out = window != nullptr ? *window : unused;
  out = {0, text.size()};
  if (p < 0 || static_cast<size_t>(p) >= size_) return true;
  const Entry& entry = entries_[p];
  // The first place Find searches from (less the longest lead), without its
  // lead-word test; the closing slot's first token comes after the opening
  // slot's, and its last ends the match.
  size_t i = 0;
  if (entry.opens_with_slot) {
    while (i < starts.size() && TokenEnd(text, starts[i], entry.opening_types) == 0) {
      const size_t at = starts[i];
      if (at > kLongestLead && at - kLongestLead > last_start) return false;
      ++i;
    }
    if (i == starts.size()) return false;
    const size_t at = starts[i];
    if (at > kLongestLead && at - kLongestLead > last_start) return false;
    out.begin = at > kLongestLead ? at - kLongestLead : 0;
    ++i;
  }
  if (!entry.closes_with_slot) return true;
  for (size_t j = starts.size(); j > i; --j) {
    const size_t end = TokenEnd(text, starts[j - 1], entry.closing_types);
    if (end != 0) {
      out.end = end;
      return true;
    }
  }
  return false;
}

bool SlotLocator::Splits(int p) const {
  return p >= 0 && static_cast<size_t>(p) < size_ && entries_[p].splits;
}

bool SlotLocator::PieceFits(int p, size_t piece, const re2::StringPiece& text, size_t from,
                            size_t to) const {
  if (!Splits(p) || piece >= 5 || piece == 2) return false;
  const Entry& entry = entries_[p];
  if (!PiecesRead(entry, text, from, to)) return false;
  const Pieces* pieces = Compiled(entry);
  if (pieces == nullptr) return false;
  return Fits(entry, *pieces, piece, text, from, to);
}

const SlotLocator::Pieces* SlotLocator::Compiled(const Entry& entry) const {
  std::call_once(entry.once, [this, &entry] {
    auto pieces = std::make_unique<Pieces>();
    for (size_t i : {0, 1, 3, 4}) {
      if (i == 3 && entry.one_group) continue;
      if (entry.forms[i] != PieceForm::kRegex) continue;
      if (i == 1 || i == 3) {
        pieces->re[i] = Body(entry.sources[i], entry.options);
      } else {
        pieces->re[i] = std::make_shared<const RE2>("(?:" + entry.sources[i] + ")", entry.options);
      }
      if (!pieces->re[i]->ok()) return;
    }
    entry.pieces = std::move(pieces);
  });
  return entry.pieces.get();
}

std::shared_ptr<const RE2> SlotLocator::Body(const std::string& source,
                                             const RE2::Options& options) const {
  std::lock_guard<std::mutex> lock(bodies_->mutex);
  std::shared_ptr<const RE2>& re = bodies_->compiled[{source, OptionsKey(options)}];
  if (re == nullptr) re = std::make_shared<const RE2>("(?:" + source + ")", options);
  return re;
}

bool SlotLocator::MiddleWorthCompiling(const Entry& entry) {
  // Counts up to the limit and no further, so it cannot wrap.
  return entry.ambiguous.load(std::memory_order_relaxed) >= kCapturePassesBeforeMiddle ||
         entry.ambiguous.fetch_add(1, std::memory_order_relaxed) >= kCapturePassesBeforeMiddle;
}

const RE2* SlotLocator::Middle(const Entry& entry) const {
  std::call_once(entry.middle_once, [&entry] {
    auto re = std::make_unique<RE2>("(?:" + entry.sources[2] + ")", entry.options);
    if (re->ok()) entry.middle = std::move(re);
  });
  return entry.middle.get();
}

// ReadBounds from the view's tokens: an entity token ("<e...>") in
// view[begin, end) is where a group may begin, and its end, when inside too,
// where one may end. The same bounds, since only tokens put '<' and '>' in a
// view, without reading the match.
bool SlotLocator::TokenBounds(const MentionView& view, size_t begin, size_t end, Bounds* starts,
                              Bounds* ends) {
  const std::vector<ViewToken>& tokens = view.tokens;
  const std::string& text = view.text;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                             [](const ViewToken& t, size_t p) { return t.begin < p; });
  for (; it != tokens.end() && it->begin < end; ++it) {
    if (it->begin + 1 >= end || text[it->begin] != '<' ||
        (text[it->begin + 1] != 'e' && text[it->begin + 1] != 'E')) {
      continue;
    }
    if (starts->size == kMaxBounds) return false;
    starts->at[starts->size++] = it->begin;
    if (it->end > end) break;
    if (ends->size == kMaxBounds) return false;
    ends->at[ends->size++] = it->end;
  }
  return true;
}

bool SlotLocator::Locate(int p, const MentionView& view, size_t begin, size_t end,
                         SlotSpans* out) const {
  if (!Splits(p)) return false;
  Bounds starts, ends;
  if (!TokenBounds(view, begin, end, &starts, &ends)) return false;
  return LocateIn(entries_[p], re2::StringPiece(view.text), begin, end, starts, ends, out);
}

bool SlotLocator::Locate(int p, const re2::StringPiece& text, size_t begin, size_t end,
                         SlotSpans* out) const {
  if (!Splits(p)) return false;
  Bounds starts, ends;
  if (!ReadBounds(text, begin, end, &starts, &ends)) return false;
  return LocateIn(entries_[p], text, begin, end, starts, ends, out);
}

bool SlotLocator::LocateIn(const Entry& entry, const re2::StringPiece& text, size_t begin,
                           size_t end, const Bounds& starts, const Bounds& ends,
                           SlotSpans* out) const {
  if (entry.one_group) return LocateOneGroup(entry, text, begin, end, starts, ends, out);
  // The match has its groups somewhere; when the tokens allow them only one
  // place (the usual "<e1> verb <e2>"), that is where they are.
  if (starts.size == 2 && ends.size == 2 && starts.at[0] < ends.at[0] &&
      ends.at[0] <= starts.at[1] && starts.at[1] < ends.at[1]) {
    const std::array<size_t, 4> only = {starts.at[0], ends.at[0], starts.at[1], ends.at[1]};
    return Place(entry, only, out);
  }
  if (!PiecesRead(entry, text, begin, end)) return false;
  const Pieces* pieces = Compiled(entry);
  if (pieces == nullptr) return false;
  auto fits = [&](size_t piece, size_t from, size_t to) {
    return Fits(entry, *pieces, piece, text, from, to);
  };
  // Every placement the outer pieces allow; the true one is among them.
  std::array<std::array<size_t, 4>, kMaxPlacements> placements;
  size_t count = 0;
  for (size_t a = 0; a < starts.size; ++a) {
    const size_t b1 = starts.at[a];
    if (!fits(0, begin, b1)) continue;
    for (size_t c = 0; c < ends.size; ++c) {
      const size_t e1 = ends.at[c];
      if (e1 <= b1 || !fits(1, b1, e1)) continue;
      for (size_t d = a + 1; d < starts.size; ++d) {
        const size_t b2 = starts.at[d];
        if (b2 < e1) continue;
        for (size_t f = c; f < ends.size; ++f) {
          const size_t e2 = ends.at[f];
          if (e2 <= b2 || !fits(3, b2, e2) || !fits(4, e2, end)) {
            continue;
          }
          if (count == kMaxPlacements) return false;
          placements[count++] = {b1, e1, b2, e2};
        }
      }
    }
  }
  const std::array<size_t, 4>* at = nullptr;
  if (count == 1) {
    at = &placements[0];
  } else if (count > 1) {
    if (!MiddleWorthCompiling(entry)) return false;
    const RE2* middle = Middle(entry);
    if (middle == nullptr) return false;
    for (size_t i = 0; i < count; ++i) {
      if (!middle->Match(text, placements[i][1], placements[i][2], RE2::ANCHOR_BOTH, nullptr, 0)) {
        continue;
      }
      if (at != nullptr) return false;
      at = &placements[i];
    }
  }
  if (at == nullptr) return false;
  return Place(entry, *at, out);
}

// A pattern with one group: the placements the piece before it, the group
// and the piece after it all fit; when there is exactly one, it is RE2's.
bool SlotLocator::LocateOneGroup(const Entry& entry, const re2::StringPiece& text, size_t begin,
                                 size_t end, const Bounds& starts, const Bounds& ends,
                                 SlotSpans* out) const {
  if (!PiecesRead(entry, text, begin, end)) return false;
  const Pieces* pieces = Compiled(entry);
  if (pieces == nullptr) return false;
  auto fits = [&](size_t piece, size_t from, size_t to) {
    return Fits(entry, *pieces, piece, text, from, to);
  };
  // The placements the pieces around the group allow. The span is a match,
  // so the true placement is among them: when it is the only one, the
  // group's own piece need not be tried.
  std::array<std::pair<size_t, size_t>, kMaxPlacements> placements;
  size_t count = 0;
  for (size_t a = 0; a < starts.size; ++a) {
    const size_t b = starts.at[a];
    if (!fits(0, begin, b)) continue;
    for (size_t c = 0; c < ends.size; ++c) {
      const size_t e = ends.at[c];
      if (e <= b || !fits(4, e, end)) continue;
      if (count == kMaxPlacements) return false;
      placements[count++] = {b, e};
    }
  }
  const std::pair<size_t, size_t>* at = count == 1 ? &placements[0] : nullptr;
  if (count > 1) {
    for (size_t i = 0; i < count; ++i) {
      if (!fits(1, placements[i].first, placements[i].second)) continue;
      if (at != nullptr) return false;
      at = &placements[i];
    }
  }
  if (at == nullptr) return false;
  const auto [group_begin, group_end] = *at;
  out->subject_begin = out->object_begin = group_begin;
  out->subject_end = out->object_end = group_end;
  return true;
}

bool SlotLocator::Place(const Entry& entry, const std::array<size_t, 4>& at, SlotSpans* out) {
  const int s = entry.subject_first ? 0 : 2;
  const int o = entry.subject_first ? 2 : 0;
  out->subject_begin = at[s];
  out->subject_end = at[s + 1];
  out->object_begin = at[o];
  out->object_end = at[o + 1];
  return true;
}

}  // namespace kg
