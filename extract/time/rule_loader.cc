// The `rules:` list of rules/time.yaml: each rule's patterns, with slot
// references expanded into capture groups: one RE2 per rule, one RE2::Set
// entry, and one alternative of the combined scanner.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "extract/time/time_rules.h"
#include "extract/yaml_util.h"

namespace kg::timex {
namespace {

const SlotDef* FindSlotDef(const CompiledRules& rules, std::string_view name) {
  for (const auto& def : rules.slot_defs) {
    if (def->name == name) return def.get();
  }
  return nullptr;
}

// Replaces each {slot_name} by a capture group of that slot's regex and
// records, per group, which slot it fills; a space outside [...] becomes \s+.
// Repetition braces ({2}, {1,3}) start with a digit and are left alone.
Result<std::string> ExpandPattern(const std::string& file, const YAML::Node& node,
                                  const std::string& pattern, const CompiledRules& rules,
                                  std::vector<const SlotDef*>* groups) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      out += c;
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ' ') {  // a space in a pattern stands for any run of white space
      out += "\\s+";
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() &&
        std::isalpha(static_cast<unsigned char>(pattern[i + 1]))) {
      size_t close = pattern.find('}', i);
      if (close == std::string::npos) return YamlErrorAt(file, node, "unclosed '{' in pattern");
      std::string name = pattern.substr(i + 1, close - i - 1);
      const SlotDef* def = FindSlotDef(rules, name);
      if (def == nullptr)
        return YamlErrorAt(file, node, "unknown slot '{" + name + "}' in pattern");
      out += "(" + def->regex + ")";
      groups->push_back(def);
      i = close;
      continue;
    }
    out += c;
  }
  return out;
}

// Whether `pattern` sets flags for the rest of its group, "(?i)" rather
// than "(?i:...)": in a rule of several patterns they reach into the
// patterns after it, so the patterns alone would not mean what they do
// together. (Read roughly: a "(?" in a character class counts too.)
bool SetsFlagsOnward(std::string_view pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '(' || pattern[i + 1] != '?') continue;
    size_t j = i + 2;
    while (j < pattern.size() &&
           (std::isalpha(static_cast<unsigned char>(pattern[j])) || pattern[j] == '-')) {
      ++j;
    }
    if (j < pattern.size() && pattern[j] == ')') return true;
  }
  return false;
}

Result<int> IntValue(const std::string& file, const YAML::Node& node, const std::string& context) {
  if (!node.IsScalar()) return YamlErrorAt(file, node, context + ": expected an integer");
  try {
    return node.as<int>();
  } catch (const YAML::Exception&) {
    return YamlErrorAt(file, node, context + ": expected an integer");
  }
}

Status LoadExamples(const std::string& file, const YAML::Node& node, const TimeRule& rule,
                    CompiledRules* rules) {
  const std::string context = "examples of rule '" + rule.name + "'";
  if (!node.IsSequence()) return YamlErrorAt(file, node, context + ": expected a list");
  for (const YAML::Node& item : node) {
    const std::initializer_list<std::string_view> keys = {"text", "date", "value"};
    if (Status s = CheckKeys(file, item, keys, context); !s.ok()) return s;
    const MapFields fields(item, keys);
    Example ex;
    ex.line = item.Mark().line + 1;
    ex.rule = rule.name;
    for (auto [key, field] :
         {std::pair{"text", &ex.text}, {"date", &ex.date}, {"value", &ex.value}}) {
      if (!fields[key]) {
        if (std::string_view(key) == "date") continue;
        return YamlErrorAt(file, item, context + ": '" + key + "' missing");
      }
      Result<std::string> v = ScalarString(file, fields[key], context);
      if (!v.ok()) return v.status();
      *field = *v;
    }
    rules->examples.push_back(std::move(ex));
  }
  return Status::Ok();
}

