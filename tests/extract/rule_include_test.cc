// Packs compose: a rule file includes others (files beside it or built-in
// packs) and may redefine their entities, override or extend their relations;
// cycles and missing files are errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/extractor.h"

namespace kg {
namespace {

std::string TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("kg_rule_include_" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

RuleSource WriteRules(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
  return RuleSource{path, text};
}

std::vector<Fact> ExtractText(const Extractor& extractor, const std::string& text) {
  Document doc;
  doc.id = "t.txt";
  doc.text = text;
  return extractor.Extract(doc);
}

TEST(RuleIncludeTest, ExtendsTheBuiltInPack) {
  std::string dir = TempDir("extend");
  RuleSource mine =
      WriteRules(dir + "/mine.yaml",
                 "include: news.yaml\n"
                 "entities:\n"
                 "  - {name: Zorblax Corp, type: organization, aliases: [Zorblax]}\n");
  Result<Extractor> ex = Extractor::Create({mine}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::vector<Fact> facts = ExtractText(*ex, "Microsoft acquired Zorblax in 2016.");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].subject, "Microsoft");    // from the built-in gazetteer
  EXPECT_EQ(facts[0].relation, "acquired");    // a built-in rule
  EXPECT_EQ(facts[0].object, "Zorblax Corp");  // from the including file
}

TEST(RuleIncludeTest, LaterFileRedefinesAnEntity) {
  std::string dir = TempDir("override");
  WriteRules(dir + "/base.yaml",
             "entities:\n  - {name: Acme, type: organization}\n"
             "relations:\n  - name: acquired\n    verbs: [acquired]\n    templates: [active]\n");
  RuleSource top = WriteRules(dir + "/top.yaml",
                              "include: base.yaml\n"
                              "entities:\n"
                              "  - {name: Acme, type: organization, aliases: [Acme Widgets]}\n"
                              "  - {name: Beta, type: organization}\n");
  Result<Extractor> ex = Extractor::Create({top}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::vector<Fact> facts = ExtractText(*ex, "Beta acquired Acme Widgets.");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].object, "Acme");
}

// A pack with one relation and an example, included by the tests below.
constexpr char kBase[] =
    "entities:\n  - {name: Acme, type: organization}\n  - {name: Beta, type: organization}\n"
    "relations:\n  - name: acquired\n    verbs: [acquired]\n    templates: [active]\n"
    "    examples:\n      - text: Acme acquired Beta.\n        facts: [[Acme, acquired, Beta]]\n";

std::string Show(const std::vector<Fact>& facts) {
  std::string s;
  for (const Fact& f : facts) {
    s += (s.empty() ? "" : "; ") + f.subject + " " + f.relation + " " + f.object + " (" + f.rule +
         ")";
  }
  return s;
}

TEST(RuleIncludeTest, OverrideReplacesAnIncludedRelation) {
  std::string dir = TempDir("relation_override");
  WriteRules(dir + "/base.yaml", kBase);
  RuleSource top = WriteRules(dir + "/top.yaml",
                              "include: base.yaml\n"
                              "relations:\n"
                              "  - name: acquired\n    override: true\n"
                              "    verbs: [bought]\n    templates: [active]\n");
  Result<Extractor> ex = Extractor::Create({top}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  // The old verb and the old example are gone with the old definition.
  EXPECT_EQ(Show(ExtractText(*ex, "Acme acquired Beta.")), "");
  EXPECT_EQ(Show(ExtractText(*ex, "Acme bought Beta.")), "Acme acquired Beta (acquired.active1)");
  EXPECT_EQ(ex->TestExamples().passed, 0);
  EXPECT_TRUE(ex->TestExamples().failures.empty());
}

TEST(RuleIncludeTest, ExtendAddsFormsToAnIncludedRelation) {
  std::string dir = TempDir("relation_extend");
  WriteRules(dir + "/base.yaml", kBase);
  RuleSource top = WriteRules(dir + "/top.yaml",
                              "include: base.yaml\n"
                              "relations:\n"
                              "  - name: acquired\n    extend: true\n"
                              "    patterns: ['{subj} snapped up {obj}']\n"
                              "    examples:\n      - text: Beta snapped up Acme.\n"
                              "        facts: [[Beta, acquired, Acme]]\n");
  Result<Extractor> ex = Extractor::Create({top}, std::nullopt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_EQ(Show(ExtractText(*ex, "Acme acquired Beta.")), "Acme acquired Beta (acquired.active1)");
  EXPECT_EQ(Show(ExtractText(*ex, "Beta snapped up Acme.")),
            "Beta acquired Acme (acquired.extend1.pattern1)");
  const RuleTestReport report = ex->TestExamples();
  EXPECT_EQ(report.passed, 2);  // the included example and the extension's
  EXPECT_TRUE(report.failures.empty());
}

TEST(RuleIncludeTest, RelationRedefinitionMustSaySo) {
  std::string dir = TempDir("relation_errors");
  WriteRules(dir + "/base.yaml", kBase);
  struct Case {
    const char* yaml;
    const char* message;
  };
  const Case cases[] = {
      {"include: base.yaml\nrelations:\n  - {name: acquired, patterns: ['{subj} got {obj}']}\n",
       "top.yaml:3:12: duplicate rule 'acquired' (defined in DIR/base.yaml; say 'override: true' "
       "to replace it or 'extend: true' to add to it)"},
      {"relations:\n  - {name: sold, override: true, patterns: ['{subj} sold {obj}']}\n",
       "top.yaml:2:28: rule 'sold': no earlier rule 'sold' to override"},
      {"include: base.yaml\nrelations:\n  - {name: acquired, override: true, extend: true, "
       "patterns: ['{subj} got {obj}']}\n",
       "top.yaml:3:46: rule 'acquired': 'override' and 'extend' exclude each other"},
      {"include: base.yaml\nrelations:\n  - {name: acquired, extend: yes, patterns: ['{subj} got "
       "{obj}']}\n",
       "top.yaml:3:30: rule 'acquired': 'extend' must be true or false"},
  };
  for (const Case& c : cases) {
    RuleSource top = WriteRules(dir + "/top.yaml", c.yaml);
    Result<Extractor> ex = Extractor::Create({top}, std::nullopt);
    ASSERT_FALSE(ex.ok()) << c.yaml;
    std::string got = ex.status().ToString();
    for (size_t at; (at = got.find(dir + "/")) != std::string::npos;) {
      got.replace(at, dir.size() + 1,
                  got.compare(at + dir.size() + 1, 8, "top.yaml") == 0 && at == 0 ? "" : "DIR/");
    }
    EXPECT_EQ(got, c.message) << c.yaml;
  }
}

TEST(RuleIncludeTest, DuplicateInOneFileIsStillAnError) {
  std::string dir = TempDir("duplicate");
  RuleSource f = WriteRules(dir + "/dup.yaml",
                            "entities:\n  - {name: Acme, type: organization}\n"
                            "  - {name: Acme, type: person}\n");
  Result<Extractor> ex = Extractor::Create({f}, std::nullopt);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().line(), 3);
  EXPECT_NE(ex.status().message().find("duplicate entity 'Acme'"), std::string::npos);
}

TEST(RuleIncludeTest, CycleIsALocatedError) {
  std::string dir = TempDir("cycle");
  WriteRules(dir + "/b.yaml", "include: a.yaml\n");
  RuleSource a = WriteRules(dir + "/a.yaml", "include: [b.yaml]\n");
  Result<Extractor> ex = Extractor::Create({a}, std::nullopt);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().file(), dir + "/b.yaml");
  EXPECT_EQ(ex.status().line(), 1);
  EXPECT_NE(ex.status().message().find("include cycle"), std::string::npos)
      << ex.status().ToString();
}

TEST(RuleIncludeTest, MissingIncludeIsALocatedError) {
  std::string dir = TempDir("missing");
  RuleSource f = WriteRules(dir + "/f.yaml", "entities: []\ninclude: nosuch.yaml\n");
  Result<Extractor> ex = Extractor::Create({f}, std::nullopt);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().ToString().rfind(dir + "/f.yaml:2:", 0), 0u) << ex.status().ToString();
  EXPECT_NE(ex.status().message().find("nosuch.yaml"), std::string::npos);
}

TEST(RuleIncludeTest, DiamondIncludesLoadOnce) {
  std::string dir = TempDir("diamond");
  WriteRules(dir + "/common.yaml", "entities:\n  - {name: Acme, type: organization}\n");
  WriteRules(dir + "/left.yaml", "include: common.yaml\n");
  WriteRules(dir + "/right.yaml", "include: common.yaml\n");
  RuleSource top = WriteRules(dir + "/top.yaml", "include: [left.yaml, right.yaml]\n");
  Result<Extractor> ex = Extractor::Create({top}, std::nullopt);
  EXPECT_TRUE(ex.ok()) << ex.status().ToString();
}

}  // namespace
}  // namespace kg
