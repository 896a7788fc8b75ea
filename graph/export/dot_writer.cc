// Graphviz DOT, styled to be read without a legend: an entity's type picks its
// shape, a relation its colour (from one fixed palette, in the sorted order of
// the relations exported), edges carry their dates, and the evidence sentence
// is the tooltip (SVG output shows it on hover). Negated facts are dashed and
// hedged ones dotted. Node ids are "n<EntityId>"; every name is a label, so no
// name can clash with DOT keywords. Escaping: escape.h's DotEscape.
// Large exports name sfdp in the `layout` attribute. On the tests' skewed
// synthetic graph dot took 0.8 s for 150 nodes and 257 edges but over 120 s
// for 200 nodes and 428 edges (crossing minimisation over hundreds of ranks),
// while sfdp laid out 500 nodes and 1,890 edges in under 2 s.
#include <map>
#include <string>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

// Dark enough for labels on white, distinct enough side by side.
constexpr const char* kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                    "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                                    "#7f7f7f", "#bcbd22", "#393b79", "#637939"};
constexpr size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);

const char* ShapeFor(const std::string& type) {
  static const std::map<std::string, const char*> shapes = {
      {"person", "ellipse"},     {"organization", "box"},
      {"organisation", "box"},   {"org", "box"},
      {"company", "box"},        {"platform", "component"},
      {"place", "house"},        {"location", "house"},
      {"country", "house"},      {"city", "house"},
      {"product", "box3d"},      {"event", "diamond"},
      {"government", "octagon"}, {"group", "folder"},
  };
  if (type.empty()) return "ellipse";
  auto it = shapes.find(type);
  return it == shapes.end() ? "hexagon" : it->second;
}

std::string Quote(std::string_view text) { return "\"" + DotEscape(text) + "\""; }

std::string DateLabel(const Fact& fact) {
  std::string start = StartDate(fact), end = EndDate(fact);
  if (start.empty() && end.empty()) return "";
  if (start == end) return start;
  return (start.empty() ? "?" : start) + ".." + (end.empty() ? "?" : end);
}

void WriteNode(const TemporalGraph& graph, EntityId id, const char* indent, std::ostream& out) {
  const Entity& e = graph.entity(id);
  std::string tip = e.type.empty() ? "entity" : e.type;
  if (!e.aliases.empty()) tip += "; also: " + JoinAliases(e);
  out << indent << NodeId(id) << " [label=" << Quote(e.name) << ", shape=" << ShapeFor(e.type)
      << (e.type.empty() ? ", style=\"filled,dashed\"" : "") << ", tooltip=" << Quote(tip)
      << "];\n";
}

void WriteEdge(const TemporalGraph& graph, FactId id, const char* color, std::ostream& out) {
  const Fact& f = graph.fact(id);
  std::string label = (f.negated ? "not " : "") + f.relation;
  if (f.hedged) label += " (reported)";
  if (std::string dates = DateLabel(f); !dates.empty()) label += "\n" + dates;
  std::string tip = f.sentence;
  if (!f.doc.empty() || !f.rule.empty()) tip += "\n[" + f.doc + ", " + f.rule + "]";
  out << "  " << NodeId(graph.subject_of(id)) << " -> " << NodeId(graph.object_of(id))
      << " [id=" << EdgeId(id) << ", label=" << Quote(label) << ", color=\"" << color
      << "\", fontcolor=\"" << color << "\", tooltip=" << Quote(tip)
      << ", labeltooltip=" << Quote(tip);
  if (f.negated) {
    out << ", style=dashed";
  } else if (f.hedged) {
    out << ", style=dotted";
  }
  out << "];\n";
}

}  // namespace

void WriteDot(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
              std::ostream& out) {
  std::string layout = options.dot_layout;
  if (layout.empty()) layout = sub.facts.size() > kDotLayeredMaxEdges ? "sfdp" : "dot";
  out << "digraph kg {\n"
         "  graph [layout="
      << Quote(layout)
      << ", rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", overlap=false];\n"
         "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#f7f7f7\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  if (options.dot_cluster_by_type) {
    std::map<std::string, std::vector<EntityId>> by_type;
    for (EntityId id : sub.entities) by_type[graph.entity(id).type].push_back(id);
    int cluster = 0;
    for (const auto& [type, ids] : by_type) {
      if (type.empty()) continue;  // untyped entities stay outside every cluster
      out << "  subgraph cluster_" << cluster++ << " {\n    label=" << Quote(type)
          << ";\n    style=rounded;\n";
      for (EntityId id : ids) WriteNode(graph, id, "    ", out);
      out << "  }\n";
    }
    if (auto it = by_type.find(""); it != by_type.end()) {
      for (EntityId id : it->second) WriteNode(graph, id, "  ", out);
    }
  } else {
    for (EntityId id : sub.entities) WriteNode(graph, id, "  ", out);
  }
  std::map<std::string, const char*> colors;
  for (size_t i = 0; i < sub.relations.size(); ++i) {
    colors[sub.relations[i]] = kPalette[i % kPaletteSize];
  }
  for (FactId id : sub.facts) WriteEdge(graph, id, colors[std::string(graph.relation(id))], out);
  out << "}\n";
}

}  // namespace kg
