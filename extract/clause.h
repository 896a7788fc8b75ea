// Reading the clause around a relation match: its polarity (negated,
// hypothetical or planned, hedged) from the cue lists, and the time expression
// that governs it. Both work on the mention view (extract/mention_view.h).
#ifndef KG_EXTRACT_CLAUSE_H_
#define KG_EXTRACT_CLAUSE_H_

#include <optional>
#include <vector>

#include "extract/mention_view.h"
#include "extract/rule_pack.h"

namespace kg {

// A relation match in view offsets: the whole match and its slot groups.
struct MatchSpans {
  size_t begin = 0, end = 0;
  size_t subject_begin = 0, subject_end = 0;
  size_t object_begin = 0, object_end = 0;  // equal to the subject's for pairs
};

struct Polarity {
  bool negated = false;
  bool modal = false;  // hypothetical, planned, future: no fact is asserted
  bool hedged = false;
};

// The cue lists (CueList bits) that may match somewhere in the view, from
// one quick pass (CueSet::filter); a view without cues spares ReadPolarity
// and SentenceHedged their work. All bits for a pack without a filter.
uint32_t ViewCues(const CueSet& cues, const MentionView& view);

// Negation and modality cues count inside the match (outside the slots) and in
// the clause before it. `stative` relations skip the clause before the match.
// `view_cues`: ViewCues of the view, if known. Leaves `hedged` false: see
// SentenceHedged.
Polarity ReadPolarity(const CueSet& cues, const MentionView& view, const MatchSpans& match,
                      bool stative, uint32_t view_cues = kAllCues);

// Hedges count anywhere in the sentence, so every match of a view shares this.
bool SentenceHedged(const CueSet& cues, const MentionView& view);
bool SentenceHedged(const CueSet& cues, const MentionView& view, uint32_t view_cues);

// The index of the time token (into the document's times) that governs the
// match: one inside the match, else one between a subject and the verb that
// opens the match ("X on Tuesday named ...") or after the determiner of the
// noun that opens it ("the 2016 purchase of ..."), else one right after it
// before a clause boundary (not inside a noun phrase hanging off the object:
// "X's funding ... in 2020"), else the date of a report whose complement the
// match is, in the present perfect ("X said on Friday that it has bought ...",
// "X has bought Y, the company said Friday"), else
// a time the match is the "when" clause of ("in 2016 when it bought ..."), else
// one opening the sentence ("In August, ..."); nullopt if none. With
// `inside_only` (stative relations: "Former Twitter CEO Parag Agrawal sued Musk
// in March" does not date the CEO), only the first two count.
std::optional<int> GoverningTime(const MentionView& view, const MatchSpans& match,
                                 bool inside_only);

// Whether the match's verb is in the past perfect: "had" (and at most two
// adverbs) and a past participle right after one of its slots ("X had bought
// Y", "X had each held a stake in Y", "Y had been bought by X"). A past perfect
// puts the event before some past moment, so the document's date is not its
// date.
bool InPastPerfect(const MentionView& view, const MatchSpans& match);

}  // namespace kg

#endif  // KG_EXTRACT_CLAUSE_H_
