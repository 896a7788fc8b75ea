// Pattern macros: how relation rules written in the rule language become RE2
// patterns over the mention view (extract/mention_view.h).
//
// A mention is one view token "<e12:person>". A slot macro {subj:person|organization}
// becomes a named group matching one such token, or a coordinated list of them
// ("A, B and C"), of the listed types (or "unknown"). Templates (active, passive,
// nominal, title, ...) are expanded from a relation's word forms. Word macros
// ({adv}, {gap}, {det}, {poss}, {title}, {premod}) stand for bounded runs of
// lower-case words, so patterns stay linear and cannot jump across mentions.
#ifndef KG_EXTRACT_PATTERN_MACROS_H_
#define KG_EXTRACT_PATTERN_MACROS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/status.h"

namespace kg {

// What a slot macro writes before its group, so that "both A and B" and
// "either A or B" are one slot. The slot locator recognises the piece by it.
inline constexpr std::string_view kSlotLead = "(?:both |either )?";

// The word forms of one relation, as written in its rule.
struct RelationForms {
  std::vector<std::string> subject_types, object_types;
  std::vector<std::string> verbs;          // active, finite: "acquired|bought"
  std::vector<std::string> bases;          // after an auxiliary: "did not acquire", "won't ban"
  std::vector<std::string> participles;    // passive: "acquired|bought"
  std::vector<std::string> passive_preps;  // agent marker of the passive; default "by"
  std::vector<std::string> nouns;          // nominal: "acquisition"
  std::vector<std::string> noun_preps;     // after the noun; default "of"
  std::vector<std::string> titles;         // title template: "ceo|chief executive"
  std::vector<std::string> templates;      // which templates apply
  bool symmetric = false;
};

// A template expanded into (suffix, pattern source) pairs; the suffix names the
// rule ("active", "passive", ...). Unknown template names are an error.
Result<std::vector<std::pair<std::string, std::string>>> ExpandTemplates(
    const RelationForms& forms);

// Replaces the slot and word macros in `pattern`. `global_titles` feeds {title}
// and {premod}. An unknown macro or a malformed slot is an error.
Result<std::string> ExpandMacros(const std::string& pattern, const RelationForms& forms,
                                 const std::vector<std::string>& global_titles);

// A looser regex for `pattern` (a "screen"): every text that holds a match of
// ExpandMacros(pattern, ...) holds a match of the screen, in the same place
// or inside it, while the screen is several times quicker for RE2 to compile.
// Word lists read as runs of their characters, bounded repetitions as
// unbounded ones, {pre} as any run of words and tokens (with plain titles),
// and a slot that opens or ends the pattern as one token. A text without a
// screen match can be ruled out before the pattern is compiled.
Result<std::string> ExpandScreen(const std::string& pattern, const RelationForms& forms,
                                 const std::vector<std::string>& global_titles);

// ExpandMacros and ExpandScreen for the patterns of one pack: the macros'
// expansions depend only on its titles, and are built once.
class MacroExpander {
 public:
  explicit MacroExpander(const std::vector<std::string>& global_titles);
  // With `case_neutral`: whether the result is CaseNeutralRegex
  // (extract/case_blind.h), told from the pattern's text and the macros
  // (checked once), not by reading the expanded regex: true only if it is
  // (for a regex RE2 compiles); false also when a macro the pattern does not
  // use holds upper case.
  Result<std::string> Expand(const std::string& pattern, const RelationForms& forms,
                             bool* case_neutral = nullptr) const;
  Result<std::string> Screen(const std::string& pattern, const RelationForms& forms) const;
  // {pre}, then a slot's lead: what follows the words before a pattern's
  // {pre} up to the slot's first token wherever the pattern matches
  // (extract/pre_check.h).
  std::string PreThenSlotLead() const;
  // The entity types the first token of the slot right after the first {pre}
  // of `pattern` may name; empty when it may name any, or no slot follows.
  std::vector<std::string> PreSlotTypes(const std::string& pattern,
                                        const RelationForms& forms) const;
  // The titles it was built for.
  const std::vector<std::string>& titles() const { return titles_; }

 private:
  std::vector<std::string> titles_;
  std::map<std::string, std::string> exact_, screen_;
  bool words_neutral_ = false;  // every exact expansion is case-neutral
};

// Whether `body` is the inside of a slot group exactly as a slot macro writes
// it (between "(?P<subj>" and its ")"): then every string it matches starts
// with '<' and ends with '>', i.e. at view-token boundaries.
bool IsSlotGroupBody(std::string_view body);

// The names of the known templates, for messages and docs.
const std::vector<std::string>& TemplateNames();

}  // namespace kg

#endif  // KG_EXTRACT_PATTERN_MACROS_H_
