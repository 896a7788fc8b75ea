// QueryEngine: runs queries of the language (docs/queries.md) against one
// TemporalGraph and returns Answers. It builds its lookup structures (CSR
// adjacency, spans, derived state intervals) once, then reuses scratch
// buffers between queries, so a query allocates little beyond its answer.
//
//   QueryEngine engine(graph);
//   Answer answer;
//   QueryError error;
//   if (!engine.Run("neighbors Musk depth 2", &answer, &error)) Show(error);
//
// Unknown entities and fact ids are QueryErrors pointing at the name, with
// "did you mean" suggestions (a relation absent from the graph only adds a
// note: it may belong to the vocabulary and just have no facts yet); no query crashes. Negated
// facts are left out of neighbors/path/tpath/paths/top unless the query says `negated`, and shown,
// flagged, by facts/timeline/reports. Not thread-safe (scratch).
#ifndef KG_GRAPH_QUERY_ENGINE_H_
#define KG_GRAPH_QUERY_ENGINE_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_index.h"
#include "graph/query.h"
#include "graph/query_answer.h"
#include "graph/states.h"
#include "graph/temporal_path.h"
#include "graph/traversal.h"

namespace kg {

class QueryEngine {
 public:
  // The graph must outlive the engine.
  explicit QueryEngine(const TemporalGraph& graph,
                       std::vector<StateRule> state_rules = DefaultStateRules());

  // Parses and executes one query; the answer is complete.
  bool Run(std::string_view text, Answer* answer, QueryError* error);
  bool Execute(const Query& query, Answer* answer, QueryError* error);
  // The same, but large answers may leave their rows to CompleteAnswer (for
  // timing evaluation apart from building output).
  bool Evaluate(std::string_view text, Answer* answer, QueryError* error);

  // Caps Run applies to the counts a query asks for (depth, max, limit, top).
  void set_limits(const QueryLimits& limits) { limits_ = limits; }
  const QueryLimits& limits() const { return limits_; }

  const GraphIndex& index() const { return index_; }
  const std::vector<StateInterval>& states() const { return states_; }

 private:
  bool ExecuteDeferred(const Query& q, Answer* answer, QueryError* error);
  // Which facts a query may use: relation, window, polarity, snapshot.
  struct MaskSpec {
    bool window = true;
    bool include_negated = false;
  };
  bool BuildMask(const Query& q, MaskSpec spec, QueryError* error);
  // The filter for a walk (neighbors, path, tpath, paths): relation, window and
  // polarity are checked per edge; only a snapshot (`at`) builds the mask.
  EdgeFilter WalkFilter(const Query& q);
  // By RelationId: the relations `q` names (empty when it names none); notes
  // the names no fact has.
  std::vector<uint8_t> WantedRelations(const Query& q);
  bool KnownBy(FactId f, int64_t day) const;
  bool Resolve(const EntityArg& arg, EntityId* out, QueryError* error) const;
  bool ResolvePair(const Query& q, EntityId* a, EntityId* b, QueryError* error) const;
  bool TypeMatches(const Query& q, EntityId e) const { return TypeMatches(q.type, e); }
  bool TypeMatches(const std::optional<std::string>& type, EntityId e) const;

  bool Neighbors(const Query& q, Answer* a, QueryError* error);
  bool Path(const Query& q, Answer* a, QueryError* error);
  bool TemporalPath(const Query& q, Answer* a, QueryError* error);
  bool Paths(const Query& q, Answer* a, QueryError* error);
  bool Timeline(const Query& q, Answer* a, QueryError* error);
  bool Facts(const Query& q, Answer* a, QueryError* error);
  bool Reports(const Query& q, Answer* a, QueryError* error);
  bool States(const Query& q, Answer* a, QueryError* error);
  bool Explain(const Query& q, Answer* a, QueryError* error);
  bool EntityInfo(const Query& q, Answer* a, QueryError* error);
  bool Top(const Query& q, Answer* a, QueryError* error);
  bool Stats(const Query& q, Answer* a);
  bool Relations(const Query& q, Answer* a);
  bool Diff(const Query& q, Answer* a);
  bool Help(const Query& q, Answer* a, QueryError* error);
  // facts and reports share their selection.
  bool SelectFacts(const Query& q, std::vector<FactId>* out, QueryError* error);
  void SortByTime(std::vector<FactId>* facts) const;

  // Row helpers shared by the commands.
  // Appends subject, relation, object, time and fact id.
  void AppendEdgeCells(FactId f, std::vector<Cell>* row) const;
  void AddStep(Answer* a, FactId f) const;
  // Appends the row (field, value).
  static void AddField(Answer* a, std::string_view field, Cell value);
  // The day as YYYY-MM-DD, or null.
  static Cell DayCell(std::optional<int64_t> day);
  // Sets the answer's column names, reusing the strings an answer that is
  // evaluated into again and again already holds.
  static void SetColumns(Answer* a, std::initializer_list<std::string_view> names);

  const TemporalGraph& graph_;
  GraphIndex index_;
  QueryLimits limits_;
  std::vector<StateRule> state_rules_;
  std::vector<StateInterval> states_;
  std::vector<int32_t> state_of_opener_;  // FactId -> index in states_, or -1
  // FactId -> 1 if the fact is asserted (not negated). Kept apart from the Fact
  // records so that building a query's mask streams one byte per fact instead
  // of touching a whole Fact (the mask was most of a query's time at 1M facts).
  std::vector<uint8_t> asserted_;
  std::vector<uint8_t> mask_;
  std::vector<uint8_t> walk_relations_;  // WalkFilter's relation set
  std::vector<std::string> notes_;       // BuildMask's remarks for the answer
  TraversalScratch scratch_;
  TemporalScratch temporal_scratch_;
  std::vector<Reached> reached_;
  std::vector<Step> steps_;
  // What completing the last neighbors answer walks again. Kept here, not in
  // the completion's closure, so that the closure holds only `this` and
  // std::function stores it without an allocation.
  struct PendingNeighbors {
    EntityId start = 0;
    int depth = 1;
    EdgeFilter filter;
    std::optional<std::string> type;
  };
  PendingNeighbors pending_neighbors_;
  void CompleteNeighbors(Answer* answer);
};

// Sorts and deduplicates an answer's selection.
void FinishSelection(Answer* answer);

}  // namespace kg

#endif  // KG_GRAPH_QUERY_ENGINE_H_
