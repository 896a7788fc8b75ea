// Golden bad-input tests: every case in cases.txt runs the real kg binary on
// one bad input and checks what a user sees — the exit status, a one-line
// message on stderr matching the expected pattern, no crash (exit < 128), no
// hang (a timeout), and no partial output file left behind. The case format
// is described at the top of cases.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tools/run_command.h"

namespace kg {
namespace {

using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::ShellQuote;
using testing::WriteFile;

struct GoldenCase {
  std::string name;
  int line = 0;  // where the case starts in cases.txt
  std::string setup;
  std::string run;
  std::string stdin_text;
  std::string exit = "nonzero";  // a number or "nonzero"
  std::string stderr_pattern;    // empty: stderr is not checked
  std::string stdout_pattern;
  std::vector<std::string> absent;
  std::string skip;
  int timeout_seconds = 60;
  int stderr_lines = 1;  // of a failing run
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Unescapes \n and \t in single-line fields (stdin), leaving other text alone.
std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out += s[++i] == 'n' ? '\n' : '\t';
    } else {
      out += s[i];
    }
  }
  return out;
}

// Problems in cases.txt itself, reported by GoldenCasesTest (parsing runs
// while tests are registered, outside any test).
std::vector<std::string>& FormatErrors() {
  static std::vector<std::string> errors;
  return errors;
}

std::vector<GoldenCase> LoadCases() {
  std::vector<GoldenCase> cases;
  auto error = [](int line, const std::string& message) {
    FormatErrors().push_back("cases.txt:" + std::to_string(line) + ": " + message);
  };
  std::ifstream in(KG_RELIABILITY_DIR "/cases.txt");
  if (!in) error(0, "cannot open " KG_RELIABILITY_DIR "/cases.txt");
  std::string raw;
  int line_no = 0;
  GoldenCase* current = nullptr;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      error(line_no, "expected 'field: value'");
      continue;
    }
    std::string field = line.substr(0, colon);
    std::string value = Trim(line.substr(colon + 1));
    if (field == "name") {
      cases.push_back(GoldenCase{});
      current = &cases.back();
      current->name = value;
      current->line = line_no;
      continue;
    }
    if (current == nullptr) {
      error(line_no, "field before the first 'name:'");
      continue;
    }
    if (field == "setup") {
      current->setup += value + "\n";
    } else if (field == "run") {
      current->run += value + "\n";
    } else if (field == "stdin") {
      current->stdin_text += Unescape(value);
    } else if (field == "exit") {
      current->exit = value;
    } else if (field == "stderr") {
      current->stderr_pattern = value;
    } else if (field == "stdout") {
      current->stdout_pattern = value;
    } else if (field == "absent") {
      current->absent.push_back(value);
    } else if (field == "skip") {
      current->skip = value;
    } else if (field == "timeout") {
      current->timeout_seconds = std::stoi(value);
    } else if (field == "lines") {
      current->stderr_lines = std::stoi(value);
    } else {
      error(line_no, "unknown field '" + field + "'");
    }
  }
  return cases;
}

const std::vector<GoldenCase>& Cases() {
  static const std::vector<GoldenCase> cases = LoadCases();
  return cases;
}

std::string ScriptHeader() {
  return "set -e\nexport KG=" + ShellQuote(KG_BINARY) + " SRC=" + ShellQuote(KG_SOURCE_DIR) +
         " SHARED=" + ShellQuote(KG_SHARED_DIR) + "\n";
}

class GoldenErrorTest : public ::testing::TestWithParam<size_t> {};

TEST_P(GoldenErrorTest, FailsCleanly) {
  const GoldenCase& c = Cases()[GetParam()];
  SCOPED_TRACE("cases.txt:" + std::to_string(c.line) + ": " + c.name);
  if (!c.skip.empty()) GTEST_SKIP() << c.skip;
  ASSERT_FALSE(c.run.empty()) << "no 'run:'";
  const std::string dir = MakeTempDir("golden_" + c.name);

  if (!c.setup.empty()) {
    WriteFile(dir + "/.setup.sh", ScriptHeader() + c.setup);
    CommandResult setup = RunCommand("cd " + ShellQuote(dir) + " && sh .setup.sh");
    if (setup.exit_code == 77) GTEST_SKIP() << "setup says: " << setup.out << setup.err;
    ASSERT_EQ(setup.exit_code, 0) << "setup failed: " << setup.err;
  }
  WriteFile(dir + "/.run.sh", ScriptHeader().substr(std::string("set -e\n").size()) + c.run);
  CommandResult r = RunCommand("cd " + ShellQuote(dir) + " && timeout -k 5 " +
                                   std::to_string(c.timeout_seconds) + " sh .run.sh",
                               c.stdin_text);

  EXPECT_NE(r.exit_code, 124) << "hung: killed after " << c.timeout_seconds << " s";
  EXPECT_LT(r.exit_code, 128) << "killed by signal " << r.exit_code - 128 << "\n" << r.err;
  if (c.exit == "nonzero") {
    EXPECT_NE(r.exit_code, 0) << r.out.substr(0, 500);
  } else {
    EXPECT_EQ(r.exit_code, std::stoi(c.exit)) << r.err;
  }
  if (r.exit_code != 0) {
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), c.stderr_lines)
        << "expected " << c.stderr_lines << " line(s) on stderr:\n"
        << r.err.substr(0, 2000);
    EXPECT_EQ(r.err.rfind("kg: ", 0), 0u) << r.err;
  }
  if (!c.stderr_pattern.empty()) {
    EXPECT_TRUE(std::regex_search(r.err, std::regex(c.stderr_pattern)))
        << "stderr does not match /" << c.stderr_pattern << "/:\n"
        << r.err.substr(0, 2000);
  }
  if (!c.stdout_pattern.empty()) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(c.stdout_pattern)))
        << "stdout does not match /" << c.stdout_pattern << "/:\n"
        << r.out.substr(0, 2000);
  }
  for (const std::string& path : c.absent) {
    EXPECT_FALSE(std::filesystem::exists(dir + "/" + path)) << "left behind: " << path;
  }
  std::filesystem::remove_all(dir);
}

std::string CaseName(const ::testing::TestParamInfo<size_t>& info) {
  std::string name = Cases()[info.param].name;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenErrorTest, ::testing::Range(size_t{0}, Cases().size()),
                         CaseName);

TEST(GoldenCasesTest, CatalogueIsComplete) {
  for (const std::string& e : FormatErrors()) ADD_FAILURE() << e;
  std::set<std::string> names;
  for (const GoldenCase& c : Cases()) {
    EXPECT_TRUE(names.insert(c.name).second) << "duplicate case name " << c.name;
  }
  EXPECT_GE(Cases().size(), 40u) << "cases.txt should hold at least 40 bad inputs";
}

}  // namespace
}  // namespace kg
