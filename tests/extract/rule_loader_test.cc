// Rule file errors: each bad file gives one located message naming the rule,
// and nothing is half-loaded.
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

std::string LoadError(const std::string& yaml) {
  auto ex = Extractor::Create({RuleSource{"bad.yaml", yaml}}, std::nullopt);
  if (ex.ok()) return "ok";
  return ex.status().ToString();
}

struct BadRuleCase {
  const char* yaml;
  const char* message;
};

TEST(RuleLoaderTest, BadFilesGiveLocatedMessages) {
  const BadRuleCase cases[] = {
      {"relations: [", "bad.yaml:1:1: YAML syntax: end of sequence flow not found"},
      {"relation: []\n",
       "bad.yaml:1:1: unknown key 'relation' in rule file (known: include, entities, roles, names, "
       "titles, cues, relations)"},
      {"relations:\n  - name: acquired\n    patern: x\n",
       "bad.yaml:3:5: unknown key 'patern' in rule 'acquired' (known: name, symmetric, stative, "
       "possessor_object, subject, "
       "object, verbs, bases, participles, passive_preps, nouns, noun_preps, titles, templates, "
       "patterns, examples, counterexamples, override, extend)"},
      {"relations:\n  - verbs: [bought]\n    templates: [active]\n",
       "bad.yaml:2:5: missing 'name' in a rule"},
      {"relations:\n  - name: acquired\n    verbs: {a: b}\n    templates: [active]\n",
       "bad.yaml:3:12: rule 'acquired': 'verbs': expected a string or a list of strings"},
      {"relations:\n  - {name: a, patterns: ['{subj} x {obj}']}\n  - {name: a, patterns: ['{subj} "
       "y {obj}']}\n",
       "bad.yaml:3:12: duplicate rule 'a'"},
      {"entities:\n  - {name: X, type: platform}\n  - {name: X, type: person}\n",
       "bad.yaml:3:5: duplicate entity 'X'"},
      {"entities:\n  - {names: [X, Y, X], type: place}\n", "bad.yaml:2:5: duplicate entity 'X'"},
      {"entities:\n  - {name: X, type: place}\n  - {names: [Y, X], type: place}\n",
       "bad.yaml:3:5: duplicate entity 'X'"},
      {"entities:\n  - {names: [X], aliases: [Z], type: place}\n",
       "bad.yaml:2:27: an entity list ('names') takes no 'aliases': give that entity an entry of "
       "its "
       "own"},
      {"entities:\n  - {names: [X, Y]}\n", "bad.yaml:2:5: missing 'type' in an entity list"},
      {"relations:\n  - name: a\n    patterns: ['{subj} (bought {obj}']\n",
       "bad.yaml:3:15: rule 'a': pattern 'pattern1' does not compile: missing ) in '{subj} (bought "
       "{obj}'"},
      {"relations:\n  - name: a\n    patterns: ['{subj} bought it']\n",
       "bad.yaml:3:15: rule 'a': pattern 'pattern1' has no {obj} slot (only symmetric rules may "
       "pair a coordinated {subj})"},
      {"relations:\n  - name: a\n    patterns: ['bought {obj}']\n",
       "bad.yaml:3:15: rule 'a': pattern 'pattern1' has no {subj} slot"},
      {"relations:\n  - name: a\n    templates: [activ]\n    verbs: [bought]\n",
       "bad.yaml:3:16: rule 'a': unknown template 'activ' (known: active, active_base, "
       "passive, nominal, title, coordination, coordination_base)"},
      {"relations:\n  - name: a\n    templates: [passive]\n",
       "bad.yaml:3:16: rule 'a': template 'passive' needs 'participles'"},
      {"relations:\n  - name: a\n    patterns: ['{subj} {oops} {obj}']\n",
       "bad.yaml:3:15: rule 'a': pattern 'pattern1': unknown macro {oops}"},
      {"entities:\n  - {name: X, type: platform, aliases: [{alias: Twitter}]}\n",
       "bad.yaml:2:41: entity 'X': 'aliases': alias 'Twitter' needs 'from' or 'to'"},
      {"entities:\n  - {name: X, type: platform, aliases: [{alias: X, from: 2023}]}\n",
       "bad.yaml:2:58: entity 'X': 'aliases': alias 'X': 'from' is not a date YYYY-MM-DD"},
      {"entities:\n  - {name: X, type: platform, from: 2023-07-23, to: 2020-01-01}\n",
       "bad.yaml:2:53: entity 'X': 'to' is before 'from'"},
      {"roles:\n  - {phrase: she, types: [person], gender: woman}\n",
       "bad.yaml:2:44: role 'she': 'gender' must be male or female"},
      {"roles:\n  - {phrase: the boss, entity: Nobody}\n",
       "bad.yaml:2:32: role 'the boss': unknown entity 'Nobody'"},
      {"relations:\n  - name: a\n    patterns: ['{subj} x {obj}']\n    examples:\n      - text: "
       "A x B.\n",
       "bad.yaml:5:9: rule 'a': example: an example needs 'facts'"},
  };
  for (const BadRuleCase& c : cases) {
    EXPECT_EQ(LoadError(c.yaml), c.message) << c.yaml;
  }
}

