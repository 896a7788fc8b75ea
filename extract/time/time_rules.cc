// Loading rules/time.yaml. The file has four top-level keys:
//   slots:     name -> {slot, words: {surface: value}, pattern, case}
//   tense:     {future, past, window}: cue regexes that decide whether an
//              underspecified date ("in October") lies before or after the
//              reference date
//   rules:     [{name, pattern, type, resolve, value, shift, sign, prefer,
//               slots, examples}]
// Every rule's pattern, with {slot} references expanded into capture groups,
// becomes one alternative of a single case-insensitive, leftmost-longest RE2
// (see CompiledRules for how matches are then attributed to rules).
#include "extract/time/time_rules.h"

#include <algorithm>
#include <cctype>

#include "extract/ascii.h"
#include "extract/time/lower_case_pattern.h"
#include "graph/model/ascii_case.h"
#include "extract/yaml_util.h"

namespace kg::timex {
namespace {

constexpr std::array<std::string_view, kSlotCount> kSlotNames = {
    "year",   "month", "day",         "weekday", "season", "quarter", "half", "decade", "century",
    "number", "unit",  "part_of_day", "hour",    "minute", "ampm",    "mod",  "nth"};

std::string NormalizeWord(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A literal word list entry as a regex: metacharacters quoted, spaces
// matching any run of white space.
std::string WordRegex(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == ' ') {
      out += "\\s+";
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<SlotDef>> LoadSlotDef(const std::string& file, const std::string& name,
                                             const YAML::Node& node) {
  const std::string context = "slot '" + name + "'";
  if (Status s = CheckKeys(file, node, {"slot", "words", "pattern", "case"}, context); !s.ok()) {
    return s;
  }
  auto def = std::make_unique<SlotDef>();
  def->name = name;
  std::string slot_name = name;
  if (node["slot"]) {
    Result<std::string> s = ScalarString(file, node["slot"], context);
    if (!s.ok()) return s.status();
    slot_name = *s;
  }
  int slot = SlotFromName(slot_name);
  if (slot < 0) {
    return YamlErrorAt(file, node["slot"] ? node["slot"] : node,
                       context + ": unknown slot '" + slot_name + "'");
  }
  def->slot = static_cast<Slot>(slot);
  bool case_sensitive = false;
  if (node["case"]) {
    Result<std::string> c = ScalarString(file, node["case"], context);
    if (!c.ok()) return c.status();
    if (*c != "sensitive" && *c != "insensitive") {
      return YamlErrorAt(file, node["case"], context + ": case must be sensitive or insensitive");
    }
    case_sensitive = *c == "sensitive";
  }
  std::vector<std::string> alternatives;
  if (const YAML::Node words = node["words"]) {
    if (!words.IsMap()) return YamlErrorAt(file, words, context + ": words must be a mapping");
    std::vector<std::string> surfaces;
    for (const auto& kv : words) {
      Result<std::string> value = ScalarString(file, kv.second, context);
      if (!value.ok()) return value.status();
      std::string key = kv.first.Scalar();
      if (NormalizeWord(key).empty()) return YamlErrorAt(file, kv.first, context + ": empty word");
      def->words[NormalizeWord(key)] = *value;
      surfaces.push_back(key);
    }
    // Longest first keeps the alternation readable; the scanner is
    // leftmost-longest anyway.
    std::sort(surfaces.begin(), surfaces.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    for (const std::string& w : surfaces) alternatives.push_back(WordRegex(w));
  }
  if (node["pattern"]) {
    Result<std::string> p = ScalarString(file, node["pattern"], context);
    if (!p.ok()) return p.status();
    if (Status s = CheckRegex(file, node["pattern"], *p, 0, context); !s.ok()) return s;
    alternatives.push_back(*p);
  }
  if (alternatives.empty()) return YamlErrorAt(file, node, context + ": needs words or pattern");
  std::string joined;
  for (const std::string& a : alternatives) joined += (joined.empty() ? "" : "|") + a;
  def->regex = case_sensitive ? "(?-i:" + joined + ")" : "(?:" + joined + ")";
  return def;
}

}  // namespace

RE2::Options LowerCaseRuleOptions() {
  RE2::Options options = RuleOptions();
  options.set_case_sensitive(true);
  return options;
}

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  options.set_log_errors(false);
  return options;
}

const RE2* RuleMatcher::Compiled::Regex(const std::string& pattern) {
  std::call_once(once, [&] {
    auto compiled = std::make_unique<RE2>(pattern, RuleOptions());
    if (compiled->ok()) re = std::move(compiled);
  });
  return re.get();
}

std::optional<bool> RuleMatcher::Compiled::MatchWhole(const std::string& pattern,
                                                      const re2::StringPiece& hit,
                                                      re2::StringPiece* subs, int n) {
  std::call_once(lower_once, [&] {
    std::optional<std::string> rewrite = LowerCasePattern(pattern);
    if (!rewrite) return;
    auto compiled = std::make_unique<RE2>(*rewrite, LowerCaseRuleOptions());
    if (compiled->ok()) lower = std::move(compiled);
  });
  const std::string_view text(hit.data(), hit.size());
  if (lower != nullptr && ascii::AllAscii(text)) {
    const std::string lowered = LowerAscii(text);
    if (!lower->Match(lowered, 0, lowered.size(), RE2::ANCHOR_BOTH, subs, n)) return false;
    for (int i = 0; i < n; ++i) {
      if (subs[i].data() == nullptr) continue;
      subs[i] = re2::StringPiece(hit.data() + (subs[i].data() - lowered.data()), subs[i].size());
    }
    return true;
  }
  const RE2* re = Regex(pattern);
  if (re == nullptr) return std::nullopt;
  return re->Match(hit, 0, hit.size(), RE2::ANCHOR_BOTH, subs, n);
}

const RE2* RuleMatcher::regex() const { return compiled->Regex(pattern); }

const RE2* RuleMatcher::Alternative::regex() const { return compiled->Regex(pattern); }

bool RuleMatcher::Capture(const re2::StringPiece& hit,
                          std::vector<re2::StringPiece>* groups) const {
  groups->assign(this->groups.size(), re2::StringPiece());
  // Room for one pattern's groups after its whole match (kept small: a
  // pattern with more groups is captured by the whole regex).
  constexpr size_t kMostGroups = 15;
  re2::StringPiece subs[kMostGroups + 1];
  bool split = alternatives.size() > 1;
  for (const Alternative& a : alternatives) split = split && a.group_count <= kMostGroups;
  // Each pattern is compiled only when the ones before it have not matched:
  // a compile costs far more than a capture, and most hits are captured by
  // a rule's first pattern. One that does not compile sends the hit to the
  // whole regex, whose parse is the first matching pattern's all the same.
  for (size_t i = 0; split && i < alternatives.size(); ++i) {
    const Alternative& a = alternatives[i];
    const int n = static_cast<int>(a.group_count) + 1;
    const std::optional<bool> matched = a.compiled->MatchWhole(a.pattern, hit, subs, n);
    if (!matched) break;
    if (!*matched) {
      if (i + 1 == alternatives.size()) return false;
      continue;
    }
    std::copy(subs + 1, subs + n, groups->begin() + static_cast<std::ptrdiff_t>(a.first_group));
    return true;
  }
  std::vector<re2::StringPiece> all(this->groups.size() + 1);
  const std::optional<bool> matched =
      compiled->MatchWhole(pattern, hit, all.data(), static_cast<int>(all.size()));
  if (!matched || !*matched) return false;
  std::copy(all.begin() + 1, all.end(), groups->begin());
  return true;
}

Status CheckRegex(const std::string& file, const YAML::Node& node, const std::string& regex,
                  int expected_groups, const std::string& context) {
  return CheckCompiled(file, node, RE2(regex, RuleOptions()), expected_groups, context);
}

Status CheckCompiled(const std::string& file, const YAML::Node& node, const RE2& re,
                     int expected_groups, const std::string& context) {
  if (!re.ok()) return YamlErrorAt(file, node, context + ": bad regex: " + re.error());
  if (re.NumberOfCapturingGroups() != expected_groups) {
    return YamlErrorAt(file, node, context + ": use (?:...) groups, not capturing (...)");
  }
  return Status::Ok();
}

int SlotFromName(std::string_view name) {
  for (size_t i = 0; i < kSlotNames.size(); ++i) {
    if (kSlotNames[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<std::unique_ptr<CompiledRules>> CompileTimeRules(std::string_view yaml_text,
                                                        const std::string& file) {
  Result<YAML::Node> doc = ParseYaml(yaml_text, file);
  if (!doc.ok()) return doc.status();
  const YAML::Node& root = *doc;
  if (Status s = CheckKeys(file, root, {"slots", "tense", "rules"}, "time rules"); !s.ok()) {
    return s;
  }
  auto rules = std::make_unique<CompiledRules>();
  rules->file = file;
  try {
    const YAML::Node slots = root["slots"];
    if (!slots || !slots.IsMap())
      return YamlErrorAt(file, root, "time rules: 'slots' mapping missing");
    for (const auto& kv : slots) {
      Result<std::unique_ptr<SlotDef>> def = LoadSlotDef(file, kv.first.Scalar(), kv.second);
      if (!def.ok()) return def.status();
      rules->slot_defs.push_back(std::move(*def));
    }
    if (const YAML::Node tense = root["tense"]) {
      if (Status s = CheckKeys(file, tense, {"future", "past", "window"}, "tense"); !s.ok()) {
        return s;
      }
      RE2::Options options;
      options.set_case_sensitive(false);
      options.set_log_errors(false);
      for (const char* key : {"future", "past"}) {
        if (!tense[key]) continue;
        Result<std::string> re = ScalarString(file, tense[key], "tense");
        if (!re.ok()) return re.status();
        // Checked as compiled for use: CheckRegex's options differ only in
        // leftmost-longest matching, which changes neither the parse, its
        // errors nor the groups.
        auto compiled = std::make_unique<RE2>(*re, options);
        if (Status s = CheckCompiled(file, tense[key], *compiled, 0, std::string("tense ") + key);
            !s.ok()) {
          return s;
        }
        const bool future = key[0] == 'f';
        (future ? rules->future_cue : rules->past_cue) = std::move(compiled);
        (future ? rules->future_cue_filter : rules->past_cue_filter) = StartFilter::FromRegex(*re);
      }
      if (tense["window"]) {
        rules->tense_window = tense["window"].as<int>();
        if (rules->tense_window < 0 || rules->tense_window > 1000) {
          return YamlErrorAt(file, tense["window"], "tense window must be 0..1000");
        }
      }
    }
    std::string combined;
    if (Status s = LoadRules(file, root["rules"] ? root["rules"] : root, rules.get(), &combined);
        !s.ok()) {
      return s;
    }
    RE2::Options options = RuleOptions();
    options.set_max_mem(64 << 20);  // the DFA of the combined scanner
    rules->scanner = std::make_unique<RE2>(combined, options);
    if (!rules->scanner->ok()) {
      return Status::ErrorAt(file, 0, 0, "time rules: " + rules->scanner->error());
    }
    rules->start_filter = StartFilter::FromRegex(combined);
  } catch (const YAML::Exception& e) {
    return Status::ErrorAt(file, e.mark.line + 1, e.mark.column + 1, "time rules: " + e.msg);
  }
  return rules;
}

}  // namespace kg::timex
