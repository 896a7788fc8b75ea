// RulePack: a loaded, validated and compiled set of extraction rules — the
// gazetteer, role phrases, name lexicon, cue lists, relation patterns and the
// examples written beside them. LoadRulePack reads one or more YAML rule files
// (format: docs/rules.md) completely or not at all. A RulePack is immutable
// once loaded; its RE2 objects are safe to use from many threads.
#ifndef KG_EXTRACT_RULE_PACK_H_
#define KG_EXTRACT_RULE_PACK_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lazy_regex.h"
#include "extract/pre_check.h"
#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

struct RuleSource;       // extract/extractor.h
class CueFilter;         // extract/cue_filter.h
class PatternPrefilter;  // extract/prefilter.h
class SlotLocator;       // extract/slot_locator.h

struct EntityDef {
  std::string name;  // canonical
  std::string type;  // person, organization, agency, platform, place, product, ...
  std::vector<std::string> aliases;
  // When the entity's names refer to it (a document dated outside does not
  // resolve them); none: always. Per-name spans (the canonical name included:
  // "X" names the former Twitter only from July 2023) override it.
  std::optional<DaySpan> valid;
  std::map<std::string, DaySpan> name_valid;
  // Who owns it ("Trump Media": Donald Trump), so that "Trump's media company"
  // can name it when nothing else he owns is of its type.
  std::vector<std::string> owners;
};

// A phrase standing for an entity: either a fixed one ("the president-elect" ->
// Donald Trump, within `valid`) or the latest mention of one of `types`
// ("the company", "the billionaire").
struct RoleDef {
  std::string phrase;  // lower case
  std::string entity;  // empty: resolve by type
  std::vector<std::string> types;
  std::optional<DaySpan> valid;
  bool possessive = false;  // "his", "its": stands for "<entity>'s"
  int count = 1;            // "the two": the latest `count` distinct entities of `types`
  // "I", "my" inside a quotation: the speaker named after it ("...," Musk
  // said); no mention when the sentence names none.
  bool speaker = false;
  // A fixed role that names its entity only once the document has named it
  // ("the president" in an article about Zelensky is not the US president).
  bool mentioned = false;
  // "male" ("he") skips persons whose given name is a woman's, "female" ("she")
  // those whose given name is a man's; empty: any.
  std::string gender;
};

// Word lists that type unknown capitalised names and keep non-names out.
struct NameLexicon {
  std::vector<std::string> person_titles;  // words before a person's name: Mr., CEO, adviser
  std::vector<std::string> given_names;    // common first names
  std::vector<std::string> female_names;   // given names of women: "he" skips them
  std::vector<std::string> org_words;      // words that make a name an organisation
  std::vector<std::string> agency_words;   // ... a government body
  std::vector<std::string> place_words;    // ... a place
  std::vector<std::string> not_names;      // capitalised words that are no names
  // Adjectives of nationality or origin (Turkish, British): no name alone or
  // before a title ("Turkish Prime Minister Recep Erdogan"), but a word of
  // other names ("British Airways", "European Central Bank").
  std::vector<std::string> demonyms;
};

// Cue phrases; each list is compiled into one case-insensitive regex.
struct CueSet {
  std::unique_ptr<RE2> negation;
  std::unique_ptr<RE2> modality;
  std::unique_ptr<RE2> hedge;
  // Negation (0) and modality (1) together: every match reads both, and one
  // pass over its clause costs about what one regex does. Null if it did not
  // compile; then the two regexes are used.
  std::unique_ptr<RE2::Set> clause;
  // Which lists can match a text at all (CueList bits): most clauses hold no
  // cue, and this answers that for a fraction of a regex pass
  // (extract/cue_filter.h). Null in a pack built by hand: then every text may
  // hold a cue.
  std::shared_ptr<const CueFilter> filter;
};

// The lists of a CueSet, as bits of CueFilter answers.
enum CueList : uint32_t {
  kNegationCues = 1,
  kModalityCues = 2,
  kHedgeCues = 4,
  kAllCues = 7,
};

