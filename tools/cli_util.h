// Small pieces every kg subcommand shares: reporting a Status as the one-line
// error, reading files, parsing option values, loading rule files.
#ifndef KG_TOOLS_CLI_UTIL_H_
#define KG_TOOLS_CLI_UTIL_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

// Prints "kg: <status>" on stderr and returns the exit status for bad input (1).
int ReportError(const Status& status);

// The whole file, or an error naming it.
Result<std::string> ReadWholeFile(const std::string& path);

// --date: YYYY-MM-DD or "" (none).
Result<std::optional<Date>> ParseDateOption(const std::string& text);

// The options of every command that reads documents: --date, --dates, --jsonl.
struct DocumentInputOptions {
  std::string date;
  std::string dates;
  bool stdin_jsonl = false;
};
void AddDocumentInputOptions(CLI::App* cmd, DocumentInputOptions* options);
// The reader's options from them; a malformed --date is an error.
Result<ReadOptions> MakeReadOptions(const DocumentInputOptions& options);

// The rule files named by --rules (empty: none, so the built-in pack is used).
Result<std::vector<RuleSource>> ReadRuleSources(const std::vector<std::string>& paths);

// --jobs: 0 means all cores.
int ResolveJobs(int jobs);

// Accepts 0 or a positive count for --jobs, with a short message otherwise.
CLI::Validator JobsValidator();

}  // namespace kg

#endif  // KG_TOOLS_CLI_UTIL_H_
