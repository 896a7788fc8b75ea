// JSON in the two shapes graph tools load directly:
//  - node-link, as NetworkX's node_link_data writes it (and d3 force layouts
//    read): {"directed", "multigraph", "graph", "nodes": [{"id", ...}],
//    "links": [{"source", "target", "key", ...}]}
//  - Cytoscape.js elements: {"elements": {"nodes": [{"data": {...}}],
//    "edges": [{"data": {"id", "source", "target", ...}}]}}, with the
//    top-level "data", "directed" and "multigraph" that NetworkX's
//    cytoscape_graph also expects.
// Attribute names match the GraphML keys; an absent date is null.
#include <nlohmann/json.hpp>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(RepairUtf8(s)); }

Json NodeData(const TemporalGraph& graph, EntityId id) {
  const Entity& e = graph.entity(id);
  Json aliases = Json::array();
  for (const std::string& a : e.aliases) aliases.push_back(RepairUtf8(a));
  return Json{{"id", NodeId(id)},
              {"name", RepairUtf8(e.name)},
              {"type", RepairUtf8(e.type)},
              {"aliases", std::move(aliases)},
              {"mentions", graph.Degree(id)}};
}

// The fact's attributes, after whatever keys the style puts first.
void AddFactData(const Fact& f, Json* data) {
  (*data)["relation"] = RepairUtf8(f.relation);
  (*data)["fact_id"] = RepairUtf8(f.id);
  (*data)["start"] = OrNull(StartDate(f));
  (*data)["end"] = OrNull(EndDate(f));
  (*data)["time_value"] = f.time ? OrNull(f.time->value) : Json(nullptr);
  (*data)["time_text"] = f.time ? OrNull(f.time->text) : Json(nullptr);
  (*data)["time_source"] = f.time ? OrNull(f.time->source) : Json(nullptr);
  (*data)["negated"] = f.negated;
  (*data)["hedged"] = f.hedged;
  (*data)["rule"] = RepairUtf8(f.rule);
  (*data)["doc"] = RepairUtf8(f.doc);
  (*data)["doc_date"] = f.doc_date ? Json(f.doc_date->ToString()) : Json(nullptr);
  (*data)["sentence"] = RepairUtf8(f.sentence);
  (*data)["span_begin"] = f.span_begin;
  (*data)["span_end"] = f.span_end;
}

Json NodeLink(const TemporalGraph& graph, const Subgraph& sub) {
  Json nodes = Json::array();
  for (EntityId id : sub.entities) nodes.push_back(NodeData(graph, id));
  Json links = Json::array();
  for (FactId id : sub.facts) {
    Json link{{"source", NodeId(graph.subject_of(id))},
              {"target", NodeId(graph.object_of(id))},
              {"key", EdgeId(id)}};
    AddFactData(graph.fact(id), &link);
    links.push_back(std::move(link));
  }
  return Json{{"directed", true},
              {"multigraph", true},
              {"graph", Json{{"name", "kg"}}},
              {"nodes", std::move(nodes)},
              {"links", std::move(links)}};
}

Json Cytoscape(const TemporalGraph& graph, const Subgraph& sub) {
  Json nodes = Json::array();
  for (EntityId id : sub.entities) {
    Json data = NodeData(graph, id);
    data["label"] = data["name"];
    data["value"] = NodeId(id);  // NetworkX's cytoscape_graph keys nodes by "value"
    nodes.push_back(Json{{"data", std::move(data)}});
  }
  Json edges = Json::array();
  for (FactId id : sub.facts) {
    Json data{{"id", EdgeId(id)},
              {"source", NodeId(graph.subject_of(id))},
              {"target", NodeId(graph.object_of(id))},
              {"key", EdgeId(id)}};  // keeps parallel edges apart in NetworkX
    AddFactData(graph.fact(id), &data);
    data["label"] = data["relation"];
    edges.push_back(Json{{"data", std::move(data)}});
  }
  return Json{{"data", Json{{"name", "kg"}}},
              {"directed", true},
              {"multigraph", true},
              {"elements", Json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}}}};
}

}  // namespace

void WriteJson(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
               std::ostream& out) {
  Json doc =
      options.json_style == JsonStyle::kCytoscape ? Cytoscape(graph, sub) : NodeLink(graph, sub);
  out << doc.dump(1, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace kg
