// RuleSet: which time rules match all of a hit, from RE2 sets of the rules'
// patterns. A pattern that LowerCasePattern (lower_case_pattern.h) rewrites
// goes into a set run case-sensitively over the lower-cased hit, which RE2
// parses and compiles at load for about a third fewer instructions than the
// case-blind set; the others ("May", case-sensitive) go into a set as
// written. A hit that is not ASCII, which the rewrite is not exact for, is
// matched by a set of every pattern as written, compiled on first need.
// Internal to kg_time; Match is thread-safe once compiled.
#ifndef KG_EXTRACT_TIME_RULE_SET_H_
#define KG_EXTRACT_TIME_RULE_SET_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kg::timex {

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Adds the next rule's pattern (rules are numbered from 0 in the order
  // added); false, with RE2's error for the pattern as written, if it does
  // not parse. `unconditional`: the rule has no context conditions, so it
  // holds wherever it matches.
  bool Add(const std::string& pattern, bool unconditional, std::string* error);
  // After the last Add; false if RE2 cannot compile the sets.
  bool Compile();

  // The rules whose pattern matches all of `hit`, ascending, through the
  // first unconditional one: the tagger takes the first rule whose
  // conditions hold, so none after that one is ever taken. (The set of
  // patterns as written is then not run when all its rules come later.)
  void Match(std::string_view hit, std::vector<int>* rules) const;

 private:
  struct Part;  // an RE2 set and the rule of each of its patterns
  // Match for a hit that is not ASCII: the set of every pattern as written.
  void MatchAll(std::string_view hit, std::vector<int>* scratch, std::vector<int>* rules) const;
  // Sorts `rules` and drops those after the first unconditional one; says
  // whether there was one.
  bool CutAfterUnconditional(std::vector<int>* rules) const;
  std::unique_ptr<Part> lower_;        // the rewrites, over the lower-cased hit
  std::unique_ptr<Part> as_written_;   // the patterns without a rewrite
  std::vector<std::string> patterns_;  // every pattern as written, for `all_`
  std::vector<bool> unconditional_;    // per rule
  mutable std::once_flag all_once_;
  mutable std::unique_ptr<Part> all_;  // null if RE2 cannot compile it
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_RULE_SET_H_
