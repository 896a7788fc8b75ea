// kg query GRAPH [-e QUERY]... [-f FILE] [--format table|json|tsv] [--timing]
//                [--export FILE]
// Runs the -e queries, then the lines of -f, in order; with neither, the REPL
// when stdin is a terminal, else one query per line of stdin with no prompt.
// Exit status 0 when every query succeeded, 1 when any failed or the graph
// could not be loaded.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "graph/graph_file.h"
#include "tools/cli_util.h"
#include "tools/commands.h"
#include "tools/query_session.h"
#include "tools/repl.h"

namespace kg {
namespace {

struct QueryOptions {
  std::string graph;
  std::vector<std::string> queries;
  std::string file;
  std::string format = "table";
  bool timing = false;
  std::string export_path;
  bool color = false;
  bool no_color = false;
  std::vector<std::string> states;
  QueryLimits limits;
};

AnswerFormat ParseFormat(const std::string& name) {
  if (name == "json") return AnswerFormat::kJson;
  if (name == "tsv") return AnswerFormat::kTsv;
  return AnswerFormat::kTable;
}

int RunQueries(const QueryOptions& o) {
  auto start = std::chrono::steady_clock::now();
  Result<TemporalGraph> graph = LoadGraph(o.graph);
  if (!graph.ok()) return ReportError(graph.status());
  const bool interactive = o.queries.empty() && o.file.empty() && ::isatty(STDIN_FILENO);
  const bool tty_out = ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  QuerySessionOptions options;
  for (const std::string& spec : o.states) {
    Result<StateRule> rule = ParseStateRule(spec);
    if (!rule.ok()) return ReportError(Status::Error("--state: " + rule.status().message()));
    options.state_rules.push_back(std::move(rule).value());
  }
  options.format.format = ParseFormat(o.format);
  options.format.color = !o.no_color && (o.color || (interactive && tty_out));
  options.error_color = options.format.color && ::isatty(STDERR_FILENO);
  options.timing = o.timing;
  options.limits = o.limits;
  QuerySession session(*graph, options);
  if (o.timing) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    std::fprintf(stderr, "Load: %.3f ms (%zu entities, %zu facts)\n", ms.count(),
                 graph->entity_count(), graph->fact_count());
  }
  if (interactive) return RunRepl(session, *graph);

  bool all_ok = true;
  for (size_t i = 0; i < o.queries.size(); ++i) {
    all_ok &= session.RunLine(o.queries[i], "-e " + std::to_string(i + 1));
  }
  auto run_stream = [&](std::istream& in, const std::string& name) {
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      all_ok &= session.RunLine(line, name + ":" + std::to_string(n));
    }
  };
  if (!o.file.empty()) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) return ReportError(Status::ErrorAt(o.file, 0, 0, "cannot open query file"));
    run_stream(in, o.file);
  } else if (o.queries.empty()) {
    run_stream(std::cin, "stdin");
  }
  if (!o.export_path.empty()) {
    Status s = session.ExportLast(o.export_path);
    if (!s.ok()) return ReportError(s.InFile(o.export_path));
  }
  return all_ok ? 0 : 1;
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "query", "Run queries on a graph (the REPL when no -e/-f is given and stdin is a terminal)");
  cmd->add_option("GRAPH", options->graph, "Graph file written by kg build")->required();
  cmd->add_option("-e,--execute", options->queries, "A query to run (repeatable, in order)");
  cmd->add_option("-f,--file", options->file, "A file of queries, one a line ('#' comments)");
  cmd->add_option("--format", options->format, "Answer format")
      ->check(CLI::IsMember({"table", "json", "tsv"}));
  cmd->add_flag("--timing", options->timing, "Report load and query times on stderr");
  cmd->add_option("--export", options->export_path,
                  "Write the last answer's subgraph to FILE (.dot, .graphml, .gexf, .json, .nt)");
  cmd->add_option("--state", options->states,
                  "Another state relation, OPENS=CLOSES[,CLOSES] (~CLOSES: closer points back)");
  // Caps on what one query may ask for; over a cap, the query is an error naming the flag.
  const QueryLimits defaults;
  cmd->add_option("--max-depth", options->limits.max_depth,
                  "Cap on `depth N` (default " + std::to_string(defaults.max_depth) + ")")
      ->transform(PositiveCountValidator());
  cmd->add_option("--max-hops", options->limits.max_hops,
                  "Cap on `max N` of paths (default " + std::to_string(defaults.max_hops) + ")")
      ->transform(PositiveCountValidator());
  cmd->add_option("--max-results", options->limits.max_results,
                  "Cap on `limit K` (default " + std::to_string(defaults.max_results) + ")")
      ->transform(PositiveCountValidator());
  cmd->add_option("--max-top", options->limits.max_top,
                  "Cap on `top N` (default " + std::to_string(defaults.max_top) + ")")
      ->transform(PositiveCountValidator());
  cmd->add_flag("--color", options->color, "Colour tables even when not interactive");
  cmd->add_flag("--no-color", options->no_color, "Never colour output");
  cmd->callback([options, exit_code] { *exit_code = RunQueries(*options); });
}

}  // namespace kg
