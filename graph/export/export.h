// Exporting a TemporalGraph, or a selected part of it, in the formats other
// tools read: Graphviz DOT, GraphML, GEXF 1.3 (dynamic), JSON (NetworkX
// node-link or Cytoscape.js), CSV for neo4j-admin and Kuzu, and N-Triples.
// docs/formats.md describes each format and how to load it in its tool.
//
//   ExportOptions options;
//   options.selection.facts = answer_fact_ids;   // empty: the whole graph
//   Status s = ExportGraph(graph, "graphml", options, std::cout);
//
// Writers never abort and never print; every string kg writes is escaped for
// its format, and invalid UTF-8 in names or evidence becomes U+FFFD.
#ifndef KG_GRAPH_EXPORT_EXPORT_H_
#define KG_GRAPH_EXPORT_EXPORT_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/status.h"
#include "graph/temporal_graph.h"

namespace kg {

// The part of a graph to export. Both empty: the whole graph. Facts only: those
// facts and their endpoints. Entities only: those entities and every fact
// between two of them. Both: the entities, the facts, and the facts' endpoints.
struct GraphSelection {
  std::vector<EntityId> entities;
  std::vector<FactId> facts;
};

enum class JsonStyle {
  kNodeLink,   // NetworkX node_link_data / d3: {"nodes": [...], "links": [...]}
  kCytoscape,  // Cytoscape.js: {"elements": {"nodes": [...], "edges": [...]}}
};

// Which load script (and files) the CSV export writes.
enum class CsvFlavor { kNeo4j, kKuzu, kBoth };

struct ExportOptions {
  GraphSelection selection;
  // Keep only the max_nodes entities of highest degree (within the selection;
  // ties to the lower id) and the facts between them. 0: no cap.
  size_t max_nodes = 0;
  // DOT: one cluster per entity type.
  bool dot_cluster_by_type = false;
  // DOT: the Graphviz engine named in the file's `layout` attribute, which
  // `dot -T...` obeys. "" picks: dot (layered, most readable) up to
  // kDotLayeredMaxEdges edges, sfdp (force-directed, near-linear) above,
  // where dot's crossing minimisation takes minutes.
  std::string dot_layout;
  // GraphML booleans as "1"/"0" instead of "true"/"false". Both are XML
  // Schema booleans; Boost.Graph's read_graphml accepts only the digits, the
  // Java tools (Gephi, yEd, Cytoscape) only the words.
  bool graphml_boolean_digits = false;
  JsonStyle json_style = JsonStyle::kNodeLink;
  CsvFlavor csv_flavor = CsvFlavor::kBoth;
  // N-Triples: entities, relations and facts get IRIs under this prefix.
  std::string base_iri = "https://example.org/kg/";
};

inline constexpr size_t kDotLayeredMaxEdges = 250;

// The formats ExportGraph writes to a stream: dot, graphml, gexf, json, ntriples.
// ("csv" is several files: use ExportCsv.)
const std::vector<std::string>& StreamExportFormats();

// Writes the selected graph in `format` to `out`. An unknown format, a selected
// id out of range or a failed stream is an error; `out` may then hold a prefix.
Status ExportGraph(const TemporalGraph& graph, std::string_view format,
                   const ExportOptions& options, std::ostream& out);

// Writes the CSV export into the directory `dir` (created if missing):
// neo4j_entities.csv, neo4j_facts.csv and import.sh for neo4j-admin;
// kuzu_entities.csv, kuzu_facts.csv and load.cypher for Kuzu's COPY FROM.
// Each file replaces its old version atomically; on error none is replaced.
Status ExportCsv(const TemporalGraph& graph, const ExportOptions& options, const std::string& dir);

// Writes any format to `path`: a file for the stream formats (written to a
// temporary beside it, then renamed, so a failed export leaves no partial
// file), the directory for "csv".
Status ExportToPath(const TemporalGraph& graph, std::string_view format,
                    const ExportOptions& options, const std::string& path);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_EXPORT_H_
