// Loading rule files: YAML -> RulePack. Every key is checked, every pattern is
// compiled (with a memory budget) before anything is returned, so a pack is
// either complete or an error naming file:line:column and the rule concerned.
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "extract/cue_filter.h"
#include "extract/extractor.h"
#include "extract/pattern_macros.h"
#include "extract/prefilter.h"
#include "extract/rule_examples_reader.h"
#include "extract/rule_pack.h"
#include "extract/slot_locator.h"
#include "extract/yaml_util.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

constexpr uintmax_t kMaxIncludeBytes = 16u << 20;

// The per-pattern budget (LoadRulePack's default, 4 MiB) is enough for the
// longest alternations of the news pack, small enough that a runaway pattern is
// reported rather than eating memory.
constexpr int64_t kDefaultPatternMaxMem = int64_t{4} << 20;

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(max_mem);
  return o;
}

// RE2's message without the expanded pattern it quotes: the rule's own text is
// what its author recognises.
std::string Reason(const RE2& re) {
  const std::string& e = re.error();
  return e.substr(0, e.find(':'));
}

class Loader {
 public:
  Loader(RulePack* pack, std::set<std::string>* entity_names, std::set<std::string>* rule_names,
         int64_t pattern_max_mem)
      : pack_(pack),
        entity_names_(entity_names),
        rule_names_(rule_names),
        pattern_max_mem_(pattern_max_mem) {}

  Status Load(const RuleSource& source) {
    if (!loaded_.insert(source.name).second) return Status::Ok();  // included twice: once is enough
    file_ = source.name;
    auto root_result = ParseYaml(source.text, file_);
    if (!root_result.ok()) return root_result.status();
    auto root = std::move(root_result.value());
    if (root.IsNull()) return Status::Ok();  // an empty file is an empty pack
    if (Status status = CheckKeys(
            file_, root, {"include", "entities", "roles", "names", "titles", "cues", "relations"},
            "rule file");
        !status.ok())
      return status;
    if (root["include"]) {
      defer_patterns = false;
      if (Status status = Includes(source.name, root["include"]); !status.ok()) return status;
      file_ = source.name;
    }
    if (root["entities"]) {
      if (Status status = Entities(root["entities"]); !status.ok()) return status;
    }
    if (root["roles"]) {
      if (Status status = Roles(root["roles"]); !status.ok()) return status;
    }
    if (root["names"]) {
      if (Status status = Names(root["names"]); !status.ok()) return status;
    }
    if (root["titles"]) {
      auto t_result = StringList(file_, root["titles"], "titles");
      if (!t_result.ok()) return t_result.status();
      auto t = std::move(t_result.value());
      pack_->titles.insert(pack_->titles.end(), t.begin(), t.end());
    }
    if (root["cues"]) {
      if (Status status = Cues(root["cues"]); !status.ok()) return status;
    }
    if (root["relations"]) {
      if (Status status = Relations(root["relations"]); !status.ok()) return status;
    }
    return Status::Ok();
  }

  std::vector<std::string> negation, modality, hedge;

 private:
  // `include: FILE` or a list: each is loaded before the including file's own
  // entries, so a pack can extend another (`include: news.yaml` extends the
  // built-in pack). Names resolve next to the including file, then among the
  // built-in packs. A file on its own include chain is a cycle and an error.
  Status Includes(const std::string& including, const YAML::Node& node) {
    auto names_result = StringList(file_, node, "include");
    if (!names_result.ok()) return names_result.status();
    auto names = std::move(names_result.value());
    include_stack_.push_back(including);
    for (const std::string& name : names) {
      for (const std::string& open : include_stack_) {
        if (open == name || open == IncludePath(including, name)) {
          std::string chain;
          for (const std::string& f : include_stack_) chain += f + " -> ";
          return YamlErrorAt(including, node, "include cycle: " + chain + name);
        }
      }
      auto included_result = ReadInclude(including, name, node);
      if (!included_result.ok()) return included_result.status();
      auto included = std::move(included_result.value());
      if (Status status = Load(included); !status.ok()) return status;
    }
    include_stack_.pop_back();
    return Status::Ok();
  }

