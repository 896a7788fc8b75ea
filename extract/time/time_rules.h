// The compiled form of rules/time.yaml: slot vocabularies, rules, and the one
// combined RE2 that finds every rule's matches in a single left-to-right pass.
//
// Internal to kg_time; TimeTagger (time_expression.h) is the public face.
#ifndef KG_EXTRACT_TIME_TIME_RULES_H_
#define KG_EXTRACT_TIME_TIME_RULES_H_

#include <re2/re2.h>

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/time/rule_set.h"
#include "extract/time/start_filter.h"
#include "graph/model/status.h"

namespace YAML {
class Node;
}

namespace kg::timex {

// The meanings a captured piece of text can carry. Rules name slot
// definitions in their patterns ({month}); each definition fills one of these.
enum Slot {
  kYear,
  kMonth,
  kDay,
  kWeekday,
  kSeason,
  kQuarter,
  kHalf,
  kDecade,
  kCentury,
  kNumber,
  kUnit,
  kPartOfDay,
  kHour,
  kMinute,
  kAmPm,
  kMod,  // TIMEX3 mod: START, MID, END, APPROX, ...
  kNth,  // with month and weekday: the nth such weekday (-1 = the last)
  kSlotCount
};

// Slot name as written in YAML ("part_of_day"); nullopt-like -1 if unknown.
int SlotFromName(std::string_view name);

// Values captured by one match; empty views are unset. Views point into the
// rule set or the searched text, so they live as long as both.
using SlotValues = std::array<std::string_view, kSlotCount>;

struct SlotDef {
  std::string name;  // as referenced in patterns, e.g. "month_name"
  Slot slot = kSlotCount;
  std::string regex;  // the alternation that captures it (no groups inside)
  // Lower-cased, space-normalised surface form -> value. Text matched by
  // `pattern` rather than a word is its own value.
  std::unordered_map<std::string, std::string> words;
};

// kIgnore rules claim text that must not be tagged ("6-year-old").
enum class Resolution { kTemplate, kDate, kOffset, kIgnore };
enum class Prefer { kTense, kPast, kFuture };

struct TimeRule {
  std::string name;
  std::string type;  // DATE, TIME, DURATION, SET
  Resolution resolution = Resolution::kTemplate;
  std::string value;  // template for kTemplate, e.g. "{duration}" or "PRESENT_REF"
  int shift = 0;      // kOffset / kDate: -1 last, 0 this, +1 next
  bool has_shift = false;
  int sign = 0;  // kOffset with a number: shift = sign * number ("two years ago")
  Prefer prefer = Prefer::kTense;
  std::array<std::string, kSlotCount> constants;  // slots fixed by the rule
  int line = 0;                                   // 1-based, for messages
};

struct Example {
  int line = 0;
  std::string text;
  std::string date;  // reference date, may be empty
  std::string value;
  std::string rule;
};

// A rule's own regex (anchored at both ends when used) and, per capture
// group in order, the slot definition it fills.
struct RuleMatcher {
  // The regex (the rule's patterns, slots expanded), compiled on first use:
  // the rule set tells which rules match a hit, so only a rule with slots to
  // capture ever runs it (a rule of several patterns only when they cannot
  // be run one at a time, below), and most inputs hit few rules. The loader has
  // parsed it (RuleSet::Add, as written or lower-cased, which parse alike) and counted its groups.
  // Null only when RE2 cannot compile what it parsed (a program too large for RE2's memory budget;
  // the rule set, which holds it, then fails to compile at load).
  const RE2* regex() const;
  std::string pattern;
  std::vector<const SlotDef*> groups;
  // Context conditions, each optional: what the text just before the match
  // must (not) end with, and what the text just after must (not) start with.
  std::unique_ptr<RE2> before, not_before, after, not_after;

  // A pattern compiled on first use, as written and, for hits of ASCII
  // text, as its rewrite over lower-cased text (lower_case_pattern.h), which
  // RE2 compiles for fewer instructions.
  struct Compiled {
    std::once_flag once;
    std::unique_ptr<RE2> re;  // null if RE2 cannot compile the pattern
    std::once_flag lower_once;
    std::unique_ptr<RE2> lower;  // null if there is no rewrite or it does not compile
    const RE2* Regex(const std::string& pattern);
    // Whether `pattern` matches all of `hit`, with subs[0, n) set as RE2's
    // anchored match sets them (into `hit`); nullopt if it cannot compile.
    // Runs the rewrite when it can, compiling the pattern as written only
    // for hits it cannot take.
    std::optional<bool> MatchWhole(const std::string& pattern, const re2::StringPiece& hit,
                                   re2::StringPiece* subs, int n);
  };
  std::unique_ptr<Compiled> compiled = std::make_unique<Compiled>();

