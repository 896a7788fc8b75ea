// The rule packs in rules/*.yaml, compiled into the program so that kg works
// from any directory without installed data files.
#ifndef KG_RULES_EMBEDDED_RULES_H_
#define KG_RULES_EMBEDDED_RULES_H_

#include <string_view>
#include <vector>

namespace kg {

// The contents of rules/NAME (e.g. "news.yaml"); empty if there is no such file.
std::string_view EmbeddedRuleFile(std::string_view name);

// The names of all embedded rule files, sorted.
std::vector<std::string_view> EmbeddedRuleFileNames();

}  // namespace kg

#endif  // KG_RULES_EMBEDDED_RULES_H_