// Each cue is compiled alone at load so that a bad one is named; the built-in
// pack, loaded for kg extract (deferred), skips those probes only because its
// cues all pass them at the default budget, as its eager load shows. Any other
// pack is probed even when deferral is asked for.
TEST(RuleLoaderTest, CuesAreProbedUnlessTheBuiltInPackIsDeferred) {
  const RuleSource news{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))};
  auto eager = LoadRulePack({news});
  ASSERT_TRUE(eager.ok()) << eager.status().ToString();
  auto deferred = LoadRulePack({news}, int64_t{4} << 20, true);
  ASSERT_TRUE(deferred.ok()) << deferred.status().ToString();
  const RuleSource bad{"mine.yaml", "cues:\n  negation: [not, 'never (']\n"};
  for (const bool defer : {false, true}) {
    auto loaded = LoadRulePack({bad}, int64_t{4} << 20, defer);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().ToString(),
              "mine.yaml:2:13: cues: 'negation': invalid regex 'never (': missing ): never (");
  }
}

TEST(RuleLoaderTest, RegexMemoryIsBounded) {
  // A pattern whose program is far beyond the per-pattern budget is reported.
  std::string yaml =
      "relations:\n  - name: big\n    patterns: ['{subj} (?:[a-z]{1,1000}){1,1000} {obj}']\n";
  const std::string error = LoadError(yaml);
  EXPECT_NE(error.find("rule 'big': pattern 'pattern1' does not compile"), std::string::npos)
      << error;
}

TEST(RuleLoaderTest, BuiltInPackLoadsAndItsExamplesPass) {
  auto ex = Extractor::Create({}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const RuleTestReport report = ex->TestExamples();
  for (const RuleExampleFailure& f : report.failures) {
    ADD_FAILURE() << f.file << ":" << f.line << ": " << f.rule << ": " << f.message;
  }
  EXPECT_GT(report.passed, 33);
  bool twitter = false;
  for (const auto& [canonical, alias] : ex->Aliases()) {
    twitter = twitter || (canonical == "X" && alias == "Twitter");
  }
  EXPECT_TRUE(twitter);
}

// The matcher reads a pattern's kind from these flags, not from its name.
TEST(RuleLoaderTest, ActiveAndTitleFlagsFollowTheRuleName) {
  auto pack =
      LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))},
                    RuleSource{"mine.yaml",
                               "relations:\n  - name: bought\n    verbs: [bought]\n"
                               "    templates: [active]\n    patterns: ['{subj} got {obj}']\n"}});
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  int active = 0, title = 0, neither = 0;
  for (const PatternDef& p : (*pack)->patterns) {
    EXPECT_EQ(p.active, p.rule.find(".active") != std::string::npos) << p.rule;
    EXPECT_EQ(p.title, p.rule.find(".title") != std::string::npos) << p.rule;
    active += p.active;
    title += p.title;
    neither += !p.active && !p.title;
  }
  EXPECT_GT(active, 1);
  EXPECT_GT(title, 0);
  EXPECT_GT(neither, 0);
}

TEST(RuleLoaderTest, ExampleFailuresAreReported) {
  const char* yaml =
      "entities:\n  - {name: Acme, type: organization}\n  - {name: Bolt, type: organization}\n"
      "relations:\n  - name: acquired\n    verbs: [acquired]\n    templates: [active]\n"
      "    examples:\n      - text: Acme acquired Bolt.\n        facts: [[Bolt, acquired, Acme]]\n"
      "    counterexamples:\n      - Acme acquired Bolt.\n";
  auto ex = Extractor::Create({RuleSource{"mine.yaml", yaml}}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const RuleTestReport report = ex->TestExamples();
  EXPECT_EQ(report.passed, 0);
  ASSERT_EQ(report.failures.size(), 2u);
  EXPECT_EQ(report.failures[0].line, 9);
  EXPECT_EQ(report.failures[0].message,
            "\"Acme acquired Bolt.\": expected [Bolt, acquired, Acme], got [Acme, acquired, Bolt]");
  EXPECT_EQ(report.failures[1].message,
            "\"Acme acquired Bolt.\": counterexample gave [Acme, acquired, Bolt]");
}

// `names: [...]` is one entity of the entry's type for each name.
TEST(RuleLoaderTest, AnEntityListDefinesOneEntityForEachName) {
  const char* yaml =
      "entities:\n  - {name: Acme, type: organization}\n  - {names: [Velmor, Port Quocor], "
      "type: place}\n"
      "relations:\n  - name: visited\n    object: [place]\n    verbs: [visited]\n"
      "    templates: [active]\n"
      "    examples:\n      - text: Acme visited Port Quocor.\n"
      "        facts: [[Acme, visited, Port Quocor]]\n"
      "      - text: Acme visited Velmor.\n        facts: [[Acme, visited, Velmor]]\n";
  auto ex = Extractor::Create({RuleSource{"mine.yaml", yaml}}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const RuleTestReport report = ex->TestExamples();
  EXPECT_EQ(report.passed, 2);
  EXPECT_TRUE(report.failures.empty());
  Document doc;
  doc.id = "d";
  doc.text = "Acme visited Port Quocor.";
  const std::vector<Fact> facts = ex->Extract(doc);
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].object, "Port Quocor");
  EXPECT_EQ(facts[0].object_type, "place");
}

}  // namespace
}  // namespace kg
