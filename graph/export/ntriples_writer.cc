// N-Triples 1.1 (plain, ASCII-only) with the IRI scheme docs/formats.md
// documents. Under a base B (ExportOptions::base_iri):
//   entity      B entity/<name>      relation    B relation/<name>
//   entity type B type/<type>        fact        B fact/<fact id>
//   vocabulary  B vocab/<term>       every <...> part percent-encoded (escape.h)
// Time and evidence are attached by RDF reification (rdf:Statement with
// rdf:subject/predicate/object), not RDF-star, so every N-Triples 1.1 parser
// (rapper, rdflib, Jena) reads the file. The plain triple "s p o" is asserted
// only for facts that are neither negated nor hedged: a denial or a rumour is
// described, never stated.
#include <cctype>
#include <string>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

class TripleWriter {
 public:
  TripleWriter(const std::string& base, std::ostream& out) : base_(base), out_(out) {}

  std::string Iri(const char* kind, const std::string& name) const {
    return "<" + base_ + kind + "/" + PercentEncode(name) + ">";
  }
  std::string Vocab(const char* term) const { return "<" + base_ + "vocab/" + term + ">"; }
  static std::string Rdf(const char* term) { return std::string("<") + kRdf + term + ">"; }
  static std::string Rdfs(const char* term) { return std::string("<") + kRdfs + term + ">"; }

  void Triple(const std::string& s, const std::string& p, const std::string& o) {
    out_ << s << ' ' << p << ' ' << o << " .\n";
  }
  // A plain string literal; empty values are left out.
  void Text(const std::string& s, const std::string& p, const std::string& value) {
    if (!value.empty()) Triple(s, p, "\"" + NTriplesEscape(value) + "\"");
  }
  void Typed(const std::string& s, const std::string& p, const std::string& value,
             const char* xsd_type) {
    if (value.empty()) return;
    Triple(s, p, "\"" + NTriplesEscape(value) + "\"^^<" + kXsd + xsd_type + ">");
  }

 private:
  const std::string& base_;
  std::ostream& out_;
};

void WriteEntity(const Entity& e, TripleWriter& w) {
  std::string s = w.Iri("entity", e.name);
  w.Text(s, TripleWriter::Rdfs("label"), e.name);
  if (!e.type.empty()) w.Triple(s, TripleWriter::Rdf("type"), w.Iri("type", e.type));
  for (const std::string& alias : e.aliases) w.Text(s, w.Vocab("alias"), alias);
}

void WriteFact(const TemporalGraph& graph, FactId id, TripleWriter& w) {
  const Fact& f = graph.fact(id);
  std::string s = w.Iri("entity", graph.entity(graph.subject_of(id)).name);
  std::string p = w.Iri("relation", f.relation);
  std::string o = w.Iri("entity", graph.entity(graph.object_of(id)).name);
  if (!f.negated && !f.hedged) w.Triple(s, p, o);
  std::string st = w.Iri("fact", f.id.empty() ? EdgeId(id) : f.id);
  w.Triple(st, TripleWriter::Rdf("type"), TripleWriter::Rdf("Statement"));
  w.Triple(st, TripleWriter::Rdf("subject"), s);
  w.Triple(st, TripleWriter::Rdf("predicate"), p);
  w.Triple(st, TripleWriter::Rdf("object"), o);
  w.Typed(st, w.Vocab("start"), StartDate(f), "date");
  w.Typed(st, w.Vocab("end"), EndDate(f), "date");
  if (f.time) {
    w.Text(st, w.Vocab("timeValue"), f.time->value);
    w.Text(st, w.Vocab("timeText"), f.time->text);
    w.Text(st, w.Vocab("timeSource"), f.time->source);
  }
  w.Typed(st, w.Vocab("negated"), f.negated ? "true" : "false", "boolean");
  w.Typed(st, w.Vocab("hedged"), f.hedged ? "true" : "false", "boolean");
  w.Text(st, w.Vocab("rule"), f.rule);
  w.Text(st, w.Vocab("doc"), f.doc);
  if (f.doc_date) w.Typed(st, w.Vocab("docDate"), f.doc_date->ToString(), "date");
  w.Text(st, w.Vocab("sentence"), f.sentence);
  w.Typed(st, w.Vocab("spanBegin"), std::to_string(f.span_begin), "integer");
  w.Typed(st, w.Vocab("spanEnd"), std::to_string(f.span_end), "integer");
}

}  // namespace

Status CheckBaseIri(const std::string& base) {
  size_t colon = base.find(':');
  bool scheme_ok =
      colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(base[0]));
  for (size_t i = 0; scheme_ok && i < colon; ++i) {
    char c = base[i];
    scheme_ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok) return Status::Error("export: base IRI '" + base + "' has no scheme");
  for (unsigned char c : base) {
    if (c <= 0x20 || c >= 0x7F ||
        std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos) {
      return Status::Error("export: base IRI '" + RepairUtf8(base) +
                           "' must be ASCII without spaces or <>\"{}|^`\\");
    }
  }
  return Status::Ok();
}

void WriteNTriples(const TemporalGraph& graph, const Subgraph& sub, const ExportOptions& options,
                   std::ostream& out) {
  TripleWriter w(options.base_iri, out);
  for (EntityId id : sub.entities) WriteEntity(graph.entity(id), w);
  for (const std::string& relation : sub.relations) {
    w.Text(w.Iri("relation", relation), TripleWriter::Rdfs("label"), relation);
  }
  for (FactId id : sub.facts) WriteFact(graph, id, w);
}

}  // namespace kg
