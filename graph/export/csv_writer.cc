// CSV for graph databases' bulk loaders, with the script that loads it:
//  - neo4j-admin database import: neo4j_entities.csv (":ID", ":LABEL") and
//    neo4j_facts.csv (":START_ID", ":END_ID", ":TYPE"), typed property
//    columns ("start:date", "negated:boolean", "aliases:string[]"), import.sh.
//  - Kuzu COPY FROM: kuzu_entities.csv and kuzu_facts.csv, whose columns
//    follow the tables load.cypher creates (a rel table's first two columns
//    are the FROM and TO keys).
// Both quote fields as RFC 4180 (escape.h's CsvField); a field may span lines,
// which the scripts enable (--multiline-fields, PARALLEL=false). Empty fields
// are absent values (null) in both databases.
#include <cctype>
#include <sstream>
#include <string>

#include "graph/export/escape.h"
#include "graph/export/writers.h"

namespace kg {
namespace {

// neo4j-admin splits array values and labels at ';' and has no escape for it.
std::string ArrayItem(std::string s) {
  for (char& c : s) {
    if (c == ';') c = ',';
  }
  return s;
}

// "organization" -> "Organization", "news outlet" -> "NewsOutlet": labels that
// need no backquotes in Cypher. Empty if the type has no letter or digit.
std::string LabelFor(const std::string& type) {
  std::string label;
  bool upper = true;
  for (unsigned char c : type) {
    if (std::isalnum(c)) {
      label.push_back(static_cast<char>(upper ? std::toupper(c) : c));
      upper = false;
    } else {
      upper = true;
    }
  }
  return label;
}

void Row(std::ostringstream& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out << ',';
    out << CsvField(f);
    first = false;
  }
  out << '\n';
}

std::string Bool(bool b) { return b ? "true" : "false"; }
std::string DocDate(const Fact& f) { return f.doc_date ? f.doc_date->ToString() : ""; }
std::string TimeField(const Fact& f, std::string FactTime::*field) {
  return f.time ? (*f.time).*field : "";
}

// One relationship line: both ends, relation and fact id (Neo4j's :TYPE comes
// before the id, Kuzu's relation column after it), then the fact's fields.
void FactRow(const TemporalGraph& graph, FactId id, bool relation_first, std::ostringstream& out) {
  const Fact f = graph.fact(id);
  Row(out, {NodeId(graph.subject_of(id)), NodeId(graph.object_of(id)),
            relation_first ? f.relation : f.id, relation_first ? f.id : f.relation, StartDate(f),
            EndDate(f), TimeField(f, &FactTime::value), TimeField(f, &FactTime::text),
            TimeField(f, &FactTime::source), Bool(f.negated), Bool(f.hedged), f.rule, f.doc,
            DocDate(f), f.sentence, std::to_string(f.span_begin), std::to_string(f.span_end)});
}

std::string Neo4jEntities(const TemporalGraph& graph, const Subgraph& sub) {
  std::ostringstream out;
  out << "entityId:ID,name,type,aliases:string[],mentions:long,:LABEL\n";
  for (EntityId id : sub.entities) {
    const Entity& e = graph.entity(id);
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ";") + ArrayItem(a);
    std::string labels = "Entity";
    if (std::string l = LabelFor(e.type); !l.empty() && l != "Entity") labels += ";" + l;
    Row(out, {NodeId(id), e.name, e.type, aliases, std::to_string(graph.Degree(id)), labels});
  }
  return out.str();
}

std::string Neo4jFacts(const TemporalGraph& graph, const Subgraph& sub) {
  std::ostringstream out;
  out << ":START_ID,:END_ID,:TYPE,factId,start:date,end:date,timeValue,timeText,timeSource,"
         "negated:boolean,hedged:boolean,rule,doc,docDate:date,sentence,spanBegin:long,"
         "spanEnd:long\n";
  for (FactId id : sub.facts) FactRow(graph, id, /*relation_first=*/true, out);
  return out.str();
}

std::string KuzuEntities(const TemporalGraph& graph, const Subgraph& sub) {
  std::ostringstream out;
  out << "id,name,type,aliases,mentions\n";
  for (EntityId id : sub.entities) {
    const Entity& e = graph.entity(id);
    Row(out, {NodeId(id), e.name, e.type, JoinAliases(e), std::to_string(graph.Degree(id))});
  }
  return out.str();
}

std::string KuzuFacts(const TemporalGraph& graph, const Subgraph& sub) {
  std::ostringstream out;
  out << "from,to,fact_id,relation,start_date,end_date,time_value,time_text,time_source,negated,"
         "hedged,rule,doc,doc_date,sentence,span_begin,span_end\n";
  for (FactId id : sub.facts) FactRow(graph, id, /*relation_first=*/false, out);
  return out.str();
}

constexpr const char* kImportScript = R"sh(#!/bin/sh
# Loads this directory, written by `kg export --format csv`, into a new Neo4j
# database with neo4j-admin (Neo4j 5). The database must not exist yet:
#   sh import.sh [DATABASE]        (default: neo4j), then CREATE DATABASE if not neo4j.
set -e
cd "$(dirname "$0")"
neo4j-admin database import full \
  --nodes=neo4j_entities.csv \
  --relationships=neo4j_facts.csv \
  --multiline-fields=true \
  --array-delimiter=';' \
  "${1:-neo4j}"
)sh";

constexpr const char* kLoadCypher =
    R"cy(// Loads this directory, written by `kg export --format csv`, into Kuzu.
// Run it from this directory, e.g.: kuzu kg.kuzu < load.cypher
CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, aliases STRING, mentions INT64, PRIMARY KEY (id));
CREATE REL TABLE Fact(FROM Entity TO Entity, fact_id STRING, relation STRING, start_date DATE, end_date DATE, time_value STRING, time_text STRING, time_source STRING, negated BOOLEAN, hedged BOOLEAN, rule STRING, doc STRING, doc_date DATE, sentence STRING, span_begin INT64, span_end INT64);
COPY Entity FROM 'kuzu_entities.csv' (HEADER=true, ESCAPE='"', PARALLEL=false);
COPY Fact FROM 'kuzu_facts.csv' (HEADER=true, ESCAPE='"', PARALLEL=false);
)cy";

}  // namespace

std::vector<ExportFile> CsvFiles(const TemporalGraph& graph, const Subgraph& sub,
                                 const ExportOptions& options) {
  std::vector<ExportFile> files;
  if (options.csv_flavor != CsvFlavor::kKuzu) {
    files.push_back({"neo4j_entities.csv", Neo4jEntities(graph, sub)});
    files.push_back({"neo4j_facts.csv", Neo4jFacts(graph, sub)});
    files.push_back({"import.sh", kImportScript, true});
  }
  if (options.csv_flavor != CsvFlavor::kNeo4j) {
    files.push_back({"kuzu_entities.csv", KuzuEntities(graph, sub)});
    files.push_back({"kuzu_facts.csv", KuzuFacts(graph, sub)});
    files.push_back({"load.cypher", kLoadCypher});
  }
  return files;
}

}  // namespace kg
