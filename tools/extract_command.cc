// kg extract: facts (or, with --times, time expressions) as JSON Lines on stdout.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <span>

#include "extract/time/time_expression.h"
#include "graph/model/fact_json.h"
#include "rules/embedded_rules.h"
#include "tools/cli_util.h"
#include "tools/commands.h"
#include "tools/ordered_pipeline.h"

namespace kg {
namespace {

struct ExtractOptions {
  std::vector<std::string> rules;
  std::string time_rules;
  DocumentInputOptions input;
  ExtractorOptions caps;
  int jobs = 0;
  bool times = false;
  std::vector<std::string> paths;
};

Status WriteLines(const std::string& lines) {
  if (std::fwrite(lines.data(), 1, lines.size(), stdout) != lines.size()) {
    return Status::Error("cannot write to standard output");
  }
  return Status::Ok();
}

std::string TimeToJsonLine(const std::string& doc, const TimeExpression& t) {
  nlohmann::ordered_json j;
  j["doc"] = doc;
  j["text"] = t.text;
  j["span"] = {t.begin, t.end};
  j["value"] = t.value;
  j["type"] = t.type;
  j["start"] = t.days ? nlohmann::ordered_json(t.days->start.ToString()) : nullptr;
  j["end"] = t.days ? nlohmann::ordered_json(t.days->end.ToString()) : nullptr;
  if (!t.mod.empty()) j["mod"] = t.mod;
  j["source"] = t.relative ? "relative" : "explicit";
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<RuleSource> TimeRuleSource(const std::string& path) {
  if (path.empty()) return RuleSource{"time.yaml", std::string(EmbeddedRuleFile("time.yaml"))};
  Result<std::vector<RuleSource>> sources = ReadRuleSources({path});
  if (!sources.ok()) return sources.status();
  return std::move(sources->front());
}

int RunTimes(const ExtractOptions& options, const ReadOptions& read_options) {
  Result<RuleSource> source = TimeRuleSource(options.time_rules);
  if (!source.ok()) return ReportError(source.status());
  Result<TimeTagger> tagger = TimeTagger::FromYaml(source->text, source->name);
  if (!tagger.ok()) return ReportError(tagger.status());
  std::function<std::string(const Document&)> work = [&](const Document& doc) {
    std::string out;
    for (const TimeExpression& t : tagger->Find(doc.text, doc.date))
      out += TimeToJsonLine(doc.id, t);
    return out;
  };
  std::function<Status(const Document&, std::string&&)> sink =
      [](const Document&, std::string&& lines) { return WriteLines(lines); };
  Status s =
      ProcessDocumentsInOrder(options.paths, read_options, ResolveJobs(options.jobs), work, sink);
  return s.ok() ? 0 : ReportError(s);
}

int RunExtract(const ExtractOptions& options) {
  Result<ReadOptions> read = MakeReadOptions(options.input);
  if (!read.ok()) return ReportError(read.status());
  const ReadOptions& read_options = *read;
  if (options.times) return RunTimes(options, read_options);

  Result<std::vector<RuleSource>> packs = ReadRuleSources(options.rules);
  if (!packs.ok()) return ReportError(packs.status());
  std::optional<RuleSource> time_rules;
  if (!options.time_rules.empty()) {
    Result<RuleSource> source = TimeRuleSource(options.time_rules);
    if (!source.ok()) return ReportError(source.status());
    time_rules = std::move(source).value();
  }
  ExtractorOptions caps = options.caps;
  caps.defer_known_patterns = true;
  caps.load_in_parallel = ResolveJobs(options.jobs) > 1;
  Result<Extractor> extractor = Extractor::Create(*packs, time_rules, caps);
  if (!extractor.ok()) {
    return ReportError(WithRe2BudgetHint(extractor.status(), options.caps.re2_max_mem));
  }

  struct Output {
    std::string lines;
    std::vector<SkippedSentence> skipped;
  };
  std::function<Output(const Document&)> work = [&](const Document& doc) {
    // One fact list per worker thread, refilled for every document: its
    // records and their strings are allocated once, not per document.
    thread_local FactList facts;
    Output out;
    extractor->Extract(doc, &facts, &out.skipped);
    AppendFactJsonLines(std::span<const Fact>(facts.begin(), facts.size()), &out.lines);
    return out;
  };
  // The documents' lines are gathered and written a megabyte at a time: a
  // write per document was a system call each (stdout's buffer is a few kB
  // when it is a file or a pipe) and cost more than copying the lines once.
  constexpr size_t kWriteBytes = 1 << 20;
  std::string pending;
  // Warnings are printed in document order, like the facts: the lines of the
  // documents before one with a warning go out first.
  std::function<Status(const Document&, Output&&)> sink = [&](const Document& doc, Output&& out) {
    if (!out.skipped.empty()) {
      Status written = WriteLines(pending);
      pending.clear();
      if (!written.ok()) return written;
      std::fprintf(
          stderr, "%s\n",
          SkippedSentencesWarning(doc, out.skipped, options.caps.max_sentence_bytes).c_str());
    }
    if (pending.empty() && out.lines.size() >= kWriteBytes) return WriteLines(out.lines);
    pending += out.lines;
    if (pending.size() < kWriteBytes) return Status::Ok();
    Status written = WriteLines(pending);
    pending.clear();
    return written;
  };
  Status s =
      ProcessDocumentsInOrder(options.paths, read_options, ResolveJobs(options.jobs), work, sink);
  // What the documents before an error gave is written, as it was when each
  // document's lines went out at once.
  if (Status written = WriteLines(pending); s.ok()) s = written;
  if (s.ok() && std::fflush(stdout) != 0) s = Status::Error("cannot write to standard output");
  // Not destroyed: the process ends when this returns, and freeing the
  // extractor (the patterns compiled on first use, with their DFA caches, and
  // the time rules' scanner) cost ~20 M instructions to hand back memory that
  // exiting hands back anyway. It is moved into static storage, so leak
  // checkers still reach what it holds.
  alignas(Extractor) static unsigned char left_for_exit[sizeof(Extractor)];
  new (left_for_exit) Extractor(std::move(extractor).value());
  return s.ok() ? 0 : ReportError(s);
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract facts from documents, one JSON object a line on stdout");
  cmd->add_option("--rules", options->rules,
                  "Rule pack file (repeatable; default: the built-in news pack)");
  cmd->add_option("--time-rules", options->time_rules,
                  "Time expression rules (default: the built-in rules/time.yaml)");
  AddDocumentInputOptions(cmd, &options->input);
  AddExtractorOptions(cmd, &options->caps, /*sentences=*/true);
  cmd->add_option("-j,--jobs", options->jobs,
                  "Worker threads (default: all cores; output is "
                  "identical for any value)")
      ->check(JobsValidator());
  cmd->add_flag("--times", options->times, "List the time expressions found instead of facts");
  cmd->add_option("paths", options->paths,
                  "Text files, directories, .jsonl documents, or - for stdin")
      ->required();
  cmd->callback([options, exit_code] { *exit_code = RunExtract(*options); });
}

}  // namespace kg
