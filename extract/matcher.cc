#include "extract/matcher.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <tuple>

#include "extract/case_blind.h"
#include "extract/clause.h"
#include "extract/coordination.h"
#include "extract/prefilter.h"
#include "extract/slot_locator.h"

namespace kg {
namespace {

constexpr int kMaxGroups = 16;

struct Slot {
  int entity;
  int mention;
};

// Calls visit(token) for the entity tokens inside view[b, e), in order, until
// it returns false.
template <typename Visit>
void ForEachEntityToken(const MentionView& view, size_t b, size_t e, Visit visit) {
  auto it = std::lower_bound(view.tokens.begin(), view.tokens.end(), b,
                             [](const ViewToken& t, size_t p) { return t.begin < p; });
  for (; it != view.tokens.end() && it->end <= e; ++it) {
    if (it->entity >= 0 && !visit(*it)) return;
  }
}

// Whether view[b, e) holds at least two entity tokens.
bool HoldsTwoEntityTokens(const MentionView& view, size_t b, size_t e) {
  int found = 0;
  ForEachEntityToken(view, b, e, [&](const ViewToken&) { return ++found < 2; });
  return found >= 2;
}

// The entity tokens inside view[b, e), into *out.
void SlotMembers(const MentionView& view, size_t b, size_t e, std::vector<Slot>* out) {
  out->clear();
  ForEachEntityToken(view, b, e, [&](const ViewToken& t) {
    out->push_back({t.entity, t.mention});
    return true;
  });
}

// A list closing a match whose last member is a possessor names someone
// else: in "sued A and its chief executive B" the slot reads "A and its". That
// member goes (and the match ends before it), so that the list can be read on
// to B (WidenList) and "A" is not taken for the owner of a title
// (TitleFollows).
void DropPossessorMember(const MentionView& view, MatchSpans* spans, std::vector<Slot>* members) {
  if (spans->object_end != spans->end || members->size() < 2 ||
      view.text.compare(spans->object_end, 2, "'s") != 0) {
    return;
  }
  members->pop_back();
  auto last = std::lower_bound(view.tokens.begin(), view.tokens.end(), spans->object_end,
                               [](const ViewToken& t, size_t p) { return t.end < p; });
  // The member before it: the entity token before the possessor's.
  while (last != view.tokens.begin()) {
    --last;
    if (last->entity >= 0 && last->end < spans->object_end) break;
  }
  spans->object_end = spans->end = last->end;
}

// Adds to a slot's `members` (view[b, e)) those listed beside it with titles
// or determiners before them, which its regex leaves out: before it when the
// match opens with the slot, after it when it closes with the slot (elsewhere
// the pattern's own words stand there). A slot that already holds a list
// ("A and B") is not widened after: "A and B and Mayor C" is rare, "met A and
// B and Mayor C said" is two clauses.
void WidenList(const CoordinationReader* coordination, const MentionView& view,
               const MatchSpans& spans, size_t b, size_t e, const SlotTypes& types,
               std::vector<Slot>* members) {
  if (coordination == nullptr || members->empty()) return;
  if (b == spans.begin) {
    const std::vector<const ViewToken*> before = coordination->Before(view, b, types);
    members->insert(members->begin(), before.size(), Slot{});
    for (size_t i = 0; i < before.size(); ++i) {
      (*members)[before.size() - 1 - i] = {before[i]->entity, before[i]->mention};
    }
  }
  if (e == spans.end && members->size() == 1) {
    for (const ViewToken* t : coordination->After(view, e, types)) {
      members->push_back({t->entity, t->mention});
    }
  }
}

const std::string& SlotType(const std::string& type, const std::vector<std::string>& allowed) {
  if (type != "unknown" || allowed.empty()) return type;
  return allowed.front();
}

// Into a fresh fact's (empty) evidence, without a temporary.
void SetEvidence(const SentenceInput& in, int mention, MentionEvidence* out) {
  if (mention < 0) return;
  const Mention& m = (*in.mentions)[mention];
  out->text.assign(in.document.substr(m.begin, m.end - m.begin));
  out->resolution = m.resolution;
}

// The time of a fact dated by expression `t` (or by the document), written
// into *out in place: a fact's strings are assigned once, not built in a
// temporary and moved.
void SetTime(const SentenceInput& in, std::optional<int> t, std::optional<FactTime>* out) {
  if (t) {
    const TimeExpression& x = (*in.times)[*t];
    if (x.days) {
      FactTime& time = out->emplace();
      time.start = x.days->start;
      time.end = x.days->end;
      time.value = x.value;
      time.text = x.text;
      time.source = x.relative ? "relative" : "explicit";
      return;
    }
  }
  if (in.doc_date) {
    // A document's facts share its date: written once a thread per date.
    thread_local std::optional<Date> written_date;
    thread_local std::string written;
    if (written_date != in.doc_date) {
      written = in.doc_date->ToString();
      written_date = in.doc_date;
    }
    FactTime& time = out->emplace();
    time.start = in.doc_date;
    time.end = in.doc_date;
    time.value = written;
    time.source = "document";
    return;
  }
  out->reset();
}

// Whether SetTime dates by expression `t` rather than by the document.
bool DatedByExpression(const SentenceInput& in, std::optional<int> t) {
  return t && (*in.times)[*t].days;
}

// Whether a title follows the "'s " at `pos`: in "criticized Meta's boss" the
// object is the boss, not Meta, even where the relation reaches a possessor.
bool TitleFollows(const RulePack& pack, const MentionView& view, size_t pos) {
  const std::string& v = view.text;
  for (const std::string& t : pack.titles) {
    if (v.compare(pos + 3, t.size(), t) == 0 &&
        (pos + 3 + t.size() == v.size() ||
         !std::isalpha(static_cast<unsigned char>(v[pos + 3 + t.size()])))) {
      return true;
    }
  }
  return false;
}

// "spokesman for Elian's relatives", "controlled by Castro's government": a
// slot that ends the match but is followed by "'s" names the owner of the
// argument, not the argument. Not where the relation reaches the possessor
// ("condemned Iraq's invasion"), nor a title's subject, which names the titled
// person whatever the phrase goes on to own ("Acme Chairman Ann Lee's stake").
bool PossessorEndsMatch(const RulePack& pack, const MentionView& view, const MatchSpans& m,
                        const RelationDef& rel, const PatternDef& pat) {
  if (view.text.compare(m.end, 3, "'s ") != 0) return false;
  if (m.object_end == m.end) return !rel.possessor_object || TitleFollows(pack, view, m.end);
  return m.subject_end == m.end && !pat.title;
}

// The words of `text` that have a space on both sides, in order, each with
// the word after it ("" at the end): what a search for " word " finds.
template <typename Visit>
bool ForEachSpacedWord(std::string_view text, Visit visit) {
  for (size_t at = text.find(' '); at != std::string_view::npos;) {
    const size_t end = text.find(' ', at + 1);
    if (end == std::string_view::npos) break;
    const std::string_view word = text.substr(at + 1, end - at - 1);
    const size_t after_end = text.find(' ', end + 1);
    const std::string_view next =
        text.substr(end + 1, after_end == std::string_view::npos ? std::string_view::npos
                                                                 : after_end - end - 1);
    if (visit(word, next)) return true;
    at = end;
  }
  return false;
}

// An active pattern over a passive verb ("Trump was kicked off Meta's ...",
// "banned" is both past tense and participle) reads the roles backwards.
bool PassiveVerb(const MentionView& view, const MatchSpans& m) {
  if (m.object_begin <= m.subject_end) return false;
  std::string_view between(view.text.data() + m.subject_end, m.object_begin - m.subject_end);
  const size_t comma = between.rfind(',');
  if (comma != std::string_view::npos) {
    between.remove_prefix(comma + 1);
    // "Zuckerberg praised Llama, Meta's model, and criticized Apple": the verb
    // after the apposition belongs to an earlier subject.
    if (between.substr(0, 5) == " and ") return true;
  }
  static constexpr std::string_view kAuxiliaries[] = {"was", "were", "been", "being",
                                                      "be",  "is",   "are"};
  // Only each auxiliary's first occurrence counts, as it always has.
  bool seen[std::size(kAuxiliaries)] = {};
  return ForEachSpacedWord(between, [&](std::string_view word, std::string_view next) {
    // Most words are none of them, told by length and first letter.
    if (word.size() < 2 || word.size() > 5 ||
        (word[0] != 'w' && word[0] != 'b' && word[0] != 'i' && word[0] != 'a')) {
      return false;
    }
    for (size_t i = 0; i < std::size(kAuxiliaries); ++i) {
      if (word != kAuxiliaries[i] || seen[i]) continue;
      seen[i] = true;
      // "is to buy" plans; "would not be endorsing" is progressive: neither is passive.
      if (next != "to" && !(next.size() > 4 && next.substr(next.size() - 3) == "ing")) return true;
    }
    return false;
  });
}

// "The president of Intel praised Nvidia": the subject of an active verb is
// the noun that "of" hangs off, not the mention after it.
bool SubjectAfterOf(const MentionView& view, const MatchSpans& m) {
  return m.subject_begin >= 3 && m.subject_begin < m.object_begin &&
         view.text.compare(m.subject_begin - 3, 3, "of ") == 0 &&
         (m.subject_begin == 3 || view.text[m.subject_begin - 4] == ' ');
}

// "Trump named Kash Patel as director of the FBI": the title is Patel's.
bool AppointsOther(const MentionView& view, const MatchSpans& m) {
  if (m.object_begin <= m.subject_end) return false;
  std::string_view between(view.text.data() + m.subject_end, m.object_begin - m.subject_end);
  static constexpr std::string_view kVerbs[] = {"named",    "appointed", "hired", "tapped",
                                                "picked",   "nominated", "chose", "made",
                                                "promoted", "elected"};
  return ForEachSpacedWord(between, [](std::string_view word, std::string_view) {
    return std::find(std::begin(kVerbs), std::end(kVerbs), word) != std::end(kVerbs);
  });
}

}  // namespace

bool NamesTwoEntities(const std::vector<Mention>& mentions) {
  int first = -1;
  for (const Mention& m : mentions) {
    for (int e : m.entities) {
      if (first < 0) {
        first = e;
      } else if (e != first) {
        return true;
      }
    }
  }
  return false;
}

void MatchSentence(const RulePack& pack, const MentionTracker& tracker, const SentenceInput& in,
                   FactList* out) {
  const MentionView& view = *in.view;
  // Every fact pairs two view tokens of different entities (see the pair loop
  // below), so a sentence naming fewer than two entities yields none: skip the
  // Set, which costs more than all else on such sentences.
  int first_entity = -1;
  bool two_entities = false;
  for (const ViewToken& t : view.tokens) {
    if (t.entity < 0) continue;
    if (first_entity < 0) {
      first_entity = t.entity;
    } else if (t.entity != first_entity) {
      two_entities = true;
      break;
    }
  }
  if (!two_entities) return;
  // Patterns whose required words the view lacks cannot match; the rest are
  // searched in pattern order (a candidate may still find nothing).
  thread_local std::vector<int> candidates;
  thread_local std::vector<uint32_t> last_start, first_end;
  // The prefilter's scan also tells which cue lists the view may hold, when
  // it was built with the pack's cue filter; else they are read when needed.
  std::optional<uint32_t> view_cues;
  if (pack.prefilter->answers_cues()) {
    uint32_t cues = 0;
    pack.prefilter->Candidates(view.text, &candidates, &last_start, &cues, &first_end);
    view_cues = cues;
  } else {
    pack.prefilter->Candidates(view.text, &candidates, &last_start, nullptr, &first_end);
  }
  if (candidates.empty()) return;

  // One fact per (relation, subject, object) and sentence, dated by whichever
  // match found a time; a sentence yields a handful, so a list is searched.
  // The facts are built in place at the end of *out, the pattern of each kept
  // alongside for the final order.
  const size_t first = out->size();
  // Scratch lists, reused per thread: this runs for every sentence naming two
  // entities, and their buffers would otherwise be allocated each time.
  thread_local std::vector<int> fact_patterns;
  thread_local std::vector<Slot> subjects, objects;
  thread_local std::vector<std::pair<Slot, Slot>> pairs;
  thread_local std::vector<size_t> order;
  fact_patterns.clear();
  auto find_triple = [&](int relation, std::string_view subject, std::string_view object) {
    for (size_t i = first; i < out->size(); ++i) {
      Fact& f = (*out)[i];
      if (pack.patterns[fact_patterns[i - first]].relation == relation && f.subject == subject &&
          f.object == object) {
        return &f;
      }
    }
    return static_cast<Fact*>(nullptr);
  };
  // Read once, when a match first needs it.
  std::optional<bool> hedged;
  bool ascii = false;
  const bool case_free = CaseFreeText(view.text, &ascii);
  re2::StringPiece text(view.text);
  re2::StringPiece found;
  // Where the last entity token ends: no match of a pattern ending with a slot
  // ends later.
  size_t tokens_end = 0;
  for (auto t = view.tokens.rbegin(); t != view.tokens.rend(); ++t) {
    if (t->entity >= 0) {
      tokens_end = t->end;
      break;
    }
  }
  // Where entity tokens begin, read when a candidate first needs it.
  thread_local std::vector<uint32_t> token_starts;
  bool token_starts_read = false;
  const CoordinationReader coordination(pack);
  for (size_t c = 0; c < candidates.size(); ++c) {
    const int p = candidates[c];
    const PatternDef& pat = pack.patterns[p];
    // A pattern not compiled yet that cannot match the view need not be
    // compiled for it (most are never compiled): ruled out first where no
    // token its opening slot takes lies where a match could begin, then by
    // its screen. (Once compiled, Find tries those places cheaply itself.)
    // A match holds each of its required words, and one of a pattern that
    // ends with a slot ends at a token: none if they all end after the last.
    if (first_end[c] > tokens_end && pack.slots != nullptr && pack.slots->ClosesWithSlot(p)) {
      continue;
    }
    if (case_free && pat.re_case_free && !pat.re_case_free.compiled()) {
      MatchWindow window{0, text.size()};
      if (ascii && pack.slots != nullptr) {
        if (!token_starts_read) SlotLocator::TokenStarts(view.text, &token_starts);
        token_starts_read = true;
        if (!pack.slots->MayFind(p, view.text, token_starts, last_start[c], &window) ||
            first_end[c] > window.end) {
          continue;
        }
      }
      if (pat.RulesOut(view.text, window.begin, window.end)) continue;
    }
    const RelationDef& rel = pack.relations[pat.relation];
    const SlotTypes subject_types(pat.source, "(?P<subj>"), object_types(pat.source, "(?P<obj>");
    const RE2& re = case_free && pat.re_case_free ? *pat.re_case_free : *pat.re;
    const int ngroups = std::min(re.NumberOfCapturingGroups() + 1, kMaxGroups);
    size_t pos = 0;
    // The span first (a DFA search), then the slots: by the slot locator when
    // it can place them, else by RE2's capture pass on exactly that span —
    // which is what RE2 itself does after its DFA search, so the groups are
    // the same as a capturing search's.
    while (pos < text.size() && pos <= last_start[c] &&
           (pack.slots != nullptr
                ? pack.slots->Find(p, re, text, pos, &found, last_start[c], ascii, tokens_end)
                : re.Match(text, pos, text.size(), RE2::UNANCHORED, &found, 1))) {
      MatchSpans spans;
      spans.begin = found.data() - text.data();
      spans.end = spans.begin + found.size();
      // Matches of one pattern do not overlap: a later one starting inside this
      // one would read its apposition ("Musk, the owner of X, ... restored")
      // as a clause of its own.
      pos = spans.end > spans.begin ? spans.end : spans.begin + 1;
      // A pattern without {obj} pairs the members of its {subj}, which lies
      // inside the match: a match holding fewer than two entity tokens gives
      // no pair, and its slots need not be placed.
      // (Or one, when members with titles are listed before it: "Mayor A and Mayor B met".)
      if (pat.object_group <= 0 && !HoldsTwoEntityTokens(view, spans.begin, spans.end) &&
          coordination.Before(view, spans.begin, subject_types).empty()) {
        continue;
      }
      SlotSpans slots;
      if (pack.slots != nullptr && pack.slots->Locate(p, view, spans.begin, spans.end, &slots)) {
        spans.subject_begin = slots.subject_begin;
        spans.subject_end = slots.subject_end;
        spans.object_begin = slots.object_begin;
        spans.object_end = slots.object_end;
      } else {
        // Only here: sixteen pieces are too many to clear for every sentence.
        re2::StringPiece groups[kMaxGroups];
        if (!re.Match(text, spans.begin, spans.end, RE2::ANCHOR_BOTH, groups, ngroups)) {
          continue;
        }
        const re2::StringPiece& sg = groups[pat.subject_group];
        if (sg.data() == nullptr) continue;
        spans.subject_begin = sg.data() - text.data();
        spans.subject_end = spans.subject_begin + sg.size();
        if (pat.object_group > 0) {
          const re2::StringPiece& og = groups[pat.object_group];
          if (og.data() == nullptr) continue;
          spans.object_begin = og.data() - text.data();
          spans.object_end = spans.object_begin + og.size();
        }
      }
      SlotMembers(view, spans.subject_begin, spans.subject_end, &subjects);
      // A title belongs to the one name it stands before: "Disney's chief
      // executive A and Governor B" lists no second chief executive.
      const CoordinationReader* widen = pat.title ? nullptr : &coordination;
      WidenList(widen, view, spans, spans.subject_begin, spans.subject_end, subject_types,
                &subjects);
      pairs.clear();
      if (pat.object_group > 0) {
        SlotMembers(view, spans.object_begin, spans.object_end, &objects);
        if (widen != nullptr) DropPossessorMember(view, &spans, &objects);
        WidenList(widen, view, spans, spans.object_begin, spans.object_end, object_types, &objects);
        for (const Slot& s : subjects) {
          for (const Slot& o : objects) pairs.emplace_back(s, o);
        }
      } else {
        spans.object_begin = spans.subject_begin;
        spans.object_end = spans.subject_end;
        for (size_t i = 0; i < subjects.size(); ++i) {
          for (size_t j = i + 1; j < subjects.size(); ++j)
            pairs.emplace_back(subjects[i], subjects[j]);
        }
      }
      if (pairs.empty()) continue;
      if (PossessorEndsMatch(pack, view, spans, rel, pat)) continue;
      if (pat.active && (PassiveVerb(view, spans) || SubjectAfterOf(view, spans))) continue;
      if (pat.title && AppointsOther(view, spans)) continue;
      if (!view_cues) view_cues = ViewCues(pack.cues, view);
      Polarity polarity = ReadPolarity(pack.cues, view, spans, rel.stative, *view_cues);
      if (polarity.modal && !polarity.negated) continue;
      const std::optional<int> time_index = GoverningTime(view, spans, rel.stative);
      // "X had bought Y" with no time of its own happened before some past
      // moment: not at the document's date. A state ("had been CEO") may
      // still hold at it.
      const bool undated =
          !rel.stative && !DatedByExpression(in, time_index) && InPastPerfect(view, spans);
      if (time_index && in.doc_date) {
        // A time after the document's date marks a plan, not a fact.
        const TimeExpression& x = (*in.times)[*time_index];
        if (x.days && x.days->start > *in.doc_date) continue;
      }
      if (!hedged) hedged = SentenceHedged(pack.cues, view, *view_cues);
      polarity.hedged = *hedged;
      for (const auto& [s, o] : pairs) {
        if (s.entity == o.entity) continue;
        const DocEntity& se = tracker.entity(s.entity);
        const DocEntity& oe = tracker.entity(o.entity);
        if (se.name == oe.name) continue;
        Fact* same = find_triple(pat.relation, se.name, oe.name);
        if (same == nullptr && rel.symmetric) same = find_triple(pat.relation, oe.name, se.name);
        if (same != nullptr) {
          Fact& earlier = *same;
          if (DatedByExpression(in, time_index) &&
              (!earlier.time || earlier.time->source == "document")) {
            SetTime(in, time_index, &earlier.time);
          }
          continue;
        }
        fact_patterns.push_back(p);
        Fact& f = out->Add();
        f.subject = se.name;
        f.subject_type = SlotType(se.type, rel.subject_types);
        f.relation = rel.name;
        f.object = oe.name;
        f.object_type = SlotType(oe.type, rel.object_types);
        if (undated) {
          f.time.reset();
        } else {
          SetTime(in, time_index, &f.time);
        }
        f.negated = polarity.negated;
        f.hedged = polarity.hedged;
        f.rule = pat.rule;
        f.sentence.assign(in.document.substr(in.begin, in.end - in.begin));
        f.span_begin = static_cast<int64_t>(view.sources.Begin(spans.begin));
        f.span_end = static_cast<int64_t>(view.sources.End(spans.end - 1));
        SetEvidence(in, s.mention, &f.subject_mention);
        SetEvidence(in, o.mention, &f.object_mention);
      }
    }
  }
  // In evidence order, then pattern order. Sorted by index, and the facts
  // moved only when they are out of order, which is seldom.
  const size_t count = out->size() - first;
  if (count < 2) return;
  order.resize(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  const FactList& facts = *out;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(facts[first + a].span_begin, fact_patterns[a]) <
           std::tie(facts[first + b].span_begin, fact_patterns[b]);
  });
  if (std::is_sorted(order.begin(), order.end())) return;
  std::vector<Fact> sorted;
  sorted.reserve(count);
  for (size_t i : order) sorted.push_back(std::move((*out)[first + i]));
  std::move(sorted.begin(), sorted.end(), out->begin() + static_cast<std::ptrdiff_t>(first));
}

}  // namespace kg
