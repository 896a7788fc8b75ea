// kg: turns news articles into a temporal knowledge graph and answers questions
// about it. Each subcommand lives in its own *_command.cc (see commands.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "tools/commands.h"

namespace {

// CLI11 messages may span lines and quote numeric limits at full length; the
// first line says what is wrong, and that is what a user needs.
std::string OneLine(const std::string& message) {
  std::string line = message.substr(0, message.find('\n'));
  constexpr size_t kMaxLength = 200;
  if (line.size() > kMaxLength) line = line.substr(0, kMaxLength) + "...";
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "kg: build a temporal knowledge graph of who did what to whom, and when, from news text"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kg 0.1.0");
  int exit_code = 0;
  kg::AddExtractCommand(app, &exit_code);
  kg::AddBuildCommand(app, &exit_code);
  kg::AddQueryCommand(app, &exit_code);
  kg::AddExportCommand(app, &exit_code);
  kg::AddRulesCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version print as CLI11 formats them; a usage error is one
    // line, like every other kg error.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::fprintf(stderr, "kg: %s (see kg --help)\n", OneLine(e.what()).c_str());
    return e.get_exit_code();
  } catch (const std::exception& e) {
    // Library code reports errors as values; this is the last guard so that no
    // input ever ends kg with an abort.
    std::fprintf(stderr, "kg: internal error: %s\n", e.what());
    return 3;
  }
  return exit_code;
}
