// Internal to graph/export: the entities and facts one export writes, resolved
// from an ExportOptions' selection and node cap, plus the values several
// writers share (element ids, dates as text, aliases joined).
#ifndef KG_GRAPH_EXPORT_SUBGRAPH_H_
#define KG_GRAPH_EXPORT_SUBGRAPH_H_

#include <string>
#include <vector>

#include "graph/export/export.h"
#include "graph/temporal_graph.h"

namespace kg {

struct Subgraph {
  std::vector<EntityId> entities;      // ascending
  std::vector<FactId> facts;           // ascending; both endpoints are in `entities`
  std::vector<std::string> relations;  // distinct relation names, sorted
};

// Applies the selection rules of GraphSelection, then max_nodes. Ids out of
// range are an error naming the id.
Result<Subgraph> ResolveSubgraph(const TemporalGraph& graph, const ExportOptions& options);

// Stable element ids shared by the formats: "n<EntityId>", "e<FactId>".
std::string NodeId(EntityId id);
std::string EdgeId(FactId id);

// The fact's start / end date as YYYY-MM-DD, or "" when it has none.
std::string StartDate(const Fact& fact);
std::string EndDate(const Fact& fact);

// A fact's attributes as the attribute-carrying formats (GEXF, GraphML) write
// them, in this order: relation, fact_id, start, end, time_value, time_text,
// time_source (the three only when the fact has a time), negated, hedged,
// rule, doc, doc_date, sentence, span_begin, span_end. Booleans are written
// as `yes` / `no`.
struct FactAttribute {
  const char* key;
  std::string value;
};
std::vector<FactAttribute> FactAttributes(const Fact& fact, const char* yes, const char* no);

// Entity aliases joined with "; " (the separator the flat formats use).
std::string JoinAliases(const Entity& entity);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_SUBGRAPH_H_
