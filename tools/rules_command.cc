// kg rules check F... / kg rules test F...: validate rule files, and run the
// examples written inside them. With no file, the built-in packs are used.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"
#include "tools/cli_util.h"
#include "tools/commands.h"

namespace kg {
namespace {

bool LooksLikeTimeRules(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return base.find("time") != std::string::npos;
}

// Validates one file as a relation pack or, by its name, as time rules.
Status CheckOne(const RuleSource& source, const ExtractorOptions& caps) {
  if (LooksLikeTimeRules(source.name)) {
    Result<TimeTagger> tagger = TimeTagger::FromYaml(source.text, source.name);
    return tagger.ok() ? Status::Ok() : tagger.status();
  }
  Result<Extractor> extractor = Extractor::Create({source}, std::nullopt, caps);
  return extractor.ok() ? Status::Ok() : WithRe2BudgetHint(extractor.status(), caps.re2_max_mem);
}

Result<std::vector<RuleSource>> SourcesOrDefault(const std::vector<std::string>& files) {
  if (!files.empty()) return ReadRuleSources(files);
  std::vector<RuleSource> sources;
  for (std::string_view name : EmbeddedRuleFileNames()) {
    sources.push_back(RuleSource{std::string(name), std::string(EmbeddedRuleFile(name))});
  }
  return sources;
}

int RunCheck(const std::vector<std::string>& files, const ExtractorOptions& caps) {
  Result<std::vector<RuleSource>> sources = SourcesOrDefault(files);
  if (!sources.ok()) return ReportError(sources.status());
  int status = 0;
  for (const RuleSource& source : *sources) {
    Status s = CheckOne(source, caps);
    if (!s.ok()) {
      status = ReportError(s);
    } else {
      std::printf("%s: ok\n", source.name.c_str());
    }
  }
  return status;
}

void PrintFailure(const std::string& file, int line, const std::string& rule,
                  const std::string& message) {
  std::printf("FAIL %s:%d: rule '%s': %s\n", file.c_str(), line, rule.c_str(), message.c_str());
}

// Runs the examples of every file: time files through the time tagger, the
// relation packs together (their entities and rules work as one pack).
int RunTest(const std::vector<std::string>& files, const ExtractorOptions& caps) {
  Result<std::vector<RuleSource>> sources = SourcesOrDefault(files);
  if (!sources.ok()) return ReportError(sources.status());
  int passed = 0;
  size_t failed = 0;
  std::vector<RuleSource> packs;
  for (RuleSource& source : *sources) {
    if (!LooksLikeTimeRules(source.name)) {
      packs.push_back(std::move(source));
      continue;
    }
    Result<TimeTagger> tagger = TimeTagger::FromYaml(source.text, source.name);
    if (!tagger.ok()) return ReportError(tagger.status());
    TimeExampleReport report = tagger->TestExamples();
    for (const TimeExampleFailure& f : report.failures)
      PrintFailure(f.file, f.line, f.rule, f.message);
    passed += report.passed;
    failed += report.failures.size();
  }
  if (!packs.empty()) {
    Result<Extractor> extractor = Extractor::Create(packs, std::nullopt, caps);
    if (!extractor.ok()) {
      return ReportError(WithRe2BudgetHint(extractor.status(), caps.re2_max_mem));
    }
    RuleTestReport report = extractor->TestExamples();
    for (const RuleExampleFailure& f : report.failures)
      PrintFailure(f.file, f.line, f.rule, f.message);
    passed += report.passed;
    failed += report.failures.size();
  }
  std::printf("%d passed, %zu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace

void AddRulesCommand(CLI::App& app, int* exit_code) {
  CLI::App* rules = app.add_subcommand("rules", "Check rule files and run their examples");
  rules->require_subcommand(1);
  auto check_files = std::make_shared<std::vector<std::string>>();
  auto check_caps = std::make_shared<ExtractorOptions>();
  CLI::App* check = rules->add_subcommand(
      "check", "Validate rule files (file:line:column errors); none given: the built-in packs");
  check->add_option("files", *check_files, "Rule files (*time*.yaml are read as time rules)");
  AddExtractorOptions(check, check_caps.get(), /*sentences=*/false);
  check->callback(
      [check_files, check_caps, exit_code] { *exit_code = RunCheck(*check_files, *check_caps); });

  auto test_files = std::make_shared<std::vector<std::string>>();
  auto test_caps = std::make_shared<ExtractorOptions>();
  CLI::App* test = rules->add_subcommand(
      "test", "Run the examples written inside rule files; none given: the built-in packs");
  test->add_option("files", *test_files, "Rule files");
  AddExtractorOptions(test, test_caps.get(), /*sentences=*/true);
  test->callback(
      [test_files, test_caps, exit_code] { *exit_code = RunTest(*test_files, *test_caps); });
}

}  // namespace kg
