// Shared by the export tests: small hand-built graphs with every awkward
// string the writers must escape, a synthetic large graph, and running the
// real client programs (dot, xmllint, rapper, python3) on the files written.
#ifndef KG_TESTS_EXPORT_EXPORT_TEST_UTIL_H_
#define KG_TESTS_EXPORT_EXPORT_TEST_UTIL_H_

#include <string>

#include "graph/export/export.h"
#include "graph/temporal_graph.h"

namespace kg::testing_util {

// Six entities (one untyped, one isolated) and six facts: a dated, an undated,
// a negated, a hedged and two parallel facts; names with quotes, backslashes,
// newlines, non-ASCII, an invalid UTF-8 byte and an XML-forbidden control.
TemporalGraph SmallGraph();

// `edges` facts over `entities` entities, skewed so that a few are hubs;
// deterministic (a fixed linear congruential sequence).
TemporalGraph SyntheticGraph(int entities, int edges);

// ExportGraph into a string; fails the test on error.
std::string ExportToString(const TemporalGraph& graph, const std::string& format,
                           const ExportOptions& options = {});

// What a client must read back from an export of `graph` with `options`, as
// the JSON check_export.py takes: counts, and every `stride`-th node and edge
// with kg's own values. `style` picks the format's conventions: "xml"
// (GraphML: controls dropped as XML requires), "gexf" (as xml, name in
// "label", edge spells) or "json".
std::string ExpectedJson(const TemporalGraph& graph, const ExportOptions& options,
                         const std::string& style, size_t stride = 1);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};
// Runs a shell command line.
CommandResult Run(const std::string& command);
// True if `program` is found on PATH.
bool HaveProgram(const std::string& program);
// Runs tests/export/check_export.py CHECK FILE EXPECTED with the first Python
// (python3 on PATH, then /usr/bin/python3; $KG_PYTHON3 first if set) that has
// the client library. exit_code 77: no Python had it.
CommandResult RunClientCheck(const std::string& check, const std::string& file,
                             const std::string& expected_json);
// A fresh directory for one test's files.
std::string MakeTempDir(const std::string& name);
void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);
// Counts non-overlapping occurrences.
size_t CountOf(const std::string& text, const std::string& needle);

}  // namespace kg::testing_util

#endif  // KG_TESTS_EXPORT_EXPORT_TEST_UTIL_H_
