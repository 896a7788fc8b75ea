// Loading rules/time.yaml: every problem is an error at file:line:column and
// nothing is half-loaded; and the examples written in the shipped rules hold.
#include "extract/time/time_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

// A minimal valid file to which each test adds or breaks one thing.
const char kSlots[] =
    "slots:\n"
    "  month:\n"
    "    words: {january: 1, march: 3}\n"
    "  year:\n"
    "    pattern: '[0-9]{4}'\n";

std::string WithRule(const std::string& rule) { return std::string(kSlots) + "rules:\n" + rule; }

struct ErrorRow {
  std::string yaml;
  int line;
  int column;
  const char* message_part;
};

TEST(TimeRulesTest, ErrorsAreLocated) {
  const ErrorRow rows[] = {
      {WithRule("  - name: a\n    patern: '{month}'\n    type: DATE\n    resolve: date\n"), 8, 5,
       "unknown key 'patern'"},
      {WithRule("  - name: a\n    pattern: '{month} (['\n    type: DATE\n    resolve: date\n"), 8,
       14, "bad pattern"},
      {WithRule("  - name: a\n    pattern: '{monht}'\n    type: DATE\n    resolve: date\n"), 8, 14,
       "unknown slot '{monht}'"},
      {WithRule("  - name: a\n    pattern: '({month})'\n    type: DATE\n    resolve: date\n"), 8,
       14, "(?:...)"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DAY\n    resolve: date\n"), 9, 11,
       "type must be"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DATE\n    resolve: guess\n"), 10,
       14, "resolve must be"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DATE\n    resolve: date\n"
                "    shift: soon\n"),
       11, 12, "expected an integer"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DURATION\n    resolve: template\n"),
       7, 5, "needs 'value'"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DATE\n    resolve: date\n"
                "    slots: {colour: red}\n"),
       11, 13, "unknown slot 'colour'"},
      {std::string(kSlots) + "  day:\n    slot: dya\n    pattern: '[0-9]'\nrules: []\n", 7, 11,
       "unknown slot 'dya'"},
      {std::string(kSlots) + "tense: {futur: 'will'}\nrules: []\n", 6, 9, "unknown key 'futur'"},
      // Tense cues are checked as compiled for use, with CheckRegex's messages.
      {std::string(kSlots) + "tense: {future: 'will (', past: 'was'}\nrules: []\n", 6, 17,
       "tense future: bad regex: missing ): will ("},
      {std::string(kSlots) + "tense: {future: 'will', past: '(was)'}\nrules: []\n", 6, 31,
       "tense past: use (?:...) groups, not capturing (...)"},
      {std::string(kSlots) + "rules: [\n", 7, 1, "YAML syntax"},
      {WithRule("  - name: a\n    pattern: '{month}'\n    type: DATE\n    resolve: date\n"
                "  - name: a\n    pattern: '{year}'\n    type: DATE\n    resolve: date\n"),
       11, 11, "already defined at line 7"},
      {"slots: {}\nrule: []\n", 2, 1, "unknown key 'rule'"},
  };
  for (const ErrorRow& row : rows) {
    SCOPED_TRACE(row.yaml);
    Result<TimeTagger> tagger = TimeTagger::FromYaml(row.yaml, "t.yaml");
    ASSERT_FALSE(tagger.ok());
    const Status& s = tagger.status();
    EXPECT_EQ(s.file(), "t.yaml");
    EXPECT_EQ(s.line(), row.line) << s.ToString();
    EXPECT_EQ(s.column(), row.column) << s.ToString();
    EXPECT_NE(s.message().find(row.message_part), std::string::npos) << s.ToString();
  }
}

TEST(TimeRulesTest, AValidFileLoads) {
  Result<TimeTagger> tagger = TimeTagger::FromYaml(
      WithRule("  - name: month_year\n    pattern: '{month} {year}'\n    type: DATE\n"
               "    resolve: date\n"),
      "t.yaml");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  std::vector<TimeExpression> found = tagger->Find("In March 2021.", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2021-03");
}

TEST(TimeRulesTest, ShippedRulesCompile) {
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_GT((*rules)->rules.size(), 30u);
  EXPECT_GT((*rules)->examples.size(), 30u);
}

// Every `examples:` entry of rules/time.yaml: the text yields an expression
// with that value (an empty value: the text yields nothing).
TEST(TimeRulesTest, ShippedExamplesHold) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  TimeExampleReport report = tagger->TestExamples();
  for (const TimeExampleFailure& f : report.failures) {
    ADD_FAILURE() << f.file << ":" << f.line << ": rule '" << f.rule << "': " << f.message;
  }
  EXPECT_GT(report.passed, 30);
}

TEST(TimeRulesTest, FailingExamplesAreReportedWithTheirLine) {
  Result<TimeTagger> tagger = TimeTagger::FromYaml(
      WithRule("  - name: month_year\n    pattern: '{month} {year}'\n    type: DATE\n"
               "    resolve: date\n    examples:\n"
               "      - {text: 'March 2021', value: '2021-03'}\n"
               "      - {text: 'March 2021', value: '2021-04'}\n"
               "      - {text: 'March', value: ''}\n"),
      "t.yaml");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  TimeExampleReport report = tagger->TestExamples();
  EXPECT_EQ(report.passed, 2);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].file, "t.yaml");
  EXPECT_EQ(report.failures[0].line, 13);
  EXPECT_EQ(report.failures[0].rule, "month_year");
  EXPECT_NE(report.failures[0].message.find("want 2021-04, found March 2021 = 2021-03"),
            std::string::npos)
      << report.failures[0].message;
}

}  // namespace
}  // namespace kg