Status LoadRule(const std::string& file, const YAML::Node& node, CompiledRules* rules,
                std::string* combined) {
  const std::initializer_list<std::string_view> keys = {
      "name",   "pattern", "type",   "resolve",    "value", "shift",     "sign",
      "prefer", "slots",   "before", "not_before", "after", "not_after", "examples"};
  if (Status s = CheckKeys(file, node, keys, "time rule"); !s.ok()) return s;
  const MapFields fields(node, keys);
  TimeRule rule;
  rule.line = node.Mark().line + 1;
  if (!fields["name"]) return YamlErrorAt(file, node, "time rule: 'name' missing");
  Result<std::string> name = ScalarString(file, fields["name"], "time rule");
  if (!name.ok()) return name.status();
  rule.name = *name;
  const std::string context = "rule '" + rule.name + "'";
  for (const TimeRule& other : rules->rules) {
    if (other.name == rule.name) {
      return YamlErrorAt(file, fields["name"],
                         context + ": already defined at line " + std::to_string(other.line));
    }
  }
  for (const char* key : {"pattern", "resolve"}) {
    if (!fields[key]) return YamlErrorAt(file, node, context + ": '" + key + "' missing");
  }
  Result<std::string> resolve = ScalarString(file, fields["resolve"], context);
  if (!resolve.ok()) return resolve.status();
  if (*resolve != "ignore") {
    if (!fields["type"]) return YamlErrorAt(file, node, context + ": 'type' missing");
    Result<std::string> type = ScalarString(file, fields["type"], context);
    if (!type.ok()) return type.status();
    if (*type != "DATE" && *type != "TIME" && *type != "DURATION" && *type != "SET") {
      return YamlErrorAt(file, fields["type"],
                         context + ": type must be DATE, TIME, DURATION or SET");
    }
    rule.type = *type;
  } else if (fields["type"]) {
    return YamlErrorAt(file, fields["type"], context + ": an ignore rule has no type");
  }
  if (*resolve == "ignore") {
    rule.resolution = Resolution::kIgnore;
  } else if (*resolve == "date") {
    rule.resolution = Resolution::kDate;
  } else if (*resolve == "offset") {
    rule.resolution = Resolution::kOffset;
  } else if (*resolve == "template") {
    rule.resolution = Resolution::kTemplate;
  } else {
    return YamlErrorAt(file, fields["resolve"],
                       context + ": resolve must be date, offset, template or ignore");
  }
  if (fields["value"]) {
    Result<std::string> v = ScalarString(file, fields["value"], context);
    if (!v.ok()) return v.status();
    rule.value = *v;
  }
  if (rule.resolution == Resolution::kTemplate && rule.value.empty()) {
    return YamlErrorAt(file, node, context + ": a template rule needs 'value'");
  }
  if (fields["shift"]) {
    Result<int> v = IntValue(file, fields["shift"], context);
    if (!v.ok()) return v.status();
    rule.shift = *v;
    rule.has_shift = true;
  }
  if (fields["sign"]) {
    Result<int> v = IntValue(file, fields["sign"], context);
    if (!v.ok()) return v.status();
    if (*v != 1 && *v != -1)
      return YamlErrorAt(file, fields["sign"], context + ": sign is 1 or -1");
    rule.sign = *v;
  }
  if (fields["prefer"]) {
    Result<std::string> v = ScalarString(file, fields["prefer"], context);
    if (!v.ok()) return v.status();
    if (*v == "past") {
      rule.prefer = Prefer::kPast;
    } else if (*v == "future") {
      rule.prefer = Prefer::kFuture;
    } else if (*v != "tense") {
      return YamlErrorAt(file, fields["prefer"], context + ": prefer is past, future or tense");
    }
  }
  if (const YAML::Node slots = fields["slots"]) {
    if (!slots.IsMap()) return YamlErrorAt(file, slots, context + ": slots must be a mapping");
    for (const auto& kv : slots) {
      int slot = SlotFromName(kv.first.Scalar());
      if (slot < 0) {
        return YamlErrorAt(file, kv.first, context + ": unknown slot '" + kv.first.Scalar() + "'");
      }
      Result<std::string> v = ScalarString(file, kv.second, context);
      if (!v.ok()) return v.status();
      rule.constants[slot] = *v;
    }
  }
  Result<std::vector<std::string>> patterns = StringList(file, fields["pattern"], context);
  if (!patterns.ok()) return patterns.status();
  RuleMatcher matcher;
  std::string alternatives;
  for (const std::string& p : *patterns) {
    const size_t first_group = matcher.groups.size();
    Result<std::string> expanded =
        ExpandPattern(file, fields["pattern"], p, *rules, &matcher.groups);
    if (!expanded.ok()) return expanded.status();
    alternatives += (alternatives.empty() ? "(?:" : "|") + *expanded;
    RuleMatcher::Alternative& alternative = matcher.alternatives.emplace_back();
    alternative.pattern = std::move(*expanded);
    alternative.first_group = first_group;
    alternative.group_count = matcher.groups.size() - first_group;
  }
  alternatives += ")";
  if (std::any_of(matcher.alternatives.begin(), matcher.alternatives.end(),
                  [](const RuleMatcher::Alternative& a) { return SetsFlagsOnward(a.pattern); })) {
    matcher.alternatives.clear();
  }
  // The set parses the pattern as RE2 would (same options, same error text);
  // the rule's own RE2 is compiled when a hit first needs its captures.
  std::string error;
  const bool unconditional =
      !fields["before"] && !fields["not_before"] && !fields["after"] && !fields["not_after"];
  if (!rules->rule_set->Add(alternatives, unconditional, &error)) {
    return YamlErrorAt(file, fields["pattern"], context + ": bad pattern: " + error);
  }
  if (CapturingGroups(alternatives) != static_cast<int>(matcher.groups.size())) {
    return YamlErrorAt(file, fields["pattern"],
                       context + ": use (?:...) groups, not capturing (...)");
  }
  for (auto [key, field] : {std::pair{"before", &matcher.before},
                            {"not_before", &matcher.not_before},
                            {"after", &matcher.after},
                            {"not_after", &matcher.not_after}}) {
    if (!fields[key]) continue;
    Result<std::string> re = ScalarString(file, fields[key], context);
    if (!re.ok()) return re.status();
    if (Status s = CheckRegex(file, fields[key], *re, 0, context + " " + key); !s.ok()) return s;
    // Before-conditions look at the text up to the match; after-conditions
    // at the text from its end.
    const bool looks_back = std::string_view(key).find("before") != std::string_view::npos;
    *field =
        std::make_unique<RE2>(looks_back ? "(?:" + *re + ")$" : "^(?:" + *re + ")", RuleOptions());
  }
  if (fields["examples"]) {
    if (Status s = LoadExamples(file, fields["examples"], rule, rules); !s.ok()) return s;
  }
  *combined += (combined->empty() ? "" : "|") + alternatives;
  matcher.pattern = std::move(alternatives);
  rules->rules.push_back(std::move(rule));
  rules->matchers.push_back(std::move(matcher));
  return Status::Ok();
}

}  // namespace

