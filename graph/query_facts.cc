// The fact-listing commands: timeline, facts, reports, explain and entity.
#include <algorithm>
#include <map>
#include <set>

#include "graph/aggregate.h"
#include "graph/query_engine.h"

namespace kg {
namespace {

std::string Flags(const Fact& f) {
  std::string out = f.negated ? "negated" : "";
  if (f.hedged) out += out.empty() ? "hedged" : ",hedged";
  return out;
}

}  // namespace

bool QueryEngine::SelectFacts(const Query& q, std::vector<FactId>* out, QueryError* error) {
  std::optional<EntityId> subject, object;
  EntityId id = 0;
  if (q.subject) {
    if (!Resolve(*q.subject, &id, error)) return false;
    subject = id;
  }
  if (q.object) {
    if (!Resolve(*q.object, &id, error)) return false;
    object = id;
  }
  if (!BuildMask(q, {true, /*include_negated=*/true}, error)) return false;
  out->clear();
  auto consider = [&](FactId f) {
    if (!mask_[f]) return;
    if (subject && graph_.subject_of(f) != *subject) return;
    if (object && graph_.object_of(f) != *object) return;
    out->push_back(f);
  };
  // With an endpoint given only its incident facts can match.
  if (subject || object) {
    const bool from_subject = subject.has_value();
    for (const Incidence& inc : index_.Incident(from_subject ? *subject : *object)) {
      if (inc.outgoing == from_subject) consider(inc.fact);
    }
    std::sort(out->begin(), out->end());
  } else {
    for (FactId f = 0; f < index_.fact_count(); ++f) consider(f);
  }
  SortByTime(out);
  return true;
}

void QueryEngine::SortByTime(std::vector<FactId>* facts) const {
  // In time order, undated last; fact ids (report order) break ties.
  std::sort(facts->begin(), facts->end(), [&](FactId x, FactId y) {
    const std::optional<DayRange>& dx = index_.days(x);
    const std::optional<DayRange>& dy = index_.days(y);
    if (dx.has_value() != dy.has_value()) return dx.has_value();
    if (dx && dx->first != dy->first) return dx->first < dy->first;
    if (dx && dx->last != dy->last) return dx->last < dy->last;
    return x < y;
  });
}

bool QueryEngine::Timeline(const Query& q, Answer* a, QueryError* error) {
  EntityId e = 0;
  if (!Resolve(q.entities[0], &e, error)) return false;
  // E's facts: as subject, plus as object of facts whose subject is not E.
  Query as_subject = q;
  as_subject.subject = q.entities[0];
  Query as_object = q;
  as_object.object = q.entities[0];
  std::vector<FactId> facts, more;
  if (!SelectFacts(as_subject, &facts, error) || !SelectFacts(as_object, &more, error)) {
    return false;
  }
  for (FactId f : more) {
    if (graph_.subject_of(f) != e) facts.push_back(f);
  }
  SortByTime(&facts);
  SetColumns(a, {"time", "subject", "relation", "object", "flags", "doc", "fact"});
  for (FactId f : facts) {
    const Fact& fact = graph_.fact(f);
    std::vector<Cell> row = {FormatFactTime(fact), fact.subject, fact.relation, fact.object,
                             Flags(fact),          fact.doc,     fact.id};
    a->rows.push_back(std::move(row));
    AddStep(a, f);
  }
  a->entities.push_back(e);
  a->title = "timeline of " + graph_.entity(e).name + ": " + std::to_string(a->rows.size()) +
             (a->rows.size() == 1 ? " fact" : " facts");
  return true;
}

bool QueryEngine::Facts(const Query& q, Answer* a, QueryError* error) {
  std::vector<FactId> facts;
  if (!SelectFacts(q, &facts, error)) return false;
  SetColumns(a, {"fact", "subject", "relation", "object", "time", "flags", "doc"});
  size_t limit = q.limit_given ? q.limit : facts.size();
  for (size_t i = 0; i < facts.size() && i < limit; ++i) {
    const Fact& fact = graph_.fact(facts[i]);
    a->rows.push_back({fact.id, fact.subject, fact.relation, fact.object, FormatFactTime(fact),
                       Flags(fact), fact.doc});
    AddStep(a, facts[i]);
  }
  a->title = std::to_string(facts.size()) + (facts.size() == 1 ? " fact" : " facts");
  if (limit < facts.size()) a->notes.push_back("showing the first " + std::to_string(limit));
  return true;
}

bool QueryEngine::Reports(const Query& q, Answer* a, QueryError* error) {
  std::vector<FactId> facts;
  if (!SelectFacts(q, &facts, error)) return false;
  std::vector<Claim> claims = AggregateFacts(index_, facts);
  std::stable_sort(claims.begin(), claims.end(),
                   [](const Claim& x, const Claim& y) { return x.mentions() > y.mentions(); });
  SetColumns(a, {"subject", "relation", "object", "time", "negated", "mentions", "documents",
                 "first_report", "last_report", "docs"});
  size_t limit = q.limit_given ? q.limit : claims.size();
  for (size_t i = 0; i < claims.size() && i < limit; ++i) {
    const Claim& c = claims[i];
    const Fact& first = graph_.fact(c.facts.front());
    a->rows.push_back({first.subject, first.relation, first.object, FormatFactTime(first),
                       c.negated, c.mentions(), c.docs.size(), DayCell(c.first_report),
                       DayCell(c.last_report), c.docs});
    for (FactId f : c.facts) AddStep(a, f);
  }
  a->title = std::to_string(claims.size()) + (claims.size() == 1 ? " claim" : " claims") +
             " from " + std::to_string(facts.size()) + (facts.size() == 1 ? " fact" : " facts");
  if (limit < claims.size()) a->notes.push_back("showing the first " + std::to_string(limit));
  return true;
}

bool QueryEngine::Explain(const Query& q, Answer* a, QueryError* error) {
  std::vector<FactId> found = index_.FindFacts(q.fact_id);
  if (found.empty()) {
    *error = {"no fact with id '" + q.fact_id + "' (ids are listed by facts, path, timeline)",
              q.fact_id_range};
    return false;
  }
  if (found.size() > 1) {
    std::string some;
    for (size_t i = 0; i < found.size() && i < 3; ++i) {
      some += (i ? ", " : "") + graph_.fact(found[i]).id;
    }
    *error = {"fact id prefix '" + q.fact_id + "' is ambiguous: " + std::to_string(found.size()) +
                  " facts (" + some + (found.size() > 3 ? ", ..." : "") + ")",
              q.fact_id_range};
    return false;
  }
  const FactId f = found[0];
  const Fact& fact = graph_.fact(f);
  SetColumns(a, {"field", "value"});
  auto add = [a](const char* field, Cell value) { AddField(a, field, std::move(value)); };
  add("id", fact.id);
  add("doc", fact.doc);
  add("doc_date", fact.doc_date ? Cell(fact.doc_date->ToString()) : Cell());
  add("subject", fact.subject + " (" + fact.subject_type + ")");
  add("subject_as_written",
      fact.subject_mention.text + (fact.subject_mention.resolution.empty()
                                       ? ""
                                       : " [" + fact.subject_mention.resolution + "]"));
  add("relation", fact.relation);
  add("object", fact.object + " (" + fact.object_type + ")");
  add("object_as_written",
      fact.object_mention.text + (fact.object_mention.resolution.empty()
                                      ? ""
                                      : " [" + fact.object_mention.resolution + "]"));
  if (fact.time) {
    add("time", fact.time->value);
    add("time_text", fact.time->text);
    add("time_source", fact.time->source);
    add("time_start", fact.time->start ? Cell(fact.time->start->ToString()) : nullptr);
    add("time_end", fact.time->end ? Cell(fact.time->end->ToString()) : nullptr);
  } else {
    add("time", nullptr);
  }
  add("negated", fact.negated);
  add("hedged", fact.hedged);
  add("rule", fact.rule);
  add("sentence", fact.sentence);
  add("span", std::vector<Cell>{fact.span_begin, fact.span_end});
  AddStep(a, f);
  a->title = fact.subject + " " + fact.relation + " " + fact.object +
             (fact.time ? " (" + FormatFactTime(fact) + ")" : "");
  return true;
}

bool QueryEngine::EntityInfo(const Query& q, Answer* a, QueryError* error) {
  EntityId e = 0;
  if (!Resolve(q.entities[0], &e, error)) return false;
  if (!BuildMask(q, {false, true}, error)) return false;
  const Entity& entity = graph_.entity(e);
  std::optional<int64_t> first_seen, last_seen, first_report, last_report;
  std::map<std::string, size_t> relations;
  std::set<std::string> docs;
  size_t out_degree = 0, in_degree = 0, negated = 0;
  for (const Incidence& inc : index_.Incident(e)) {
    if (!mask_[inc.fact]) continue;
    // A self-loop appears twice (as subject and object); count its fact once.
    if (inc.other == e && !inc.outgoing) continue;
    const Fact& fact = graph_.fact(inc.fact);
    (inc.outgoing ? out_degree : in_degree)++;
    if (inc.other == e) ++in_degree;
    negated += fact.negated;
    ++relations[fact.relation];
    if (!fact.doc.empty()) docs.insert(fact.doc);
    if (const std::optional<DayRange>& d = index_.days(inc.fact)) {
      first_seen = std::min(first_seen.value_or(d->first), d->first);
      last_seen = std::max(last_seen.value_or(d->last), d->last);
    }
    if (std::optional<int64_t> r = index_.report_day(inc.fact)) {
      first_report = std::min(first_report.value_or(*r), *r);
      last_report = std::max(last_report.value_or(*r), *r);
    }
    AddStep(a, inc.fact);
  }
  std::vector<std::string> relation_list;
  for (const auto& [name, count] : relations) {
    relation_list.push_back(name + " " + std::to_string(count));
  }
  SetColumns(a, {"field", "value"});
  AddField(a, "name", entity.name);
  AddField(a, "type", entity.type);
  AddField(a, "aliases", entity.aliases);
  AddField(a, "out_degree", out_degree);
  AddField(a, "in_degree", in_degree);
  AddField(a, "negated_facts", negated);
  AddField(a, "documents", docs.size());
  AddField(a, "first_seen", DayCell(first_seen));
  AddField(a, "last_seen", DayCell(last_seen));
  AddField(a, "first_reported", DayCell(first_report));
  AddField(a, "last_reported", DayCell(last_report));
  AddField(a, "relations", relation_list);
  a->entities.push_back(e);
  a->title = entity.name + (entity.type.empty() ? "" : " (" + entity.type + ")");
  return true;
}

}  // namespace kg
