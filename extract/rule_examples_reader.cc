// ReadRuleExamples: a rule's `examples:` and `counterexamples:` lists, as
// written in rule files (docs/rules.md), read into ExampleDefs.
#include "extract/rule_examples_reader.h"

#include "extract/yaml_util.h"

namespace kg {

Status ReadRuleExamples(const std::string& file, const YAML::Node& list,
                        const std::string& rule_context, const std::string& rule, bool counter,
                        std::vector<ExampleDef>* out) {
  const std::string ctx = rule_context + (counter ? ": counterexample" : ": example");
  if (Status status = RequireSequence(file, list, ctx); !status.ok()) return status;
  for (const YAML::Node& ex : list) {
    ExampleDef def;
    def.file = file;
    def.line = ex.Mark().line + 1;
    def.rule = rule;
    def.counter = counter;
    if (ex.IsScalar()) {
      def.text = ex.Scalar();
    } else {
      if (Status status = CheckKeys(file, ex, {"text", "date", "facts"}, ctx); !status.ok())
        return status;
      auto text_result = RequiredString(file, ex, "text", ctx);
      if (!text_result.ok()) return text_result.status();
      auto text = std::move(text_result.value());
      def.text = text;
      auto date_result = OptionalDateField(file, ex, "date", ctx);
      if (!date_result.ok()) return date_result.status();
      auto date = std::move(date_result.value());
      def.date = date;
      if (ex["facts"]) {
        if (counter) return YamlErrorAt(file, ex["facts"], ctx + ": counterexamples have no facts");
        if (Status status = RequireSequence(file, ex["facts"], ctx + ": 'facts'"); !status.ok())
          return status;
        for (const YAML::Node& f : ex["facts"]) {
          auto parts_result = StringList(file, f, ctx + ": a fact");
          if (!parts_result.ok()) return parts_result.status();
          auto parts = std::move(parts_result.value());
          if (parts.size() < 3) {
            return YamlErrorAt(file, f, ctx + ": a fact is [subject, relation, object, flags...]");
          }
          ExpectedFact fact{parts[0], parts[1], parts[2]};
          for (size_t i = 3; i < parts.size(); ++i) {
            if (parts[i] == "negated") {
              fact.negated = true;
            } else if (parts[i] == "hedged") {
              fact.hedged = true;
            } else if (parts[i].rfind("time=", 0) == 0) {
              fact.time = parts[i].substr(5);
            } else {
              return YamlErrorAt(
                  file, f,
                  ctx + ": unknown fact flag '" + parts[i] + "' (negated, hedged, time=VALUE)");
            }
          }
          def.facts.push_back(std::move(fact));
        }
      }
    }
    if (!counter && def.facts.empty()) {
      return YamlErrorAt(file, ex, ctx + ": an example needs 'facts'");
    }
    out->push_back(std::move(def));
  }
  return Status::Ok();
}

}  // namespace kg
