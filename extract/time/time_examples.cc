// TimeTagger::TestExamples: the `examples:` of the rule file, run through the
// tagger itself (what `kg rules test` reports for time rules).
#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"

namespace kg {

TimeExampleReport TimeTagger::TestExamples() const {
  TimeExampleReport report;
  for (const timex::Example& ex : rules().examples) {
    std::optional<Date> reference;
    if (!ex.date.empty()) {
      reference = ParseDate(ex.date);
      if (!reference) {
        report.failures.push_back(
            TimeExampleFailure{rules().file, ex.line, ex.rule, "bad date '" + ex.date + "'"});
        continue;
      }
    }
    std::vector<TimeExpression> found = Find(ex.text, reference);
    bool ok = ex.value.empty() ? found.empty() : false;
    std::string got;
    for (const TimeExpression& t : found) {
      ok = ok || t.value == ex.value;
      got += (got.empty() ? "" : ", ") + t.text + " = " + t.value;
    }
    if (ok) {
      ++report.passed;
      continue;
    }
    std::string want = ex.value.empty() ? "nothing" : ex.value;
    report.failures.push_back(TimeExampleFailure{
        rules().file, ex.line, ex.rule,
        "'" + ex.text + "': want " + want + ", found " + (got.empty() ? "nothing" : got)});
  }
  return report;
}

}  // namespace kg
