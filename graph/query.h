// The query language's syntax tree (docs/queries.md): what ParseQuery makes of
// a line like `neighbors "Elon Musk" depth 2 rel banned,suspended from 2021`,
// the table of commands and options shared by the parser, `help` and the
// REPL's completion, and QueryError, which points at the offending text.
#ifndef KG_GRAPH_QUERY_H_
#define KG_GRAPH_QUERY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "graph/time_window.h"
#include "graph/traversal.h"

namespace kg {

enum class QueryKind {
  kNeighbors,
  kPath,
  kTpath,
  kPaths,
  kTimeline,
  kFacts,
  kReports,
  kStates,
  kExplain,
  kEntity,
  kTop,
  kStats,
  kRelations,
  kAt,
  kDiff,
  kHelp,
};

// A piece of the query text: where it starts (byte offset) and how long it is.
struct TextRange {
  size_t offset = 0;
  size_t length = 0;
};

// An entity as written: one quoted name, or a run of bare words.
struct EntityArg {
  std::string text;  // words joined by single spaces, or the quoted text
  TextRange range;
  bool quoted = false;
  std::vector<std::string> words;  // the bare words (empty when quoted)
  std::vector<TextRange> word_ranges;
};

struct RelationArg {
  std::string name;
  TextRange range;
};

struct Query {
  QueryKind kind = QueryKind::kStats;

  // Positional entities: one for neighbors/timeline/entity/states, two for
  // path/tpath/paths. When two entities were written as one run of bare words
  // (`path Donald Trump Elon Musk`) `pair_words` holds the run and the engine
  // picks the split where both halves name entities.
  std::vector<EntityArg> entities;
  std::optional<EntityArg> pair_words;
  std::optional<EntityArg> subject;  // facts/reports
  std::optional<EntityArg> object;

  std::vector<RelationArg> relations;  // empty = every relation
  Direction direction = Direction::kBoth;
  bool direction_given = false;
  TimeWindow window;
  std::optional<std::string> type;  // keep entities of this type
  TextRange type_range;
  bool include_negated = false;  // `negated`: walk negated facts too
  int depth = 1;
  int max_hops = 3;
  size_t limit = 20;
  bool limit_given = false;
  size_t top_n = 10;
  bool pagerank = false;
  std::string fact_id;  // explain
  TextRange fact_id_range;
  std::optional<DaySpan> at;   // `at DATE [query]`: the snapshot date
  DaySpan diff_from, diff_to;  // diff
  std::string help_topic;      // help [COMMAND]
  TextRange help_topic_range;
};

// Caps on the counts a query may ask for, so that a typo cannot start a
// traversal or an answer that does not finish. Configurable (kg query
// --max-depth, --max-hops, --max-results, --max-top); docs/reliability.md
// lists them.
struct QueryLimits {
  size_t max_depth = 10;         // neighbors ... depth N
  size_t max_hops = 8;           // paths ... max N
  size_t max_results = 1000000;  // ... limit K
  size_t max_top = 100000;       // top N
};

struct QueryError {
  std::string message;
  TextRange range;  // where to draw the caret; offset == text size means "at the end"
};

// One command of the language, for the parser, `help` and completion.
struct CommandSpec {
  const char* name;
  QueryKind kind;
  const char* usage;                      // "neighbors E [depth N] [rel R,...] ..."
  const char* summary;                    // one line
  std::vector<std::string_view> options;  // option keywords it accepts
};
const std::vector<CommandSpec>& QueryCommands();
const CommandSpec* FindCommand(std::string_view name);
// The name of the command of this kind ("neighbors").
std::string_view CommandName(QueryKind kind);
// Every option keyword (depth, rel, dir, from, to, ...).
const std::vector<std::string>& QueryOptionKeywords();

}  // namespace kg

#endif  // KG_GRAPH_QUERY_H_
