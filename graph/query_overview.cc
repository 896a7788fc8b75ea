// The whole-graph commands: states (and `at DATE` alone), top, stats,
// relations and diff.
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>

#include "graph/query_engine.h"
#include "graph/ranking.h"

namespace kg {
namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool QueryEngine::States(const Query& q, Answer* a, QueryError* error) {
  std::optional<EntityId> who;
  if (!q.entities.empty()) {
    EntityId e = 0;
    if (!Resolve(q.entities[0], &e, error)) return false;
    who = e;
  }
  std::set<std::string> relations;
  for (const RelationArg& r : q.relations) relations.insert(r.name);
  const bool at = q.at.has_value();
  const int64_t at_day = at ? q.at->end.ToDays() : 0;
  const bool windowed = q.window.bounded();
  const DayRange window = q.window.Range();
  SetColumns(
      a, {"subject", "relation", "object", "from", "until", "reports", "opened_by", "closed_by"});
  for (const StateInterval& s : states_) {
    if (who && s.subject != *who && s.object != *who) continue;
    if (!relations.empty() && !relations.count(s.relation)) continue;
    // Known by then if any report of it was: the earliest opener may come from a
    // later article looking back.
    if (at && (!s.ValidOn(at_day) || std::none_of(s.reports.begin(), s.reports.end(),
                                                  [&](FactId f) { return KnownBy(f, at_day); }))) {
      continue;
    }
    // A state overlaps the window when it starts before the window ends and is
    // still open on the window's first day.
    if (windowed && (s.start > window.last || (s.end && *s.end <= window.first))) continue;
    const Fact& opener = graph_.fact(s.opened_by);
    bool closed = s.closed_by && (!at || KnownBy(*s.closed_by, at_day));
    a->rows.push_back({graph_.entity(s.subject).name, s.relation, graph_.entity(s.object).name,
                       FormatFactTime(opener),
                       closed ? Cell(FormatFactTime(graph_.fact(*s.closed_by))) : Cell("(still)"),
                       s.reports.size(), opener.id,
                       closed ? Cell(graph_.fact(*s.closed_by).id) : Cell()});
    for (FactId f : s.reports) AddStep(a, f);
    if (closed) AddStep(a, *s.closed_by);
  }
  a->title = Plural(a->rows.size(), "state", "states");
  if (at) a->title += " valid on " + DayToString(at_day);
  if (who) a->title += " involving " + graph_.entity(*who).name;
  std::string pairs;
  for (const StateRule& rule : state_rules_) {
    pairs += (pairs.empty() ? "" : ", ") + rule.opens + "..";
    for (size_t i = 0; i < rule.closes.size(); ++i) {
      pairs += (i ? "|" : "") + std::string(rule.closer_reversed ? "~" : "") + rule.closes[i];
    }
  }
  a->notes.push_back("state pairs (~: closer points back): " + pairs);
  return true;
}

bool QueryEngine::Top(const Query& q, Answer* a, QueryError* error) {
  if (!BuildMask(q, {true, false}, error)) return false;
  std::vector<double> score(index_.entity_count(), 0.0);
  if (q.pagerank) {
    score = PageRank(index_, &mask_);
  } else {
    for (FactId f = 0; f < index_.fact_count(); ++f) {
      if (!mask_[f]) continue;
      score[graph_.subject_of(f)] += 1;
      score[graph_.object_of(f)] += 1;
    }
  }
  std::vector<EntityId> order;
  for (EntityId e = 0; e < index_.entity_count(); ++e) {
    if (TypeMatches(q, e)) order.push_back(e);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](EntityId x, EntityId y) { return score[x] > score[y]; });
  if (order.size() > q.top_n) order.resize(q.top_n);
  SetColumns(a, {"rank", "entity", "type", q.pagerank ? "pagerank" : "degree"});
  for (size_t i = 0; i < order.size(); ++i) {
    EntityId e = order[i];
    std::vector<Cell>& row = a->rows.emplace_back();
    row.emplace_back(i + 1);
    row.emplace_back(graph_.entity(e).name);
    row.emplace_back(graph_.entity(e).type);
    if (q.pagerank) {
      row.emplace_back(score[e]);
    } else {
      row.emplace_back(static_cast<int64_t>(score[e]));
    }
    a->entities.push_back(e);
  }
  a->title = "top " + std::to_string(order.size()) + " by " + (q.pagerank ? "pagerank" : "degree");
  a->notes.push_back("negated facts are not counted");
  return true;
}