  static std::string IncludePath(const std::string& including, const std::string& name) {
    std::filesystem::path dir = std::filesystem::path(including).parent_path();
    return std::filesystem::path(name).is_absolute() || dir.empty() ? name : (dir / name).string();
  }

  Result<RuleSource> ReadInclude(const std::string& including, const std::string& name,
                                 const YAML::Node& node) {
    const std::string path = IncludePath(including, name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      if (std::filesystem::file_size(path, ec) > kMaxIncludeBytes) {
        return YamlErrorAt(including, node, "included rule file '" + path + "' is too large");
      }
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in.bad()) return RuleSource{path, text.str()};
    }
    std::string_view embedded = EmbeddedRuleFile(name);
    if (!embedded.empty()) return RuleSource{name, std::string(embedded)};
    return YamlErrorAt(
        including, node,
        "cannot read included rule file '" + name + "' (not at " + path + ", not a built-in pack)");
  }

  Status Sequence(const YAML::Node& node, const std::string& what) {
    return RequireSequence(file_, node, what);
  }

  Result<std::string> Required(const YAML::Node& node, const char* key, const std::string& ctx) {
    return RequiredString(file_, node, key, ctx);
  }

  Result<std::optional<Date>> OptionalDate(const YAML::Node& node, const char* key,
                                           const std::string& ctx) {
    return OptionalDateField(file_, node, key, ctx);
  }

  // `from`/`to` of a role or an entity: a span of days, open at either end.
  Result<std::optional<DaySpan>> Validity(const YAML::Node& node, const std::string& ctx) {
    auto from_result = OptionalDate(node, "from", ctx);
    if (!from_result.ok()) return from_result.status();
    auto from = std::move(from_result.value());
    auto to_result = OptionalDate(node, "to", ctx);
    if (!to_result.ok()) return to_result.status();
    auto to = std::move(to_result.value());
    if (!from && !to) return std::optional<DaySpan>();
    DaySpan span{from.value_or(Date{1, 1, 1}), to.value_or(Date{9999, 12, 31})};
    if (span.end < span.start) {
      return YamlErrorAt(file_, node["to"], ctx + ": 'to' is before 'from'");
    }
    return std::optional<DaySpan>(span);
  }

  // Aliases are names, or {alias: NAME, from: DATE, to: DATE} for a name that
  // refers to the entity only in that span; an entry repeating the canonical
  // name dates the name itself.
  Status Aliases(const YAML::Node& list, const std::string& ctx, EntityDef* def) {
    if (Status status = Sequence(list, ctx); !status.ok()) return status;
    for (const YAML::Node& a : list) {
      if (!a.IsMap()) {
        auto alias_result = ScalarString(file_, a, ctx);
        if (!alias_result.ok()) return alias_result.status();
        auto alias = std::move(alias_result.value());
        def->aliases.push_back(alias);
        continue;
      }
      if (Status status = CheckKeys(file_, a, {"alias", "from", "to"}, ctx); !status.ok())
        return status;
      auto alias_result = Required(a, "alias", ctx);
      if (!alias_result.ok()) return alias_result.status();
      auto alias = std::move(alias_result.value());
      auto valid_result = Validity(a, ctx + ": alias '" + alias + "'");
      if (!valid_result.ok()) return valid_result.status();
      auto valid = std::move(valid_result.value());
      if (!valid) {
        return YamlErrorAt(file_, a, ctx + ": alias '" + alias + "' needs 'from' or 'to'");
      }
      if (alias != def->name) def->aliases.push_back(alias);
      def->name_valid[alias] = *valid;
    }
    return Status::Ok();
  }

  Status Entities(const YAML::Node& list) {
    if (Status status = Sequence(list, "entities"); !status.ok()) return status;
    for (const YAML::Node& e : list) {
      if (Status status = CheckKeys(
              file_, e, {"name", "names", "type", "aliases", "from", "to", "owners"}, "an entity");
          !status.ok())
        return status;
      if (e["names"]) {
        if (Status status = EntityList(e); !status.ok()) return status;
        continue;
      }
      auto name_result = Required(e, "name", "an entity");
      if (!name_result.ok()) return name_result.status();
      auto name = std::move(name_result.value());
      const std::string ctx = "entity '" + name + "'";
      auto type_result = Required(e, "type", ctx);
      if (!type_result.ok()) return type_result.status();
      auto type = std::move(type_result.value());
      EntityDef def{name, type, {}, std::nullopt, {}, {}};
      if (e["owners"]) {
        auto owners = StringList(file_, e["owners"], ctx + ": 'owners'");
        if (!owners.ok()) return owners.status();
        def.owners = std::move(owners.value());
      }
      auto valid_result = Validity(e, ctx);
      if (!valid_result.ok()) return valid_result.status();
      auto valid = std::move(valid_result.value());
      def.valid = valid;
      if (e["aliases"]) {
        if (Status status = Aliases(e["aliases"], ctx + ": 'aliases'", &def); !status.ok())
          return status;
      }
      if (Status status = AddEntity(e, std::move(def)); !status.ok()) return status;
    }
    return Status::Ok();
  }

  // `{names: [A, B], type: T}`: one entity of type T for each name, with no
  // aliases, dates or owners (a list of places or agencies reads as a list).
  Status EntityList(const YAML::Node& e) {
    for (const char* single : {"name", "aliases", "from", "to", "owners"}) {
      if (e[single]) {
        return YamlErrorAt(file_, e[single],
                           std::string("an entity list ('names') takes no '") + single +
                               "': give that entity an entry of its own");
      }
    }
    auto type_result = Required(e, "type", "an entity list");
    if (!type_result.ok()) return type_result.status();
    auto names = StringList(file_, e["names"], "entities: 'names'");
    if (!names.ok()) return names.status();
    for (std::string& name : names.value()) {
      if (Status status =
              AddEntity(e, EntityDef{name, type_result.value(), {}, std::nullopt, {}, {}});
          !status.ok())
        return status;
    }
    return Status::Ok();
  }

  // Adds `def`, or replaces the entity of that name an earlier file defined;
  // an error at `at` when this file defined it already.
  Status AddEntity(const YAML::Node& at, EntityDef def) {
    const std::string name = def.name;
    auto [defined, added] = entity_file_.emplace(name, file_);
    if (!added) {
      if (defined->second == file_)
        return YamlErrorAt(file_, at, "duplicate entity '" + name + "'");
      // A later file redefines an entity of a pack it extends: the new entry wins.
      for (EntityDef& old : pack_->entities) {
        if (old.name == name) old = std::move(def);
      }
      defined->second = file_;
      return Status::Ok();
    }
    entity_names_->insert(name);
    pack_->entities.push_back(std::move(def));
    return Status::Ok();
  }

  Status Roles(const YAML::Node& list) {
    if (Status status = Sequence(list, "roles"); !status.ok()) return status;
    for (const YAML::Node& r : list) {
      if (Status status = CheckKeys(file_, r,
                                    {"phrase", "entity", "types", "from", "to", "possessive",
                                     "count", "speaker", "gender", "mentioned"},
                                    "a role");
          !status.ok())
        return status;
      auto phrase_result = Required(r, "phrase", "a role");
      if (!phrase_result.ok()) return phrase_result.status();
      auto phrase = std::move(phrase_result.value());
      const std::string ctx = "role '" + phrase + "'";
      RoleDef def;
      for (char c : phrase)
        def.phrase += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (r["entity"]) {
        auto entity_result = ScalarString(file_, r["entity"], ctx + ": 'entity'");
        if (!entity_result.ok()) return entity_result.status();
        auto entity = std::move(entity_result.value());
        if (!entity_names_->count(entity)) {
          return YamlErrorAt(file_, r["entity"], ctx + ": unknown entity '" + entity + "'");
        }
        def.entity = entity;
      } else if (r["types"]) {
        auto types_result = StringList(file_, r["types"], ctx + ": 'types'");
        if (!types_result.ok()) return types_result.status();
        auto types = std::move(types_result.value());
        def.types = std::move(types);
      } else {
        return YamlErrorAt(file_, r, ctx + ": needs 'entity' or 'types'");
      }
      if (r["possessive"]) {
        auto p_result = ScalarString(file_, r["possessive"], ctx + ": 'possessive'");
        if (!p_result.ok()) return p_result.status();
        auto p = std::move(p_result.value());
        if (p != "true" && p != "false") {
          return YamlErrorAt(file_, r["possessive"], ctx + ": 'possessive' must be true or false");
        }
        def.possessive = p == "true";
      }
      if (r["gender"]) {
        auto gender = ScalarString(file_, r["gender"], ctx + ": 'gender'");
        if (!gender.ok()) return gender.status();
        if (*gender != "male" && *gender != "female") {
          return YamlErrorAt(file_, r["gender"], ctx + ": 'gender' must be male or female");
        }
        def.gender = *gender;
      }
      if (r["mentioned"]) {
        auto mentioned = ScalarString(file_, r["mentioned"], ctx + ": 'mentioned'");
        if (!mentioned.ok()) return mentioned.status();
        if (*mentioned != "true" && *mentioned != "false") {
          return YamlErrorAt(file_, r["mentioned"], ctx + ": 'mentioned' must be true or false");
        }
        def.mentioned = *mentioned == "true";
      }
      if (r["speaker"]) {
        auto speaker = ScalarString(file_, r["speaker"], ctx + ": 'speaker'");
        if (!speaker.ok()) return speaker.status();
        if (*speaker != "true" && *speaker != "false") {
          return YamlErrorAt(file_, r["speaker"], ctx + ": 'speaker' must be true or false");
        }
        def.speaker = *speaker == "true";
      }
      if (r["count"]) {
        auto c_result = ScalarString(file_, r["count"], ctx + ": 'count'");
        if (!c_result.ok()) return c_result.status();
        auto c = std::move(c_result.value());
        if (c != "1" && c != "2")
          return YamlErrorAt(file_, r["count"], ctx + ": 'count' must be 1 or 2");
        def.count = c == "2" ? 2 : 1;
      }
      auto valid_result = Validity(r, ctx);
      if (!valid_result.ok()) return valid_result.status();
      auto valid = std::move(valid_result.value());
      def.valid = valid;
      pack_->roles.push_back(std::move(def));
    }
    return Status::Ok();
  }

  Status Names(const YAML::Node& node) {
    if (Status status = CheckKeys(file_, node,
                                  {"person_titles", "given_names", "female_names", "org_words",
                                   "agency_words", "place_words", "not_names", "demonyms"},
                                  "names");
        !status.ok())
      return status;
    NameLexicon& n = pack_->names;
    const std::pair<const char*, std::vector<std::string>*> lists[] = {
        {"person_titles", &n.person_titles}, {"given_names", &n.given_names},
        {"female_names", &n.female_names},   {"org_words", &n.org_words},
        {"agency_words", &n.agency_words},   {"place_words", &n.place_words},
        {"not_names", &n.not_names},         {"demonyms", &n.demonyms}};
    for (const auto& [key, out] : lists) {
      if (!node[key]) continue;
      auto words_result = StringList(file_, node[key], std::string("names: '") + key + "'");
      if (!words_result.ok()) return words_result.status();
      auto words = std::move(words_result.value());
      out->insert(out->end(), words.begin(), words.end());
    }
    return Status::Ok();
  }

  Status Cues(const YAML::Node& node) {
    if (Status status = CheckKeys(file_, node, {"negation", "modality", "hedge"}, "cues");
        !status.ok())
      return status;
    const std::pair<const char*, std::vector<std::string>*> lists[] = {
        {"negation", &negation}, {"modality", &modality}, {"hedge", &hedge}};
    for (const auto& [key, out] : lists) {
      if (!node[key]) continue;
      auto cues_result = StringList(file_, node[key], std::string("cues: '") + key + "'");
      if (!cues_result.ok()) return cues_result.status();
      auto cues = std::move(cues_result.value());
      // Each cue compiled alone, so that a bad one is named. Not for a
      // built-in pack whose patterns are deferred: the build's tests load it
      // with these probes at the default budget, so none can fail.
      for (size_t i = 0; !defer_patterns && i < cues.size(); ++i) {
        const std::string& c = cues[i];
        RE2 probe(c, PatternOptions(pattern_max_mem_));
        if (!probe.ok()) {
          return YamlErrorAt(
              file_, node[key],
              std::string("cues: '") + key + "': invalid regex '" + c + "': " + probe.error());
        }
      }
      out->insert(out->end(), cues.begin(), cues.end());
    }
    return Status::Ok();
  }

  Status Relations(const YAML::Node& list) {
    if (Status status = Sequence(list, "relations"); !status.ok()) return status;
    for (const YAML::Node& r : list) {
      if (Status status = Relation(r); !status.ok()) return status;
    }
    return Status::Ok();
  }

  Result<std::vector<std::string>> OptList(const YAML::Node& r, const char* key,
                                           const std::string& ctx) {
    const YAML::Node value = r[key];  // looked up once: each r[key] walks the keys again
    if (!value) return std::vector<std::string>();
    return StringList(file_, value, ctx + ": '" + key + "'");
  }

  Status Relation(const YAML::Node& r) {
    if (r.IsMap() && r["name"] && r["name"].IsScalar()) {
      ctx_ = "rule '" + r["name"].Scalar() + "'";
    } else {
      ctx_ = "a rule";
    }
    if (Status status = CheckKeys(
            file_, r,
            {"name", "symmetric", "stative", "possessor_object", "subject", "object", "verbs",
             "bases", "participles", "passive_preps", "nouns", "noun_preps", "titles", "templates",
             "patterns", "examples", "counterexamples", "override", "extend"},
            ctx_);
        !status.ok())
      return status;
    auto name_result = Required(r, "name", ctx_);
    if (!name_result.ok()) return name_result.status();
    auto name = std::move(name_result.value());
    auto override_result = Flag(r, "override");
    if (!override_result.ok()) return override_result.status();
    auto override = std::move(override_result.value());
    auto extend_result = Flag(r, "extend");
    if (!extend_result.ok()) return extend_result.status();
    auto extend = std::move(extend_result.value());
    if (override && extend) {
      return YamlErrorAt(file_, r["extend"], ctx_ + ": 'override' and 'extend' exclude each other");
    }
    // A rule of an earlier file can be replaced or extended by name; one
    // defined twice without saying which is a mistake.
    auto earlier = relation_file_.find(name);
    if (earlier == relation_file_.end() && (override || extend)) {
      return YamlErrorAt(
          file_, r[override ? "override" : "extend"],
          ctx_ + ": no earlier rule '" + name + "' to " + (override ? "override" : "extend"));
    }
    if (earlier != relation_file_.end()) {
      if (earlier->second == file_) {
        return YamlErrorAt(file_, r["name"], "duplicate rule '" + name + "'");
      }
      if (!override && !extend) {
        return YamlErrorAt(
            file_, r["name"],
            "duplicate rule '" + name + "' (defined in " + earlier->second +
                "; say 'override: true' to replace it or 'extend: true' to add to it)");
      }
    }
    relation_file_[name] = file_;
    rule_names_->insert(name);
    int relation = static_cast<int>(pack_->relations.size());
    for (size_t i = 0; i < pack_->relations.size(); ++i) {
      if (pack_->relations[i].name == name) relation = static_cast<int>(i);
    }
    RelationForms forms;
    bool stative = false;
    bool possessor_object = false;
    if (extend) {
      // The extension writes more forms of the same relation: its types and
      // flags stay, unless the extension gives types of its own.
      const RelationDef& base = pack_->relations[relation];
      forms.symmetric = base.symmetric;
      forms.subject_types = base.subject_types;
      forms.object_types = base.object_types;
      stative = base.stative;
      possessor_object = base.possessor_object;
    }
    if (r["symmetric"]) {
      auto sym_result = Flag(r, "symmetric");
      if (!sym_result.ok()) return sym_result.status();
      auto sym = std::move(sym_result.value());
      forms.symmetric = sym;
    }
    if (r["stative"]) {
      auto st_result = Flag(r, "stative");
      if (!st_result.ok()) return st_result.status();
      auto st = std::move(st_result.value());
      stative = st;
    }
    if (r["possessor_object"]) {
      auto po_result = Flag(r, "possessor_object");
      if (!po_result.ok()) return po_result.status();
      possessor_object = po_result.value();
    }
    const std::pair<const char*, std::vector<std::string>*> lists[] = {
        {"subject", &forms.subject_types},
        {"object", &forms.object_types},
        {"verbs", &forms.verbs},
        {"bases", &forms.bases},
        {"participles", &forms.participles},
        {"passive_preps", &forms.passive_preps},
        {"nouns", &forms.nouns},
        {"noun_preps", &forms.noun_preps},
        {"titles", &forms.titles},
        {"templates", &forms.templates}};
    for (const auto& [key, out] : lists) {
      if (extend && !r[key]) continue;
      auto words_result = OptList(r, key, ctx_);
      if (!words_result.ok()) return words_result.status();
      auto words = std::move(words_result.value());
      *out = std::move(words);
    }
    auto raw_result = OptList(r, "patterns", ctx_);
    if (!raw_result.ok()) return raw_result.status();
    auto raw = std::move(raw_result.value());
    if (raw.empty() && forms.templates.empty() && !(extend && r["examples"])) {
      return YamlErrorAt(file_, r, ctx_ + ": needs 'templates' or 'patterns'");
    }
    RelationDef def{
        name, forms.symmetric, stative, possessor_object, forms.subject_types, forms.object_types};
    std::string prefix;
    if (relation == static_cast<int>(pack_->relations.size())) {
      pack_->relations.push_back(std::move(def));
    } else if (override) {
      // The earlier definition goes whole: patterns, examples and all.
      pack_->relations[relation] = std::move(def);
      std::erase_if(pack_->patterns, [&](const PatternDef& p) { return p.relation == relation; });
      std::erase_if(pack_->examples, [&](const ExampleDef& e) { return e.rule == name; });
    } else {
      // Extension patterns are named apart from the extended ones:
      // acquired.extend1.active1.
      prefix = "extend" + std::to_string(++extensions_[name]) + ".";
    }

    auto expanded = ExpandTemplates(forms);
    if (!expanded.ok()) {
      return YamlErrorAt(file_, r["templates"], ctx_ + ": " + expanded.status().message());
    }
    std::vector<std::pair<std::string, std::string>> all = std::move(expanded.value());
    for (size_t i = 0; i < raw.size(); ++i) {
      all.emplace_back("pattern" + std::to_string(i + 1), raw[i]);
    }
    const YAML::Node where = r["patterns"] ? r["patterns"] : r["templates"];
    for (const auto& [suffix, source] : all) {
      if (Status status = AddPattern(name, relation, prefix + suffix, source, forms, where);
          !status.ok())
        return status;
    }
    if (r["examples"]) {
      if (Status status = Examples(r["examples"], name, false); !status.ok()) return status;
    }
    if (r["counterexamples"]) {
      if (Status status = Examples(r["counterexamples"], name, true); !status.ok()) return status;
    }
    return Status::Ok();
  }

  // A true/false key; absent is false.
  Result<bool> Flag(const YAML::Node& r, const char* key) {
    const YAML::Node node = r[key];
    if (!node) return false;
    auto value_result = ScalarString(file_, node, ctx_ + ": '" + key + "'");
    if (!value_result.ok()) return value_result.status();
    auto value = std::move(value_result.value());
    if (value != "true" && value != "false") {
      return YamlErrorAt(file_, node, ctx_ + ": '" + key + "' must be true or false");
    }
    return value == "true";
  }

  Status AddPattern(const std::string& name, int relation, const std::string& suffix,
                    const std::string& source, const RelationForms& forms,
                    const YAML::Node& where) {
    const std::string rule = name + "." + suffix;
    if (!macros_ || macros_->titles() != pack_->titles) {
      macros_.emplace(pack_->titles);
      pre_then_slot_lead_.reset();
    }
    bool case_neutral = false;
    auto regex = macros_->Expand(source, forms, defer_patterns ? &case_neutral : nullptr);
    if (!regex.ok()) {
      return YamlErrorAt(file_, where,
                         ctx_ + ": pattern '" + suffix + "': " + regex.status().message());
    }
    LazyRegex re, case_free, screen;
    PreCheck pre_check;
    int subject_group = 0, object_group = 0;
    if (defer_patterns) {
      const std::vector<int> groups = NamedGroupNumbers(*regex, {"subj", "obj"});
      subject_group = groups[0];
      object_group = groups[1];
      re = LazyRegex(*regex, PatternOptions(pattern_max_mem_));
      if (case_neutral) {
        RE2::Options options = PatternOptions(pattern_max_mem_);
        options.set_case_sensitive(true);
        case_free = LazyRegex(*regex, options);
        // The screen answers yes or no: no groups to keep. One nearly as
        // long as the pattern would cost about as much to compile; RE2's
        // program shrinks with the source (at most three quarters of it
        // below). Short patterns such as "{obj},? which {subj} {adv}(?:{V})\\b"
        // rarely match, and their screens, about two thirds of their length,
        // rule out most views that make them candidates.
        auto screen_source = macros_->Screen(source, forms);
        // Case-neutral as the pattern is: made of its pieces, lower-case
        // classes and repetitions.
        if (screen_source.ok() && screen_source->size() * 4 <= regex->size() * 3) {
          options.set_never_capture(true);
          screen = LazyRegex(std::move(screen_source.value()), options);
          std::vector<std::string> lead_words = WordsBeforePre(source);
          if (!lead_words.empty()) {
            // One per pack's titles, shared by its patterns: compiled once.
            if (!pre_then_slot_lead_) {
              pre_then_slot_lead_ =
                  std::make_shared<const LazyRegex>(macros_->PreThenSlotLead(), options);
            }
            pre_check = PreCheck(std::move(lead_words), pre_then_slot_lead_,
                                 macros_->PreSlotTypes(source, forms));
          }
        }
      }
    } else {
      auto compiled = std::make_unique<RE2>(*regex, PatternOptions(pattern_max_mem_));
      if (!compiled->ok()) {
        return YamlErrorAt(file_, where,
                           ctx_ + ": pattern '" + suffix +
                               "' does not compile: " + Reason(*compiled) + " in '" + source + "'");
      }
      const auto& groups = compiled->NamedCapturingGroups();
      if (auto it = groups.find("subj"); it != groups.end()) subject_group = it->second;
      if (auto it = groups.find("obj"); it != groups.end()) object_group = it->second;
      re = LazyRegex(std::move(compiled));
    }
    if (subject_group == 0) {
      return YamlErrorAt(file_, where, ctx_ + ": pattern '" + suffix + "' has no {subj} slot");
    }
    if (object_group == 0 && !forms.symmetric) {
      return YamlErrorAt(file_, where,
                         ctx_ + ": pattern '" + suffix +
                             "' has no {obj} slot (only symmetric rules may pair a coordinated "
                             "{subj})");
    }
    PatternDef def;
    def.rule = rule;
    def.relation = relation;
    def.source = *regex;
    def.re = std::move(re);
    def.re_case_free = std::move(case_free);
    def.screen = std::move(screen);
    def.pre_check = std::move(pre_check);
    def.subject_group = subject_group;
    def.object_group = object_group;
    def.active = rule.find(".active") != std::string::npos;
    def.title = rule.find(".title") != std::string::npos;
    pack_->patterns.push_back(std::move(def));
    return Status::Ok();
  }

  Status Examples(const YAML::Node& list, const std::string& rule, bool counter) {
    return ReadRuleExamples(file_, list, ctx_, rule, counter, &pack_->examples);
  }

  RulePack* pack_;
  std::set<std::string>* entity_names_;
  std::set<std::string>* rule_names_;
  std::map<std::string, std::string> entity_file_;    // entity name -> file that defined it
  std::map<std::string, std::string> relation_file_;  // rule name -> file that defined it last
  std::map<std::string, int> extensions_;             // rule name -> extensions so far
  std::set<std::string> loaded_;                      // rule files read so far
  std::vector<std::string> include_stack_;            // files whose includes are being read
  std::string file_;
  std::string ctx_;
  int64_t pattern_max_mem_;
  std::optional<MacroExpander> macros_;                  // for the pack's titles so far
  std::shared_ptr<const LazyRegex> pre_then_slot_lead_;  // macros_->PreThenSlotLead()

 public:
  // Relation patterns are not compiled here but on first use (LoadRulePack).
  bool defer_patterns = false;
};

