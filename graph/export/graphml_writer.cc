// GraphML (http://graphml.graphdrawing.org/) with typed keys, the form Gephi,
// yEd, Cytoscape, NetworkX, igraph and Boost.Graph's read_graphml all read.
// One <node> per entity ("n<id>"), one directed <edge> per fact ("e<id>");
// a value that is absent (an undated fact's start) is left out rather than
// written empty, so readers see their default. Every key's attr.name is the
// attribute name clients expose; the key ids are short prefixes of it.
#include <string>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;  // GraphML attr.type
};

constexpr Key kKeys[] = {
    {"v_name", "node", "name", "string"},
    {"v_type", "node", "type", "string"},
    {"v_aliases", "node", "aliases", "string"},
    {"v_mentions", "node", "mentions", "int"},
    {"e_relation", "edge", "relation", "string"},
    {"e_fact_id", "edge", "fact_id", "string"},
    {"e_start", "edge", "start", "string"},
    {"e_end", "edge", "end", "string"},
    {"e_time_value", "edge", "time_value", "string"},
    {"e_time_text", "edge", "time_text", "string"},
    {"e_time_source", "edge", "time_source", "string"},
    {"e_negated", "edge", "negated", "boolean"},
    {"e_hedged", "edge", "hedged", "boolean"},
    {"e_rule", "edge", "rule", "string"},
    {"e_doc", "edge", "doc", "string"},
    {"e_doc_date", "edge", "doc_date", "string"},
    {"e_sentence", "edge", "sentence", "string"},
    {"e_span_begin", "edge", "span_begin", "long"},
    {"e_span_end", "edge", "span_end", "long"},
};

void Data(const char* key, const std::string& value, std::ostream& out) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

const char* Bool(bool b, bool digits) {
  if (digits) return b ? "1" : "0";
  return b ? "true" : "false";
}

}  // namespace

void WriteGraphml(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
                  std::ostream& out) {
  const bool digits = options.graphml_boolean_digits;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (EntityId id : sub.entities) {
    const Entity& e = graph.entity(id);
    out << "    <node id=\"" << NodeId(id) << "\">\n";
    Data("v_name", e.name, out);
    Data("v_type", e.type, out);
    Data("v_aliases", JoinAliases(e), out);
    Data("v_mentions", std::to_string(graph.Degree(id)), out);
    out << "    </node>\n";
  }
  for (FactId id : sub.facts) {
    const Fact& f = graph.fact(id);
    out << "    <edge id=\"" << EdgeId(id) << "\" source=\"" << NodeId(graph.subject_of(id))
        << "\" target=\"" << NodeId(graph.object_of(id)) << "\">\n";
    for (const FactAttribute& a : FactAttributes(f, Bool(true, digits), Bool(false, digits))) {
      Data(("e_" + std::string(a.key)).c_str(), a.value, out);
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace kg