int CapturingGroups(std::string_view pattern) {
  int groups = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && pattern.substr(i + 1, 1) == "Q") {  // \Q...\E: all literal
      const size_t end = pattern.find("\\E", i + 2);
      i = end == std::string_view::npos ? pattern.size() : end + 1;
    } else if (c == '\\') {
      ++i;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;  // a leading ']' is a member
      while (j < pattern.size() && pattern[j] != ']') {
        if (pattern[j] == '\\') {
          j += 2;
        } else if (pattern.substr(j, 2) == "[:") {
          const size_t end = pattern.find(":]", j + 2);
          j = end == std::string_view::npos ? pattern.size() : end + 2;
        } else {
          ++j;
        }
      }
      i = j;
    } else if (c == '(') {
      groups += pattern.substr(i + 1, 1) != "?" || pattern.substr(i + 1, 3) == "?P<";
    }
  }
  return groups;
}

Status LoadRules(const std::string& file, const YAML::Node& node, CompiledRules* rules,
                 std::string* combined) {
  if (!node.IsSequence()) return YamlErrorAt(file, node, "time rules: 'rules' must be a list");
  rules->rule_set = std::make_unique<RuleSet>();
  for (const YAML::Node& item : node) {
    if (Status s = LoadRule(file, item, rules, combined); !s.ok()) return s;
  }
  if (rules->rules.empty()) return YamlErrorAt(file, node, "time rules: no rules");
  if (!rules->rule_set->Compile())
    return YamlErrorAt(file, node, "time rules: too large to compile");
  return Status::Ok();
}

}  // namespace kg::timex
