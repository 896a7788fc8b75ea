#include "graph/export/export.h"

#include <exception>

#include "graph/export/atomic_file.h"
#include "graph/export/subgraph.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

Status UnknownFormat(std::string_view format) {
  return Status::Error("export: unknown format '" + std::string(format) +
                       "' (dot, graphml, gexf, json, csv, ntriples)");
}

}  // namespace

const std::vector<std::string>& StreamExportFormats() {
  static const std::vector<std::string> formats = {"dot", "graphml", "gexf", "json", "ntriples"};
  return formats;
}

Status ExportGraph(const TemporalGraph& graph, std::string_view format,
                   const ExportOptions& options, std::ostream& out) {
  if (format == "csv") {
    return Status::Error("export: csv writes a directory of files, not one stream");
  }
  if (format == "ntriples") {
    if (Status s = CheckBaseIri(options.base_iri); !s.ok()) return s;
  }
  Result<Subgraph> sub = ResolveSubgraph(graph, options);
  if (!sub.ok()) return sub.status();
  // The writers use nlohmann::json and std::string, whose only exceptions here
  // are allocation failures; this is the one place they become a Status.
  try {
    if (format == "dot") {
      WriteDot(graph, *sub, options, out);
    } else if (format == "graphml") {
      WriteGraphml(graph, *sub, options, out);
    } else if (format == "gexf") {
      WriteGexf(graph, *sub, out);
    } else if (format == "json") {
      WriteJson(graph, *sub, options, out);
    } else if (format == "ntriples") {
      WriteNTriples(graph, *sub, options, out);
    } else {
      return UnknownFormat(format);
    }
  } catch (const std::exception& e) {
    return Status::Error(std::string("export: ") + e.what());
  }
  if (!out) return Status::Error("export: write failed");
  return Status::Ok();
}

Status ExportCsv(const TemporalGraph& graph, const ExportOptions& options, const std::string& dir) {
  Result<Subgraph> sub = ResolveSubgraph(graph, options);
  if (!sub.ok()) return sub.status();
  std::vector<ExportFile> files;
  try {
    files = CsvFiles(graph, *sub, options);
  } catch (const std::exception& e) {
    return Status::Error(std::string("export: ") + e.what());
  }
  std::vector<NamedText> named;
  for (const ExportFile& f : files) named.push_back({f.name, &f.text, f.executable});
  return WriteFilesAtomically(dir, named);
}

Status ExportToPath(const TemporalGraph& graph, std::string_view format,
                    const ExportOptions& options, const std::string& path) {
  if (format == "csv") return ExportCsv(graph, options, path);
  // Check the format before creating anything, so a typo leaves no temporary.
  bool known = false;
  for (const std::string& f : StreamExportFormats()) known = known || f == format;
  if (!known) return UnknownFormat(format);
  return WriteFileAtomically(
      path, [&](std::ostream& out) { return ExportGraph(graph, format, options, out); });
}

}  // namespace kg
