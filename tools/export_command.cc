// kg export: writes a graph file in a format other tools load (see
// docs/formats.md). Stream formats go to stdout or, with -o, to a file that is
// replaced atomically; csv writes a directory of files and needs -o.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "graph/export/export.h"
#include "graph/graph_file.h"
#include "tools/cli_util.h"
#include "tools/commands.h"

namespace kg {
namespace {

struct ExportCommandOptions {
  std::string graph;
  std::string format;
  std::string output;
  bool cluster = false;
  size_t max_nodes = 0;
  std::string json_style = "node-link";
  std::string csv_flavor = "both";
  std::string base_iri = ExportOptions().base_iri;
  std::string graphml_booleans = "words";
  std::string layout;
};

int RunExport(const ExportCommandOptions& o) {
  if (o.format == "csv" && (o.output.empty() || o.output == "-")) {
    return ReportError(
        Status::Error("export: csv writes a directory of files; give it with -o DIR"));
  }
  ExportOptions options;
  options.dot_cluster_by_type = o.cluster;
  options.dot_layout = o.layout;
  options.max_nodes = o.max_nodes;
  options.json_style = o.json_style == "cytoscape" ? JsonStyle::kCytoscape : JsonStyle::kNodeLink;
  options.csv_flavor = o.csv_flavor == "neo4j"  ? CsvFlavor::kNeo4j
                       : o.csv_flavor == "kuzu" ? CsvFlavor::kKuzu
                                                : CsvFlavor::kBoth;
  options.base_iri = o.base_iri;
  options.graphml_boolean_digits = o.graphml_booleans == "digits";

  Result<TemporalGraph> graph = LoadGraph(o.graph);
  if (!graph.ok()) return ReportError(graph.status());
  if (o.output.empty() || o.output == "-") {
    Status s = ExportGraph(*graph, o.format, options, std::cout);
    std::cout.flush();
    if (s.ok() && !std::cout) s = Status::Error("export: cannot write to stdout");
    return s.ok() ? 0 : ReportError(s);
  }
  Status s = ExportToPath(*graph, o.format, options, o.output);
  return s.ok() ? 0 : ReportError(s);
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ExportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the graph for Graphviz, Gephi, NetworkX, Neo4j, Kuzu or RDF tools");
  cmd->add_option("graph", o->graph, "The graph file (from kg build)")->required();
  cmd->add_option("-f,--format", o->format, "Output format")
      ->required()
      ->check(CLI::IsMember({"dot", "graphml", "gexf", "json", "csv", "ntriples"}));
  cmd->add_option("-o,--output", o->output,
                  "Output file (default: stdout); for csv, the directory to write");
  cmd->add_flag("--cluster", o->cluster, "dot: group entities into one cluster per type");
  cmd->add_option("--layout", o->layout,
                  "dot: the Graphviz engine the file asks for (default: dot up to 250 facts, "
                  "sfdp above)")
      ->check(CLI::IsMember({"dot", "sfdp", "fdp", "neato", "circo", "twopi"}));
  cmd->add_option("--max-nodes", o->max_nodes,
                  "Keep only the N entities with most facts, and the facts between them")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--json-style", o->json_style, "json: node-link (NetworkX, d3) or cytoscape")
      ->check(CLI::IsMember({"node-link", "cytoscape"}));
  cmd->add_option("--csv-flavor", o->csv_flavor, "csv: files for neo4j-admin, Kuzu, or both")
      ->check(CLI::IsMember({"neo4j", "kuzu", "both"}));
  cmd->add_option("--base-iri", o->base_iri, "ntriples: prefix of every IRI kg mints");
  cmd->add_option("--graphml-booleans", o->graphml_booleans,
                  "graphml: booleans as words (true/false: Gephi, yEd, Cytoscape) or digits "
                  "(1/0: Boost.Graph)")
      ->check(CLI::IsMember({"words", "digits"}));
  cmd->callback([o, exit_code] { *exit_code = RunExport(*o); });
}

}  // namespace kg