struct RelationDef {
  std::string name;
  bool symmetric = false;
  // A state named inside a noun phrase ("Microsoft's Xbox business"): the
  // modality of the verb governing that phrase does not touch it.
  bool stative = false;
  // Acting on what a possessor has is acting on the possessor: "condemned
  // Iraq's invasion" is aimed at Iraq. Elsewhere an object followed by "'s"
  // names the owner of the real object ("spokesman for Castro's relatives").
  bool possessor_object = false;
  std::vector<std::string> subject_types;  // empty: any
  std::vector<std::string> object_types;
};

// One compiled pattern over the mention view.
struct PatternDef {
  std::string rule;    // "acquired.active", "acquired.pattern2"
  int relation = 0;    // index into RulePack::relations
  std::string source;  // the expanded regex, for messages
  LazyRegex re;        // compiled at load, or on first use (LoadRulePack)
  // The same source compiled case-sensitively, on first use, for views that
  // case cannot change (extract/case_blind.h); quicker to build than `re`.
  // Only for deferred packs, and only if the source is case-neutral.
  LazyRegex re_case_free;
  int subject_group = 0;  // 1-based capturing group index
  int object_group = 0;   // 0: symmetric pairs inside the subject group
  // Read from `rule` at load ("acquired.active", "named.title1"): an active
  // pattern is checked for a passive verb between its slots, a title pattern
  // for an appointment of someone else (extract/matcher.cc).
  bool active = false;
  bool title = false;
  // Beside a deferred `re_case_free`: a regex (ExpandScreen) that every view
  // holding a match of it also matches, compiled in a fraction of the time.
  // Most patterns a corpus makes candidates never match; they need not be
  // compiled to be ruled out.
  LazyRegex screen;
  // With the screen, where the pattern allows: its {pre} checked in code.
  PreCheck pre_check;

  // True when the case-free `view` (CaseFreeText) certainly holds no match of
  // `re_case_free`, told by the screen while `re_case_free` is not compiled
  // yet; false when it may hold one (then compile and search). Thread-safe.
  bool RulesOut(std::string_view view) const;
  // The same for view[begin, end) (the rest of the view is context), when
  // that window holds every match of the pattern (SlotLocator::MayFind): a
  // screen's match lies inside the pattern's.
  bool RulesOut(std::string_view view, size_t begin, size_t end) const;
};

struct ExpectedFact {
  std::string subject, relation, object;
  bool negated = false;
  bool hedged = false;
  std::string time;  // expected time value, "" = not checked
};

struct ExampleDef {
  std::string file;
  int line = 0;
  std::string rule;  // the relation it belongs to
  std::string text;
  std::optional<Date> date;
  bool counter = false;  // must produce no asserted fact of `rule`
  std::vector<ExpectedFact> facts;
};

struct RulePack {
  std::vector<EntityDef> entities;
  std::vector<RoleDef> roles;
  NameLexicon names;
  CueSet cues;
  std::vector<std::string> titles;  // role nouns between an organisation and a name
  std::vector<RelationDef> relations;
  std::vector<PatternDef> patterns;
  std::shared_ptr<const PatternPrefilter> prefilter;  // which patterns may match a view
  std::shared_ptr<const SlotLocator> slots;           // where a match's slot groups lie
  std::vector<ExampleDef> examples;
};

// Loads, validates and compiles `sources` as one pack. Errors name the file,
// line and column and the rule concerned. `pattern_max_mem` is RE2's memory
// budget for each pattern (ExtractorOptions::re2_max_mem). With
// `defer_known_patterns`, a pack that is one built-in rule file, unchanged,
// at a budget no smaller than the default, has its relation patterns compiled
// on first use instead: the build's tests compile every one of them at that
// budget, so none can fail (everything else is still read and checked).
// With `build_in_parallel`, the pattern prefilter is built on a thread of its
// own beside the rest (the same pack, sooner when a core is free).
Result<std::shared_ptr<const RulePack>> LoadRulePack(const std::vector<RuleSource>& sources,
                                                     int64_t pattern_max_mem = int64_t{4} << 20,
                                                     bool defer_known_patterns = false,
                                                     bool build_in_parallel = false);

class Extractor;
struct RuleTestReport;
// Runs `pack`'s examples through `extractor` (which must have loaded `pack`).
RuleTestReport RunRuleExamples(const Extractor& extractor, const RulePack& pack);

}  // namespace kg

#endif  // KG_EXTRACT_RULE_PACK_H_
