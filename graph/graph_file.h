// The graph file: a TemporalGraph saved to disk and loaded back, every fact
// field and entity alias included. The format (docs/graph-format.md) is a
// 24-byte header — magic, version, payload size, checksum of the payload —
// followed by the payload: in version 2 the graph's own fixed-width arrays,
// read straight into memory; version-1 files (varints) still load.
//
//   Status s = SaveGraph(graph, "news.kg");       // atomic: never a half-written file
//   Result<TemporalGraph> g = LoadGraph("news.kg");
//   if (!g.ok()) ... g.status().ToString()       // "news.kg: truncated graph file: ..."
#ifndef KG_GRAPH_GRAPH_FILE_H_
#define KG_GRAPH_GRAPH_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model/status.h"
#include "graph/temporal_graph.h"

namespace kg {

// The version SaveGraph writes; LoadGraph reads it and every earlier one.
inline constexpr uint32_t kGraphFileVersion = 2;

// Writes the graph to a temporary file in the same directory, fsyncs it and
// renames it over `path`, so readers see the old file or the new one, never a
// mix. Errors name the path and the system's reason.
Status SaveGraph(const TemporalGraph& graph, const std::string& path);

// Reads a file written by SaveGraph. Missing, empty, truncated, corrupt
// (checksum or structure) and other-version files each give their own error
// naming the path; no input crashes or allocates more than the file's size.
Result<TemporalGraph> LoadGraph(const std::string& path);

// The same encoding in memory, for tests and fuzzers. `name` only labels errors.
std::string EncodeGraph(const TemporalGraph& graph);
Result<TemporalGraph> DecodeGraph(std::string_view bytes, const std::string& name);
// The version-1 encoding, which kg wrote until version 2: for tests that old
// files still load.
std::string EncodeGraphVersion1(const TemporalGraph& graph);

}  // namespace kg

#endif  // KG_GRAPH_GRAPH_FILE_H_
