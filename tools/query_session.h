// QuerySession: what `kg query` does with each query line, shared by -e/-f,
// piped input and the REPL — run it on the engine, print the answer in the
// chosen format on stdout, print errors (with a caret under the offending
// token) on stderr, time it when asked, and remember the last answer so it can
// be exported as a subgraph.
#ifndef KG_TOOLS_QUERY_SESSION_H_
#define KG_TOOLS_QUERY_SESSION_H_

#include <optional>
#include <string>
#include <vector>

#include "graph/model/status.h"
#include "graph/query_answer.h"
#include "graph/query_engine.h"
#include "graph/states.h"
#include "graph/temporal_graph.h"

namespace kg {

struct QuerySessionOptions {
  FormatOptions format;
  std::vector<StateRule> state_rules = DefaultStateRules();
  QueryLimits limits;   // --max-depth, --max-hops, --max-results, --max-top
  bool timing = false;  // each query's time on stderr
  bool error_color = false;
};

class QuerySession {
 public:
  QuerySession(const TemporalGraph& graph, QuerySessionOptions options);

  // Runs one line. Blank lines and lines starting with '#' are skipped (true).
  // `where` labels errors ("-e 2", "queries.txt:7"); empty in the REPL.
  bool RunLine(const std::string& line, const std::string& where);

  // Writes the last successful answer's entities and facts to `path`, in the
  // format its extension names (.dot, .graphml, .gexf, .json, .nt; a
  // directory for csv when `format` says so).
  Status ExportLast(const std::string& path, const std::string& format = "");
  bool has_answer() const { return last_.has_value(); }

  QueryEngine& engine() { return engine_; }
  QuerySessionOptions& options() { return options_; }

 private:
  void PrintError(const QueryError& error, const std::string& text, const std::string& where);

  const TemporalGraph& graph_;
  QueryEngine engine_;
  QuerySessionOptions options_;
  std::optional<Answer> last_;
  // The answer being evaluated, swapped with last_ when it succeeds: its
  // buffers (title, columns, notes) are reused instead of allocated anew for
  // every query.
  Answer next_;
};

// The export format a file name implies ("dot" for unknown extensions).
std::string ExportFormatFor(const std::string& path);

}  // namespace kg

#endif  // KG_TOOLS_QUERY_SESSION_H_
