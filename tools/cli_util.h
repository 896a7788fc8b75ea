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

// The options of every command that reads documents: --date, --dates, --jsonl
// and the reader's caps --max-document-bytes, --max-json-depth.
struct DocumentInputOptions {
  std::string date;
  std::string dates;
  bool stdin_jsonl = false;
  size_t max_document_bytes = ReadOptions().max_document_bytes;
  int max_json_depth = ReadOptions().max_json_depth;
};
void AddDocumentInputOptions(CLI::App* cmd, DocumentInputOptions* options);
// The reader's options from them; a malformed --date is an error.
Result<ReadOptions> MakeReadOptions(const DocumentInputOptions& options);

// --re2-max-mem (every command that loads relation rules) and, when
// `sentences`, --max-sentence-bytes (commands that extract).
void AddExtractorOptions(CLI::App* cmd, ExtractorOptions* options, bool sentences);

// The one-line warning for a document whose sentences over the cap were
// skipped: which document, how many, where the first is, which flag raises it.
std::string SkippedSentencesWarning(const Document& doc,
                                    const std::vector<SkippedSentence>& skipped, size_t cap);

// A load error from a pattern over the RE2 budget, with the flag that raises it.
Status WithRe2BudgetHint(const Status& status, int64_t budget);

// "65536", "64K", "16M", "1G" (binary multiples; "KiB", "MB" and the like
// too) -> bytes. Nullopt for anything else, zero, or more than 2^62.
std::optional<uint64_t> ParseByteCount(const std::string& text);

// The rule files named by --rules (empty: none, so the built-in pack is used).
Result<std::vector<RuleSource>> ReadRuleSources(const std::vector<std::string>& paths);

// --jobs: 0 means all cores.
int ResolveJobs(int jobs);

// Accepts 0 or a positive count for --jobs, with a short message otherwise.
CLI::Validator JobsValidator();

// Accepts a count from 1 to 999999999 (the --max-* options that are not sizes).
CLI::Validator PositiveCountValidator();

}  // namespace kg

#endif  // KG_TOOLS_CLI_UTIL_H_
