// Reading the examples written beside a rule: `examples:` (a text and the
// facts it must give) and `counterexamples:` (texts that must give none of the
// rule's facts). Used by the rule loader (rule_loader.cc); running them is
// rule_examples.cc's job.
#ifndef KG_EXTRACT_RULE_EXAMPLES_READER_H_
#define KG_EXTRACT_RULE_EXAMPLES_READER_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "extract/rule_pack.h"
#include "graph/model/status.h"

namespace kg {

// Appends the examples of the list `list` of rule `rule` to *out; `counter`
// for a counterexamples list. `rule_context` starts messages ("rule
// 'acquired'"), which are located in `file`.
Status ReadRuleExamples(const std::string& file, const YAML::Node& list,
                        const std::string& rule_context, const std::string& rule, bool counter,
                        std::vector<ExampleDef>* out);

}  // namespace kg

#endif  // KG_EXTRACT_RULE_EXAMPLES_READER_H_
