// ParseQuery: text of the query language to a Query, or a QueryError that
// points at the offending token (byte offset and length), so a REPL can draw
// a caret under it. The grammar is in docs/queries.md.
//
//   Query q;
//   QueryError err;
//   if (!ParseQuery("path Musk \"Donald Trump\" from 2022", &q, &err)) ...
#ifndef KG_GRAPH_QUERY_PARSER_H_
#define KG_GRAPH_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/query.h"

namespace kg {

struct QueryToken {
  enum Kind { kWord, kQuoted, kComma } kind;
  std::string_view text;  // unquoted and unescaped for kQuoted
  TextRange range;
};

// The tokens of one query. A token's text is a view of the query text, or of
// `unescaped` for a quoted token with escapes; valid while both are.
struct QueryTokens {
  std::vector<QueryToken> list;
  std::string unescaped;
};

// Splits on spaces; "..." with \" and \\ escapes is one token; ',' stands alone.
// False (with an error at the opening quote) for an unterminated string.
bool TokenizeQuery(std::string_view text, QueryTokens* tokens, QueryError* error);

// A count over one of `limits` is an error naming the kg query flag that raises it.
bool ParseQuery(std::string_view text, Query* query, QueryError* error,
                const QueryLimits& limits = QueryLimits());

}  // namespace kg

#endif  // KG_GRAPH_QUERY_PARSER_H_
