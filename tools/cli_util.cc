#include "tools/cli_util.h"

#include <cctype>
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

namespace {

// Checks a byte count and hands CLI11 its plain decimal value.
CLI::Validator ByteCountValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::optional<uint64_t> bytes = ParseByteCount(value);
        if (!bytes) return "'" + value + "' is not a byte count (like 65536, 64K, 16M or 1G)";
        value = std::to_string(*bytes);
        return "";
      },
      "BYTES");
}

std::string DefaultIs(uint64_t bytes) { return " (default " + FormatByteCount(bytes) + ")"; }

}  // namespace

std::optional<uint64_t> ParseByteCount(const std::string& text) {
  size_t digits = text.find_first_not_of("0123456789");
  if (digits == 0 || text.empty()) return std::nullopt;
  if (digits == std::string::npos) digits = text.size();
  if (digits > 19) return std::nullopt;
  uint64_t value = std::stoull(text.substr(0, digits));
  std::string suffix = text.substr(digits);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int shift = 0;
  if (!suffix.empty()) {
    const std::string units = "KMG";
    size_t unit = units.find(suffix[0]);
    if (unit == std::string::npos) return std::nullopt;
    const std::string rest = suffix.substr(1);
    if (rest != "" && rest != "B" && rest != "IB") return std::nullopt;
    shift = 10 * static_cast<int>(unit + 1);
  }
  constexpr uint64_t kMax = uint64_t{1} << 62;
  if (value == 0 || value > (kMax >> shift)) return std::nullopt;
  return value << shift;
}

void AddDocumentInputOptions(CLI::App* cmd, DocumentInputOptions* options) {
  cmd->add_option("--date", options->date, "Document date YYYY-MM-DD for inputs without one");
  cmd->add_flag("--jsonl", options->stdin_jsonl,
                "Standard input (-) holds JSON Lines documents, read one line at a time");
  cmd->add_option("--dates", options->dates,
                  "Date manifest: a CSV of file,date lines for documents without a date line");
  cmd->add_option(
         "--max-document-bytes", options->max_document_bytes,
         "A larger document (or JSONL line) is an error" + DefaultIs(options->max_document_bytes))
      ->transform(ByteCountValidator());
  cmd->add_option("--max-json-depth", options->max_json_depth,
                  "A JSONL line nested deeper is an error (default " +
                      std::to_string(options->max_json_depth) + ")")
      ->transform(PositiveCountValidator());
}

void AddExtractorOptions(CLI::App* cmd, ExtractorOptions* options, bool sentences) {
  if (sentences) {
    cmd->add_option(
           "--max-sentence-bytes", options->max_sentence_bytes,
           "Longer sentences are skipped with a warning" + DefaultIs(options->max_sentence_bytes))
        ->transform(ByteCountValidator());
  }
  cmd->add_option("--re2-max-mem", options->re2_max_mem,
                  "RE2 memory budget of each relation pattern; a pattern needing more is an "
                  "error" +
                      DefaultIs(static_cast<uint64_t>(options->re2_max_mem)))
      ->transform(ByteCountValidator());
}

std::string SkippedSentencesWarning(const Document& doc,
                                    const std::vector<SkippedSentence>& skipped, size_t cap) {
  if (skipped.empty()) return "";
  const SkippedSentence& first = skipped.front();
  const std::string cap_text = " over the " + FormatByteCount(cap) + " sentence cap";
  const std::string hint = " (raise the cap with --max-sentence-bytes)";
  const std::string first_text =
      FormatByteCount(first.end - first.begin) + " at byte " + std::to_string(first.begin);
  if (skipped.size() == 1) {
    return "kg: warning: " + doc.id + ": skipped a sentence of " + first_text + "," + cap_text +
           ": no facts from it" + hint;
  }
  return "kg: warning: " + doc.id + ": skipped " + std::to_string(skipped.size()) + " sentences" +
         cap_text + " (the first: " + first_text + "): no facts from them" + hint;
}

Status WithRe2BudgetHint(const Status& status, int64_t budget) {
  // RE2 says "pattern too large - compile failed" when a program outgrows its
  // budget; the loader passes RE2's reason through.
  if (status.ok() || status.message().find("pattern too large") == std::string::npos) {
    return status;
  }
  return Status::ErrorAt(status.file(), status.line(), status.column(),
                         status.message() + " (over the RE2 budget of " +
                             FormatByteCount(static_cast<uint64_t>(budget)) +
                             " per pattern; raise it with --re2-max-mem)");
}

Result<ReadOptions> MakeReadOptions(const DocumentInputOptions& options) {
  Result<std::optional<Date>> date = ParseDateOption(options.date);
  if (!date.ok()) return date.status();
  ReadOptions read;
  read.default_date = *date;
  read.date_manifest = options.dates;
  read.stdin_jsonl = options.stdin_jsonl;
  read.max_document_bytes = options.max_document_bytes;
  read.max_json_depth = options.max_json_depth;
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

CLI::Validator PositiveCountValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (!value.empty() && value.size() <= 9 &&
            value.find_first_not_of("0123456789") == std::string::npos && std::stol(value) > 0) {
          return "";
        }
        return "'" + value + "' is not a count from 1 to 999999999";
      },
      "N");
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