// A cue matches as whole words: "not" is not inside "notable".
std::string CueSource(const std::vector<std::string>& cues) {
  std::string alt;
  for (const std::string& c : cues) alt += (alt.empty() ? "" : "|") + c;
  if (alt.empty()) alt = "$^";
  return "\\b(?:" + alt + ")\\b";
}

Result<std::unique_ptr<RE2>> CueRegex(const std::vector<std::string>& cues,
                                      int64_t pattern_max_mem) {
  auto re = std::make_unique<RE2>(CueSource(cues), PatternOptions(pattern_max_mem * 4));
  if (!re->ok()) return Status::Error("cue list does not compile: " + re->error());
  return re;
}

// Negation as pattern 0, modality as 1 (CueSet::clause); null if the pair does
// not compile as a set, which leaves the two regexes to do the work.
std::unique_ptr<RE2::Set> ClauseCues(const std::vector<std::string>& negation,
                                     const std::vector<std::string>& modality,
                                     int64_t pattern_max_mem) {
  auto set = std::make_unique<RE2::Set>(PatternOptions(pattern_max_mem * 8), RE2::UNANCHORED);
  if (set->Add(CueSource(negation), nullptr) != 0 || set->Add(CueSource(modality), nullptr) != 1 ||
      !set->Compile()) {
    return nullptr;
  }
  return set;
}

