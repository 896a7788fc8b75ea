// The interactive `kg query` shell: GNU readline with persistent history
// (~/.kg_history), tab completion of commands, options, relations and entity
// names (multi-word names completed in quotes), errors with a caret under the
// offending token, Ctrl-C to abandon the line and Ctrl-D (or `exit`) to leave.
// Besides queries it understands `export FILE` (the last answer's subgraph)
// and `format table|json|tsv`.
#ifndef KG_TOOLS_REPL_H_
#define KG_TOOLS_REPL_H_

#include <string>
#include <vector>

#include "graph/temporal_graph.h"
#include "tools/query_session.h"

namespace kg {

// Runs until end of input; returns the exit status (0).
int RunRepl(QuerySession& session, const TemporalGraph& graph);

// The completions for `word` when the line before it is `before` (exposed for
// tests): command names first word, then the command's options, the values an
// option takes, and entity names (quoted when they contain a space, unless the
// word already opened a quote).
std::vector<std::string> ReplCompletions(const TemporalGraph& graph,
                                         const std::vector<std::string>& relations,
                                         const std::string& before, const std::string& word,
                                         bool in_quotes);

}  // namespace kg

#endif  // KG_TOOLS_REPL_H_
