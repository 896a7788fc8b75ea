// The rule sets: rewritten patterns in one RE2 set, the others in another,
// their answers merged; every pattern as written in a third, for hits the
// rewrite is not exact for.
#include "extract/time/rule_set.h"

#include <re2/set.h>

#include <algorithm>
#include <optional>

#include "extract/ascii.h"
#include "extract/time/lower_case_pattern.h"
#include "graph/model/ascii_case.h"
#include "extract/time/time_rules.h"

namespace kg::timex {

struct RuleSet::Part {
  explicit Part(const RE2::Options& options) : set(options, RE2::ANCHOR_BOTH) {}
  RE2::Set set;
  std::vector<int> rules;  // the rule of each pattern added

  // Appends the rules whose pattern matches all of `text`.
  void Match(std::string_view text, std::vector<int>* scratch, std::vector<int>* out) const {
    if (rules.empty()) return;
    if (!set.Match(re2::StringPiece(text.data(), text.size()), scratch)) return;
    for (int i : *scratch) out->push_back(rules[i]);
  }
};

RuleSet::RuleSet()
    : lower_(std::make_unique<Part>(LowerCaseRuleOptions())),
      as_written_(std::make_unique<Part>(RuleOptions())) {}

RuleSet::~RuleSet() = default;

bool RuleSet::Add(const std::string& pattern, bool unconditional, std::string* error) {
  const int rule = static_cast<int>(patterns_.size());
  // A rewrite that does not parse (the pattern as written then fails too)
  // leaves the error to the pattern as written.
  if (std::optional<std::string> lower = LowerCasePattern(pattern); lower) {
    std::string ignored;
    if (lower_->set.Add(*lower, &ignored) >= 0) {
      lower_->rules.push_back(rule);
      patterns_.push_back(pattern);
      unconditional_.push_back(unconditional);
      return true;
    }
  }
  if (as_written_->set.Add(pattern, error) < 0) return false;
  as_written_->rules.push_back(rule);
  patterns_.push_back(pattern);
  unconditional_.push_back(unconditional);
  return true;
}

bool RuleSet::Compile() {
  for (Part* part : {lower_.get(), as_written_.get()}) {
    if (part->rules.empty()) continue;
    if (!part->set.Compile()) return false;
  }
  return true;
}

void RuleSet::Match(std::string_view hit, std::vector<int>* rules) const {
  rules->clear();
  std::vector<int> scratch;
  if (!ascii::AllAscii(hit)) {
    MatchAll(hit, &scratch, rules);
    CutAfterUnconditional(rules);
    return;
  }
  lower_->Match(LowerAscii(hit), &scratch, rules);
  // The rules of the other set are added in order, so the first of them
  // tells whether any could come before the cut.
  if (CutAfterUnconditional(rules) && !as_written_->rules.empty() &&
      rules->back() < as_written_->rules.front()) {
    return;
  }
  as_written_->Match(hit, &scratch, rules);
  CutAfterUnconditional(rules);
}

bool RuleSet::CutAfterUnconditional(std::vector<int>* rules) const {
  std::sort(rules->begin(), rules->end());
  for (size_t i = 0; i < rules->size(); ++i) {
    if (unconditional_[static_cast<size_t>((*rules)[i])]) {
      rules->resize(i + 1);
      return true;
    }
  }
  return false;
}

void RuleSet::MatchAll(std::string_view hit, std::vector<int>* scratch,
                       std::vector<int>* rules) const {
  std::call_once(all_once_, [this] {
    auto all = std::make_unique<Part>(RuleOptions());
    std::string ignored;
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (all->set.Add(patterns_[i], &ignored) < 0) return;
      all->rules.push_back(static_cast<int>(i));
    }
    if (!all->set.Compile()) return;
    all_ = std::move(all);
  });
  if (all_ != nullptr) all_->Match(hit, scratch, rules);
}

}  // namespace kg::timex
