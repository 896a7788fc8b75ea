// Extractor::TestExamples: runs the examples written inside rule files. An
// example passes when every expected fact comes out as written (flags and time
// value included); a counterexample passes when no asserted fact of its rule's
// relation comes out.
#include "extract/extractor.h"
#include "extract/rule_pack.h"

namespace kg {

namespace {

std::string Describe(const Fact& f) {
  std::string s = "[" + f.subject + ", " + f.relation + ", " + f.object;
  if (f.negated) s += ", negated";
  if (f.hedged) s += ", hedged";
  if (f.time) s += ", time=" + f.time->value;
  return s + "]";
}

std::string DescribeAll(const std::vector<Fact>& facts) {
  if (facts.empty()) return "nothing";
  std::string s;
  for (const Fact& f : facts) s += (s.empty() ? "" : " ") + Describe(f);
  return s;
}

bool Matches(const ExpectedFact& want, const Fact& got, bool symmetric) {
  if (want.relation != got.relation) return false;
  const bool same = want.subject == got.subject && want.object == got.object;
  const bool swapped = symmetric && want.subject == got.object && want.object == got.subject;
  if (!same && !swapped) return false;
  if (want.negated != got.negated || want.hedged != got.hedged) return false;
  if (!want.time.empty() && (!got.time || got.time->value != want.time)) return false;
  return true;
}

}  // namespace

RuleTestReport RunRuleExamples(const Extractor& extractor, const RulePack& pack) {
  RuleTestReport report;
  for (const ExampleDef& ex : pack.examples) {
    Document doc;
    doc.id = ex.file + ":" + std::to_string(ex.line);
    doc.text = ex.text;
    doc.date = ex.date;
    const std::vector<Fact> got = extractor.Extract(doc);
    std::string problem;
    if (ex.counter) {
      for (const Fact& f : got) {
        if (f.relation == ex.rule && !f.negated) {
          problem = "counterexample gave " + Describe(f);
          break;
        }
      }
    } else {
      for (const ExpectedFact& want : ex.facts) {
        bool symmetric = false;
        for (const RelationDef& r : pack.relations) {
          if (r.name == want.relation) symmetric = r.symmetric;
        }
        bool ok = false;
        for (const Fact& f : got) ok = ok || Matches(want, f, symmetric);
        if (!ok) {
          std::string w = "[" + want.subject + ", " + want.relation + ", " + want.object;
          if (want.negated) w += ", negated";
          if (want.hedged) w += ", hedged";
          if (!want.time.empty()) w += ", time=" + want.time;
          problem = "expected " + w + "], got " + DescribeAll(got);
          break;
        }
      }
    }
    if (problem.empty()) {
      ++report.passed;
    } else {
      report.failures.push_back(
          RuleExampleFailure{ex.file, ex.line, ex.rule, "\"" + ex.text + "\": " + problem});
    }
  }
  return report;
}

}  // namespace kg
