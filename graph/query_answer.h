// Answer: what a query returns — one table (named columns, rows of cells:
// scalars, text or lists), notes for the reader, and the selection of
// entities and facts the answer is about, so it can be exported as a subgraph.
// An answer may refer to its graph's strings: it is valid while the graph is,
// unchanged.
// FormatAnswer renders it as an aligned table, TSV or one JSON document.
#ifndef KG_GRAPH_QUERY_ANSWER_H_
#define KG_GRAPH_QUERY_ANSWER_H_

#include <functional>
#include <string>
#include <vector>

#include "graph/answer_cell.h"
#include "graph/query.h"
#include "graph/temporal_graph.h"

namespace kg {

struct Answer {
  std::string command;  // "path"
  std::string title;    // one line: "path Elon Musk -> Donald Trump: 2 hops"
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
  std::vector<std::string> notes;       // "negated facts excluded (add `negated`)"
  // The subgraph the answer selects (for `--export`), ascending and unique.
  std::vector<EntityId> entities;
  std::vector<FactId> facts;
  // Set when evaluation left the rows and selection to build (a neighbors
  // answer of thousands of edges keeps ids until it is shown); CompleteAnswer
  // runs it. Valid until the QueryEngine that made the answer runs another
  // query (Run and Execute complete at once; so does `kg query`).
  std::function<void(Answer*)> complete;

  // Empties every field but keeps the buffers: a session that evaluates into
  // one answer query after query allocates little.
  void Clear();
};

// Builds what evaluation deferred (rows, selection); a no-op after the first call.
void CompleteAnswer(Answer* answer);

enum class AnswerFormat { kTable, kJson, kTsv };

struct FormatOptions {
  AnswerFormat format = AnswerFormat::kTable;
  bool color = false;          // ANSI bold headers and dim notes (tables only)
  size_t max_cell_width = 60;  // tables only; longer cells end in "..."
};

// The rendered answer, ending in a newline. JSON is one line:
// {"query", "command", "title", "columns", "rows": [{column: value}], "count",
//  "notes", "entities": [names], "facts": [fact ids]}.
std::string FormatAnswer(const Answer& answer, const TemporalGraph& graph,
                         const std::string& query_text, const FormatOptions& options);

// An error in the same format: JSON {"query", "error", "position"}; otherwise
// "error: message" (the caller draws any caret).
std::string FormatQueryError(const QueryError& error, const std::string& query_text,
                             const FormatOptions& options);

// Two lines: the query and a caret (^~~~) under error.range.
std::string CaretLine(const std::string& query_text, const QueryError& error);

}  // namespace kg

#endif  // KG_GRAPH_QUERY_ANSWER_H_
