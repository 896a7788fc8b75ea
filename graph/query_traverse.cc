// The graph-walking commands: neighbors, path, tpath and paths.
#include <string>

#include "graph/model/decimal.h"
#include "graph/query_engine.h"

namespace kg {
namespace {

const char* kNegatedNote = "negated facts are not walked (add `negated` to include them)";

// "N hop(s)", appended in place.
void AppendHops(size_t n, std::string* out) {
  decimal::Append(static_cast<int64_t>(n), out);
  *out += n == 1 ? " hop" : " hops";
}

std::string Hops(size_t n) {
  std::string out;
  AppendHops(n, &out);
  return out;
}

}  // namespace

bool QueryEngine::Neighbors(const Query& q, Answer* a, QueryError* error) {
  EntityId start = 0;
  if (!Resolve(q.entities[0], &start, error)) return false;
  const EdgeFilter filter = WalkFilter(q);
  // Evaluation finds the entities; the connecting edges and the rows are
  // gathered on completion by walking again with the same filter (whose
  // masks stay valid until the engine's next query).
  Neighborhood(index_, start, q.depth, filter, &scratch_, &reached_);
  SetColumns(a, {"depth", "entity", "type", "subject", "relation", "object", "time", "fact"});
  size_t shown = q.type ? 0 : reached_.size();
  if (q.type) {
    for (const Reached& r : reached_) shown += TypeMatches(q, r.entity);
  }
  // The completion keeps what it needs rather than a copy of the whole query:
  // evaluation is what `kg query --timing` reports, and a copy is allocations.
  pending_neighbors_.start = start;
  pending_neighbors_.depth = q.depth;
  pending_neighbors_.filter = filter;
  pending_neighbors_.type = q.type;
  a->complete = [this](Answer* answer) { CompleteNeighbors(answer); };
  // Appended in place: for a quiet source the title is a good part of the query.
  const std::string& name = graph_.entity(start).name;
  a->title.reserve(name.size() + 40);
  a->title += name;
  a->title += ": ";
  decimal::Append(static_cast<int64_t>(shown), &a->title);
  a->title += shown == 1 ? " entity within " : " entities within ";
  AppendHops(static_cast<size_t>(q.depth), &a->title);
  if (!q.include_negated) a->notes.push_back(kNegatedNote);
  return true;
}

void QueryEngine::CompleteNeighbors(Answer* answer) {
  const PendingNeighbors& p = pending_neighbors_;
  Neighborhood(index_, p.start, p.depth, p.filter, &scratch_, &reached_, &steps_);
  answer->entities.push_back(p.start);
  answer->rows.reserve(steps_.size());
  auto edge = steps_.begin();  // grouped by reached entity, in reached_ order
  for (const Reached& r : reached_) {
    auto first = edge;
    while (edge != steps_.end() && edge->to == r.entity) ++edge;
    if (!TypeMatches(p.type, r.entity)) continue;
    answer->entities.push_back(r.entity);
    const Entity& entity = graph_.entity(r.entity);
    for (auto s = first; s != edge; ++s) {
      // Built in place: a hub's answer has tens of thousands of rows.
      std::vector<Cell>& row = answer->rows.emplace_back();
      row.reserve(8);
      row.emplace_back(r.depth);
      row.push_back(Cell::Ref(entity.name));
      row.push_back(Cell::Ref(entity.type));
      AppendEdgeCells(s->fact, &row);
      answer->facts.push_back(s->fact);
    }
  }
  FinishSelection(answer);
}

bool QueryEngine::Path(const Query& q, Answer* a, QueryError* error) {
  EntityId from = 0, to = 0;
  if (!ResolvePair(q, &from, &to, error)) return false;
  std::optional<std::vector<Step>> path = ShortestPath(index_, from, to, WalkFilter(q), &scratch_);
  SetColumns(a, {"step", "subject", "relation", "object", "time", "fact"});
  const std::string ends = graph_.entity(from).name + " -> " + graph_.entity(to).name;
  if (!path) {
    a->title = "no path " + ends;
  } else {
    a->title = "path " + ends + ": " + Hops(path->size());
    a->entities.push_back(from);
    for (size_t i = 0; i < path->size(); ++i) {
      FactId f = (*path)[i].fact;
      std::vector<Cell>& row = a->rows.emplace_back();
      row.emplace_back(i + 1);
      AppendEdgeCells(f, &row);
      AddStep(a, f);
    }
  }
  if (!q.include_negated) a->notes.push_back(kNegatedNote);
  return true;
}

bool QueryEngine::TemporalPath(const Query& q, Answer* a, QueryError* error) {
  EntityId from = 0, to = 0;
  if (!ResolvePair(q, &from, &to, error)) return false;
  std::optional<std::vector<TimedStep>> path =
      EarliestArrivalPath(index_, from, to, WalkFilter(q), q.window.Range(), &temporal_scratch_);
  SetColumns(a, {"step", "at", "subject", "relation", "object", "time", "fact"});
  const std::string ends = graph_.entity(from).name + " -> " + graph_.entity(to).name;
  if (!path) {
    a->title = "no time-respecting path " + ends;
  } else {
    a->title = "tpath " + ends + ": " + Hops(path->size());
    if (!path->empty()) a->title += ", arriving " + DayToString(path->back().day);
    a->entities.push_back(from);
    for (size_t i = 0; i < path->size(); ++i) {
      const TimedStep& t = (*path)[i];
      std::vector<Cell>& row = a->rows.emplace_back();
      row.emplace_back(i + 1);
      row.emplace_back(DayToString(t.day));
      AppendEdgeCells(t.step.fact, &row);
      AddStep(a, t.step.fact);
    }
  }
  a->notes.push_back(
      "undated facts are not walked; each step is taken on or after the day of "
      "the one before");
  if (!q.include_negated) a->notes.push_back(kNegatedNote);
  return true;
}

bool QueryEngine::Paths(const Query& q, Answer* a, QueryError* error) {
  EntityId from = 0, to = 0;
  if (!ResolvePair(q, &from, &to, error)) return false;
  bool truncated = false;
  std::vector<std::vector<Step>> paths =
      SimplePaths(index_, from, to, q.max_hops, q.limit, WalkFilter(q), &scratch_, &truncated);
  SetColumns(a, {"path", "hops", "entities", "relations", "facts"});
  for (size_t i = 0; i < paths.size(); ++i) {
    std::vector<Cell> entities = {graph_.entity(from).name};
    std::vector<Cell> relations, facts;
    for (const Step& s : paths[i]) {
      entities.push_back(graph_.entity(s.to).name);
      const Fact& f = graph_.fact(s.fact);
      bool forward = graph_.subject_of(s.fact) == s.from;
      relations.push_back(forward ? f.relation : "<" + f.relation);
      facts.push_back(f.id);
      AddStep(a, s.fact);
    }
    a->rows.push_back({i + 1, paths[i].size(), entities, relations, facts});
  }
  a->title = std::to_string(paths.size()) + (paths.size() == 1 ? " path " : " paths ") +
             graph_.entity(from).name + " -> " + graph_.entity(to).name + " of at most " +
             Hops(q.max_hops);
  a->notes.push_back("<relation: the edge points back, from the later entity to the earlier");
  if (truncated) {
    a->notes.push_back("stopped at the limit of " + std::to_string(q.limit) +
                       " paths (raise it with `limit K`)");
  }
  if (!q.include_negated) a->notes.push_back(kNegatedNote);
  return true;
}

}  // namespace kg
