// kg build: extract documents (or read facts extracted elsewhere) into a temporal
// graph and save it. Inputs may mix documents and fact files: a .jsonl file
// whose first record has "subject" and "relation" is read as kg facts, so
// extraction can run sharded elsewhere and the graph be built from its output;
// a .csv file (subject, relation, object, start, end) brings facts from other tools.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "graph/export/fact_csv_reader.h"
#include "graph/graph_file.h"
#include "graph/model/fact_json.h"
#include "graph/temporal_graph.h"
#include "tools/cli_util.h"
#include "tools/commands.h"
#include "tools/ordered_pipeline.h"
#include "tools/progress.h"

namespace kg {
namespace {

struct BuildOptions {
  std::vector<std::string> rules;
  DocumentInputOptions input;
  ExtractorOptions caps;
  int jobs = 0;
  std::vector<std::string> paths;
  std::string output;
  bool append = false;
  bool quiet = false;
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// True if `path` is a JSON Lines file of facts rather than of documents.
bool IsFactFile(const std::string& path) {
  if (!EndsWith(path, ".jsonl")) return false;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    return j.is_object() && j.contains("subject") && j.contains("relation");
  }
  return false;
}

// Lets queries find entities by the names the text used for them.
void AddMentionAlias(TemporalGraph* graph, const std::string& canonical,
                     const MentionEvidence& mention) {
  if (mention.resolution == "pronoun" || mention.resolution == "role") return;
  if (!mention.text.empty() && mention.text.size() < 80) graph->AddAlias(canonical, mention.text);
}

// Adds the fact and the names its evidence used, so a graph built from fact
// shards answers to the same names as one built from the documents.
void AddFactWithAliases(TemporalGraph* graph, const Fact& fact) {
  graph->AddFact(fact);
  AddMentionAlias(graph, fact.subject, fact.subject_mention);
  AddMentionAlias(graph, fact.object, fact.object_mention);
}

// Streams a facts file into the graph, line by line.
Status AddFactFile(const std::string& path, TemporalGraph* graph, size_t* count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Result<Fact> fact = FactFromJson(line, path, line_no);
    if (!fact.ok()) return fact.status();
    AddFactWithAliases(graph, *fact);
    ++*count;
  }
  return Status::Ok();
}

int RunBuild(const BuildOptions& options) {
  Result<ReadOptions> read = MakeReadOptions(options.input);
  if (!read.ok()) return ReportError(read.status());
  const ReadOptions& read_options = *read;

  TemporalGraph graph;
  if (options.append) {
    Result<TemporalGraph> existing = LoadGraph(options.output);
    if (!existing.ok()) return ReportError(existing.status());
    graph = std::move(existing).value();
  }

  std::vector<std::string> document_paths;
  size_t fact_file_facts = 0;
  for (const std::string& path : options.paths) {
    if (EndsWith(path, ".csv")) {  // subject,relation,object,start,end from other tools
      Result<std::vector<Fact>> facts = ReadFactsCsvFile(path);
      if (!facts.ok()) return ReportError(facts.status());
      fact_file_facts += facts->size();
      for (const Fact& fact : *facts) graph.AddFact(fact);
      continue;
    }
    if (!IsFactFile(path)) {
      document_paths.push_back(path);
      continue;
    }
    if (Status s = AddFactFile(path, &graph, &fact_file_facts); !s.ok()) return ReportError(s);
  }

  size_t documents = 0;
  size_t extracted = 0;
  if (!document_paths.empty()) {
    Result<std::vector<RuleSource>> packs = ReadRuleSources(options.rules);
    if (!packs.ok()) return ReportError(packs.status());
    ExtractorOptions caps = options.caps;
    caps.defer_known_patterns = true;  // as `kg extract`: compile the built-in pack on first use
    caps.load_in_parallel = ResolveJobs(options.jobs) > 1;
    Result<Extractor> extractor = Extractor::Create(*packs, std::nullopt, caps);
    if (!extractor.ok()) {
      return ReportError(WithRe2BudgetHint(extractor.status(), options.caps.re2_max_mem));
    }
    struct Output {
      FactList facts;  // filled in place: no copy into a vector
      std::vector<SkippedSentence> skipped;
    };
    std::function<Output(const Document&)> work = [&](const Document& doc) {
      Output out;
      extractor->Extract(doc, &out.facts, &out.skipped);
      return out;
    };
    // Printed once the progress line is gone, in document order.
    std::vector<std::string> warnings;
    Status s;
    {
      Progress progress(TotalInputBytes(document_paths));
      std::function<Status(const Document&, Output&&)> sink = [&](const Document& doc,
                                                                  Output&& out) {
        ++documents;
        progress.Add(1, doc.text.size());
        if (!out.skipped.empty()) {
          warnings.push_back(
              SkippedSentencesWarning(doc, out.skipped, options.caps.max_sentence_bytes));
        }
        for (const Fact& fact : out.facts) {
          ++extracted;
          AddFactWithAliases(&graph, fact);
        }
        return Status::Ok();
      };
      s = ProcessDocumentsInOrder(document_paths, read_options, ResolveJobs(options.jobs), work,
                                  sink);
    }
    for (const std::string& w : warnings) std::fprintf(stderr, "%s\n", w.c_str());
    if (!s.ok()) return ReportError(s);
    for (const auto& [canonical, alias] : extractor->Aliases()) graph.AddAlias(canonical, alias);
  }

  if (Status s = SaveGraph(graph, options.output); !s.ok()) return ReportError(s);
  if (!options.quiet) {
    std::fprintf(stderr,
                 "kg: built %s: %zu documents, %zu facts extracted, %zu facts read, "
                 "%zu entities and %zu facts in the graph\n",
                 options.output.c_str(), documents, extracted, fact_file_facts,
                 graph.entity_count(), graph.fact_count());
  }
  return 0;
}

}  // namespace

void AddBuildCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Extract documents and build the temporal graph");
  cmd->add_option("--rules", options->rules,
                  "Rule pack file (repeatable; default: the built-in news pack)");
  AddDocumentInputOptions(cmd, &options->input);
  AddExtractorOptions(cmd, &options->caps, /*sentences=*/true);
  cmd->add_option("-j,--jobs", options->jobs, "Worker threads (default: all cores)")
      ->check(JobsValidator());
  cmd->add_option(
         "paths", options->paths,
         "Documents (files, directories, .jsonl, -) and fact files (.jsonl of facts, .csv)")
      ->required();
  cmd->add_option("-o,--output", options->output, "The graph file to write")->required();
  cmd->add_flag("--append", options->append,
                "Add to the existing graph file instead of replacing it");
  cmd->add_flag("-q,--quiet", options->quiet, "Do not print the summary");
  cmd->callback([options, exit_code] { *exit_code = RunBuild(*options); });
}

}  // namespace kg