bool QueryEngine::Stats(const Query& q, Answer* a) {
  QueryError ignored;
  if (!BuildMask(q, {false, true}, &ignored)) return false;
  std::unordered_set<std::string_view> docs;
  std::vector<uint8_t> relations(index_.relations().size(), 0), entities(index_.entity_count(), 0);
  size_t facts = 0, dated = 0, negated = 0, hedged = 0;
  std::optional<int64_t> first, last;
  for (FactId f = 0; f < index_.fact_count(); ++f) {
    if (!mask_[f]) continue;
    ++facts;
    negated += graph_.negated(f);
    hedged += graph_.hedged(f);
    docs.insert(graph_.doc(f));  // a view into the graph's strings: outlives the loop
    relations[index_.relation(f)] = 1;
    entities[graph_.subject_of(f)] = 1;
    entities[graph_.object_of(f)] = 1;
    if (const std::optional<DayRange>& d = index_.days(f)) {
      ++dated;
      first = std::min(first.value_or(d->first), d->first);
      last = std::max(last.value_or(d->last), d->last);
    }
  }
  size_t entity_count = index_.entity_count();
  if (q.at) entity_count = static_cast<size_t>(std::count(entities.begin(), entities.end(), 1));
  const size_t relation_count =
      static_cast<size_t>(std::count(relations.begin(), relations.end(), 1));
  SetColumns(a, {"field", "value"});
  AddField(a, "entities", entity_count);
  AddField(a, "facts", facts);
  AddField(a, "relations", relation_count);
  AddField(a, "documents", docs.size());
  AddField(a, "dated_facts", dated);
  AddField(a, "undated_facts", facts - dated);
  AddField(a, "negated_facts", negated);
  AddField(a, "hedged_facts", hedged);
  AddField(a, "state_intervals", states_.size());
  AddField(a, "earliest", DayCell(first));
  AddField(a, "latest", DayCell(last));
  a->title = Plural(entity_count, "entity", "entities") + ", " + Plural(facts, "fact", "facts");
  return true;
}

bool QueryEngine::Relations(const Query& q, Answer* a) {
  QueryError ignored;
  if (!BuildMask(q, {false, true}, &ignored)) return false;
  const size_t n = index_.relations().size();
  std::vector<size_t> count(n), negated(n), dated(n);
  for (FactId f = 0; f < index_.fact_count(); ++f) {
    if (!mask_[f]) continue;
    RelationId r = index_.relation(f);
    ++count[r];
    negated[r] += graph_.negated(f);
    dated[r] += index_.days(f).has_value();
  }
  std::vector<RelationId> order;
  for (RelationId r = 0; r < n; ++r) {
    if (count[r]) order.push_back(r);
  }
  std::sort(order.begin(), order.end(), [&](RelationId x, RelationId y) {
    if (count[x] != count[y]) return count[x] > count[y];
    return index_.relations()[x] < index_.relations()[y];
  });
  SetColumns(a, {"relation", "facts", "dated", "negated"});
  for (RelationId r : order) {
    a->rows.push_back({index_.relations()[r], count[r], dated[r], negated[r]});
  }
  a->title = Plural(order.size(), "relation", "relations");
  return true;
}

bool QueryEngine::Diff(const Query& q, Answer* a) {
  const int64_t t1 = q.diff_from.end.ToDays(), t2 = q.diff_to.end.ToDays();
  SetColumns(a, {"change", "subject", "relation", "object", "time", "fact"});
  size_t started = 0, ended = 0, reported = 0;
  for (const StateInterval& s : states_) {
    bool before = s.ValidOn(t1) && KnownBy(s.opened_by, t1);
    bool after = s.ValidOn(t2) && KnownBy(s.opened_by, t2);
    if (before == after) continue;
    FactId f = after ? s.opened_by : s.closed_by.value_or(s.opened_by);
    std::vector<Cell> row = {after ? "state started" : "state ended",
                             graph_.entity(s.subject).name,
                             s.relation,
                             graph_.entity(s.object).name,
                             FormatFactTime(graph_.fact(f)),
                             graph_.fact(f).id};
    a->rows.push_back(std::move(row));
    AddStep(a, s.opened_by);
    if (s.closed_by) AddStep(a, *s.closed_by);
    ++(after ? started : ended);
  }
  std::vector<FactId> fresh;
  for (FactId f = 0; f < index_.fact_count(); ++f) {
    if (KnownBy(f, t2) && !KnownBy(f, t1)) fresh.push_back(f);
  }
  std::stable_sort(fresh.begin(), fresh.end(), [&](FactId x, FactId y) {
    int64_t rx = index_.report_day(x).value_or(index_.days(x) ? index_.days(x)->first : 0);
    int64_t ry = index_.report_day(y).value_or(index_.days(y) ? index_.days(y)->first : 0);
    return rx < ry;
  });
  for (FactId f : fresh) {
    const Fact& fact = graph_.fact(f);
    a->rows.push_back({fact.negated ? "reported (negated)" : "reported", fact.subject,
                       fact.relation, fact.object, FormatFactTime(fact), fact.id});
    AddStep(a, f);
    ++reported;
  }
  a->title = "from " + DayToString(t1) + " to " + DayToString(t2) + ": " +
             Plural(started, "state started", "states started") + ", " +
             Plural(ended, "ended", "ended") + ", " +
             Plural(reported, "fact reported", "facts reported");
  return true;
}

}  // namespace kg
