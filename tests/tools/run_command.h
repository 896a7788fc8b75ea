// Runs a shell command for end-to-end tests and captures what it printed.
#ifndef KG_TESTS_TOOLS_RUN_COMMAND_H_
#define KG_TESTS_TOOLS_RUN_COMMAND_H_

#include <string>

namespace kg::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh; `input`, if not empty, is fed to its stdin.
CommandResult RunCommand(const std::string& command, const std::string& input = "");

// A fresh empty directory under the test temp dir.
std::string MakeTempDir(const std::string& name);

void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

// Single-quotes `s` for the shell.
std::string ShellQuote(const std::string& s);

}  // namespace kg::testing

#endif  // KG_TESTS_TOOLS_RUN_COMMAND_H_