// One built-in rule file, byte for byte (Loader::Load compiles everything if
// it has includes, whose files could differ), at a budget no smaller than the default: the build's
// tests compile each of its patterns at the default budget (RulePackTest), and a larger one only
// allows more.
bool IsBuiltInPack(const std::vector<RuleSource>& sources, int64_t pattern_max_mem) {
  if (sources.size() != 1 || pattern_max_mem < kDefaultPatternMaxMem) return false;
  const std::string& text = sources.front().text;
  for (std::string_view name : EmbeddedRuleFileNames()) {
    if (EmbeddedRuleFile(name) == text) return true;
  }
  return false;
}

}  // namespace

Result<std::shared_ptr<const RulePack>> LoadRulePack(const std::vector<RuleSource>& sources,
                                                     int64_t pattern_max_mem,
                                                     bool defer_known_patterns,
                                                     bool build_in_parallel) {
  auto pack = std::make_shared<RulePack>();
  std::set<std::string> entity_names, rule_names;
  Loader loader(pack.get(), &entity_names, &rule_names, pattern_max_mem);
  loader.defer_patterns = defer_known_patterns && IsBuiltInPack(sources, pattern_max_mem);
  for (const RuleSource& source : sources) {
    if (Status status = loader.Load(source); !status.ok()) return status;
  }
  // In CueList bit order.
  pack->cues.filter = std::make_shared<const CueFilter>(
      std::vector<std::vector<std::string>>{loader.negation, loader.modality, loader.hedge});
  // The prefilter, the largest step after reading the files, reads only the
  // patterns, the entities and the cue filter, none of which changes below:
  // with a thread to spare it is built beside the cue regexes and the slot
  // locator. (Declared after `pack`, the future waits for it on every return.)
  std::future<std::shared_ptr<const PatternPrefilter>> prefilter_later;
  if (build_in_parallel) {
    try {
      prefilter_later = std::async(std::launch::async,
                                   [pack = pack.get()] { return MakePatternPrefilter(*pack); });
    } catch (const std::system_error&) {
      // No thread to be had: built below, in turn.
    }
  }
  auto neg_result = CueRegex(loader.negation, pattern_max_mem);
  if (!neg_result.ok()) return neg_result.status();
  auto neg = std::move(neg_result.value());
  auto mod_result = CueRegex(loader.modality, pattern_max_mem);
  if (!mod_result.ok()) return mod_result.status();
  auto mod = std::move(mod_result.value());
  auto hedge_result = CueRegex(loader.hedge, pattern_max_mem);
  if (!hedge_result.ok()) return hedge_result.status();
  auto hedge = std::move(hedge_result.value());
  pack->cues.negation = std::move(neg);
  pack->cues.modality = std::move(mod);
  pack->cues.hedge = std::move(hedge);
  pack->cues.clause = ClauseCues(loader.negation, loader.modality, pattern_max_mem);
  auto slots = std::make_shared<const SlotLocator>(pack->patterns);
  pack->prefilter = prefilter_later.valid() ? prefilter_later.get() : MakePatternPrefilter(*pack);
  pack->slots = std::move(slots);
  return std::shared_ptr<const RulePack>(std::move(pack));
}

}  // namespace kg
