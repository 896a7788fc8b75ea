// The kg subcommands, one function each; main.cc parses the command line
// (CLI11) into these option structs and returns the function's exit status.
// Each prints its own one-line error message ("kg: FILE:LINE:COL: message").
#ifndef KG_TOOLS_COMMANDS_H_
#define KG_TOOLS_COMMANDS_H_

#include <string>
#include <vector>

namespace kg {

struct QueryOptions {
  std::string graph_path;
  std::vector<std::string> queries;  // -e, in order
  std::string query_file;            // -f ("" for none; "-" for stdin)
  std::string format = "table";      // table | json | tsv
  bool timing = false;               // --timing: load and per-query times on stderr
  std::string export_path;           // --export FILE: the last answer's subgraph as DOT
};

// kg query: runs -e/-f queries, or the REPL when neither is given and stdin is
// a terminal (otherwise reads queries from stdin, one a line, no prompt).
// Exit status non-zero if the graph cannot be loaded or any query failed.
int RunQueryCommand(const QueryOptions& options);

}  // namespace kg

#endif  // KG_TOOLS_COMMANDS_H_