  // The rule's patterns one by one (slots expanded), each owning the groups
  // [first_group, first_group + group_count): a rule of several patterns
  // captures with the first of them that matches, which is the parse its
  // whole regex gives (an alternation prefers its first branch that leads to
  // a match), from a smaller program that RE2 runs with its backtracker
  // instead of its NFA (RE2 backtracks only programs of up to 512
  // instructions, and a rule's patterns together often pass that).
  struct Alternative {
    std::string pattern;
    size_t first_group = 0;
    size_t group_count = 0;
    std::unique_ptr<Compiled> compiled = std::make_unique<Compiled>();
    const RE2* regex() const;  // compiled on first use; null as for the whole
  };
  // Empty when a pattern sets flags for the ones after it ("(?i)" rather
  // than "(?i:...)"), which alone would then mean something else.
  std::vector<Alternative> alternatives;

  // Whether the rule matches all of `hit`; then groups[g] (groups.size() ==
  // the rule's group count) holds what group g captured, null data where it
  // took no part, as the whole regex's anchored match would say.
  bool Capture(const re2::StringPiece& hit, std::vector<re2::StringPiece>* groups) const;
};

// Finding is two-step: `scanner`, the alternation of all rules, finds the
// leftmost-longest extent without capturing (the DFA alone, fast); then
// `rule_set` says which rules match exactly that extent, and the first of them
// in file order whose context conditions hold is run again to capture its
// slots. (If none holds, the scan moves on past the first word.)
struct CompiledRules {
  std::string file;  // as named when loaded, for messages
  std::vector<std::unique_ptr<SlotDef>> slot_defs;
  std::vector<TimeRule> rules;
  std::vector<RuleMatcher> matchers;  // parallel to rules
  std::vector<Example> examples;
  std::unique_ptr<RE2> scanner;
  // Where a scanner match can begin, when the rules' patterns tell.
  std::optional<StartFilter> start_filter;
  std::unique_ptr<RuleSet> rule_set;
  std::unique_ptr<RE2> future_cue;  // tense cues looked for near an expression
  std::unique_ptr<RE2> past_cue;
  // Where a cue can begin, when its regex tells: most windows around an
  // expression hold none, and are passed over without a search.
  std::optional<StartFilter> future_cue_filter;
  std::optional<StartFilter> past_cue_filter;
  int tense_window = 80;  // bytes looked at on each side, within the sentence
};

// The options every rule regex is compiled with: case-insensitive,
// leftmost-longest.
RE2::Options RuleOptions();
// The same, case-sensitive: for a pattern's rewrite over lower-cased text
// (lower_case_pattern.h).
RE2::Options LowerCaseRuleOptions();

// Loader internals shared by time_rules.cc and rule_loader.cc.
// Error at `node` unless `regex` compiles with exactly `expected_groups`
// capture groups.
Status CheckRegex(const std::string& file, const YAML::Node& node, const std::string& regex,
                  int expected_groups, const std::string& context);
// The same check of a regex already compiled (with options that parse it as
// RuleOptions does), so one kept for use is not compiled twice.
Status CheckCompiled(const std::string& file, const YAML::Node& node, const RE2& re,
                     int expected_groups, const std::string& context);
// The capturing groups of a pattern RE2 parses, counted as RE2 counts them
// without compiling it: each '(' that is not escaped, quoted (\Q...\E) or
// inside a character class, and not "(?" unless "(?P<".
int CapturingGroups(std::string_view pattern);
// Loads the `rules:` list into *rules, appending each rule's pattern to the
// alternation *combined.
Status LoadRules(const std::string& file, const YAML::Node& node, CompiledRules* rules,
                 std::string* combined);

Result<std::unique_ptr<CompiledRules>> CompileTimeRules(std::string_view yaml_text,
                                                        const std::string& file);

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_TIME_RULES_H_
