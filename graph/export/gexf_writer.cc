// GEXF 1.3 (https://gexf.net/) in dynamic mode, for Gephi's timeline: each
// fact edge has a spell from its time span (timeformat="date", inclusive
// days), and each entity the union of its facts' spells, so playing the
// timeline shows the graph as it was known to be at each date. A fact with no
// time, or an entity with an undated fact, has no spell: GEXF reads that as
// present throughout. Attributes are static and typed. Validated by the
// tests against the GEXF 1.3 XSD with xmllint. Viz colours are left out: the
// 1.3 schema and Gephi disagree on their namespace.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

struct Attribute {
  const char* id;
  const char* type;  // GEXF attrtype
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "string"}, {"aliases", "string"}, {"mentions", "integer"}};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"},    {"fact_id", "string"},    {"start", "string"},
    {"end", "string"},         {"time_value", "string"}, {"time_text", "string"},
    {"time_source", "string"}, {"negated", "boolean"},   {"hedged", "boolean"},
    {"rule", "string"},        {"doc", "string"},        {"doc_date", "string"},
    {"sentence", "string"},    {"span_begin", "long"},   {"span_end", "long"},
};

// An inclusive interval; either end may be open.
struct Spell {
  std::optional<Date> start;
  std::optional<Date> end;
};

// The spells of an entity: its facts' intervals merged where they overlap or
// touch. nullopt (no spell: always present) if any fact is open or undated.
std::optional<std::vector<Spell>> EntitySpells(const TemporalGraph& graph,
                                               const std::vector<FactId>& facts) {
  std::vector<std::pair<Date, Date>> spans;
  for (FactId f : facts) {
    std::optional<int64_t> start = graph.start_day(f), end = graph.end_day(f);
    if (!start || !end) return std::nullopt;
    spans.emplace_back(Date::FromDays(*start), Date::FromDays(std::max(*start, *end)));
  }
  if (spans.empty()) return std::nullopt;
  std::sort(spans.begin(), spans.end());
  std::vector<Spell> merged;
  Date start = spans[0].first, end = spans[0].second;
  for (const auto& [s, e] : spans) {
    if (s.ToDays() > end.ToDays() + 1) {
      merged.push_back({start, end});
      start = s;
    }
    end = std::max(end, e);
  }
  merged.push_back({start, end});
  return merged;
}

void WriteSpells(const std::vector<Spell>& spells, std::ostream& out) {
  out << "        <spells>\n";
  for (const Spell& s : spells) {
    out << "          <spell";
    if (s.start) out << " start=\"" << s.start->ToString() << "\"";
    if (s.end) out << " end=\"" << s.end->ToString() << "\"";
    out << "/>\n";
  }
  out << "        </spells>\n";
}

void Value(const char* id, const std::string& value, std::ostream& out) {
  if (value.empty()) return;
  out << "          <attvalue for=\"" << id << "\" value=\"" << XmlEscape(value) << "\"/>\n";
}

template <size_t N>
void Declare(const char* cls, const Attribute (&attributes)[N], std::ostream& out) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (const Attribute& a : attributes) {
    out << "      <attribute id=\"" << a.id << "\" title=\"" << a.id << "\" type=\"" << a.type
        << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void WriteNode(const TemporalGraph& graph, EntityId id, const std::vector<FactId>& facts,
               std::ostream& out) {
  const Entity& e = graph.entity(id);
  out << "      <node id=\"" << NodeId(id) << "\" label=\"" << XmlEscape(e.name) << "\">\n"
      << "        <attvalues>\n";
  Value("type", e.type, out);
  Value("aliases", JoinAliases(e), out);
  Value("mentions", std::to_string(graph.Degree(id)), out);
  out << "        </attvalues>\n";
  if (auto spells = EntitySpells(graph, facts)) WriteSpells(*spells, out);
  out << "      </node>\n";
}

void WriteEdge(const TemporalGraph& graph, FactId id, std::ostream& out) {
  const Fact& f = graph.fact(id);
  out << "      <edge id=\"" << EdgeId(id) << "\" source=\"" << NodeId(graph.subject_of(id))
      << "\" target=\"" << NodeId(graph.object_of(id)) << "\" label=\"" << XmlEscape(f.relation)
      << "\">\n        <attvalues>\n";
  for (const FactAttribute& a : FactAttributes(f, "true", "false")) Value(a.key, a.value, out);
  out << "        </attvalues>\n";
  if (f.time && (f.time->start || f.time->end)) {
    Spell spell{f.time->start, f.time->end};
    if (spell.start && spell.end && *spell.end < *spell.start) spell.end = spell.start;
    WriteSpells({spell}, out);
  }
  out << "      </edge>\n";
}

}  // namespace

void WriteGexf(const TemporalGraph& graph, const Subgraph& sub, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta>\n    <creator>kg</creator>\n"
         "    <description>temporal knowledge graph: entities and dated facts</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  Declare("node", kNodeAttributes, out);
  Declare("edge", kEdgeAttributes, out);
  out << "    <nodes count=\"" << sub.entities.size() << "\">\n";
  // An entity's spells come from the facts exported, so a query's subgraph
  // plays its own story rather than the whole graph's.
  std::vector<std::vector<FactId>> facts_of(graph.entity_count());
  for (FactId f : sub.facts) {
    facts_of[graph.subject_of(f)].push_back(f);
    facts_of[graph.object_of(f)].push_back(f);
  }
  for (EntityId id : sub.entities) WriteNode(graph, id, facts_of[id], out);
  out << "    </nodes>\n    <edges count=\"" << sub.facts.size() << "\">\n";
  for (FactId id : sub.facts) WriteEdge(graph, id, out);
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace kg
