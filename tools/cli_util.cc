#include "tools/cli_util.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace kg {

int ReportError(const Status& status) {
  std::fprintf(stderr, "kg: %s\n", status.ToString().c_str());
  return 1;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  // An ifstream opens a directory without complaint and reads nothing.
  if (std::filesystem::is_directory(path, ec)) return Status::Error(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read error");
  return buffer.str();
}

Result<std::optional<Date>> ParseDateOption(const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  std::optional<Date> date = ParseDate(text);
  if (!date) return Status::Error("--date '" + text + "': expected a date YYYY-MM-DD");
  return date;
}

void AddDocumentInputOptions(CLI::App* cmd, DocumentInputOptions* options) {
  cmd->add_option("--date", options->date, "Document date YYYY-MM-DD for inputs without one");
  cmd->add_flag("--jsonl", options->stdin_jsonl,
                "Standard input (-) holds JSON Lines documents, read one line at a time");
  cmd->add_option("--dates", options->dates,
                  "Date manifest: a CSV of file,date lines for documents without a date line");
}

Result<ReadOptions> MakeReadOptions(const DocumentInputOptions& options) {
  Result<std::optional<Date>> date = ParseDateOption(options.date);
  if (!date.ok()) return date.status();
  ReadOptions read;
  read.default_date = *date;
  read.date_manifest = options.dates;
  read.stdin_jsonl = options.stdin_jsonl;
  return read;
}

Result<std::vector<RuleSource>> ReadRuleSources(const std::vector<std::string>& paths) {
  std::vector<RuleSource> sources;
  for (const std::string& path : paths) {
    Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return text.status();
    sources.push_back(RuleSource{path, std::move(text).value()});
  }
  return sources;
}

int ResolveJobs(int jobs) {
  if (jobs > 0) return jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

CLI::Validator JobsValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) return "";
        return "'" + value + "' is not a number of jobs (0 means all cores)";
      },
      "N");
}

}  // namespace kg
