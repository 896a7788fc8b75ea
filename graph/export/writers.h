// Internal to graph/export: one writer per format, each over a resolved
// Subgraph. export.cc picks the writer; the writers only format text.
#ifndef KG_GRAPH_EXPORT_WRITERS_H_
#define KG_GRAPH_EXPORT_WRITERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "graph/export/export.h"
#include "graph/export/subgraph.h"

namespace kg {

void WriteDot(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
              std::ostream& out);
void WriteGraphml(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
                  std::ostream& out);
void WriteGexf(const TemporalGraph& graph, const Subgraph& sub, std::ostream& out);
void WriteJson(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
               std::ostream& out);
// ok if `base` can prefix the N-Triples IRIs (a scheme, no forbidden characters).
Status CheckBaseIri(const std::string& base);
void WriteNTriples(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
                   std::ostream& out);

// One file of a multi-file export: its name inside the directory and text.
struct ExportFile {
  std::string name;
  std::string text;
  bool executable = false;
};
std::vector<ExportFile> CsvFiles(const TemporalGraph& graph, const Subgraph& sub,
                                 const ExportOptions& options);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_WRITERS_H_
