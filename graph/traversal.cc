#include "graph/traversal.h"

#include <algorithm>

namespace kg {

void TraversalScratch::Reset(size_t n) {
  if (stamp.size() < n) {
    stamp.resize(n, 0);
    depth.resize(n, 0);
    rank.resize(n);
  }
  if (++current == 0) {  // wrapped: old stamps could collide
    std::fill(stamp.begin(), stamp.end(), 0);
    current = 1;
  }
  queue.clear();
}

namespace {

// Orders edges by their farther entity's BFS rank, then nearer entity, then
// fact: a counting sort on the rank (linear, where a comparison sort of a
// hub's thousands of edges was most of a 2-hop query), then small sorts.
void GroupByReached(size_t reached, TraversalScratch* s, std::vector<Step>* edges) {
  std::vector<uint32_t>& start = s->group_start;
  start.assign(reached + 1, 0);
  for (const Step& e : *edges) ++start[s->rank[e.to] + 1];
  for (size_t r = 0; r < reached; ++r) start[r + 1] += start[r];
  s->grouped.resize(edges->size());
  for (const Step& e : *edges) s->grouped[start[s->rank[e.to]]++] = e;
  edges->swap(s->grouped);
  auto by_from_then_fact = [](const Step& a, const Step& b) {
    return a.from != b.from ? a.from < b.from : a.fact < b.fact;
  };
  for (auto first = edges->begin(); first != edges->end();) {
    auto last = first + 1;
    while (last != edges->end() && last->to == first->to) ++last;
    if (last - first > 1) std::sort(first, last, by_from_then_fact);
    first = last;
  }
}

// Neighborhood over distinct neighbours, level by level: `out` itself is the
// queue, so depths need no array, and visits are bits (an L1-sized set at
// 200k entities, where 32-bit stamps spread over most of L2).
void DistinctNeighborhood(const DistinctNeighbors& adjacency, EntityId start, int max_depth,
                          uint8_t kinds, TraversalScratch* s, std::vector<Reached>* out) {
  std::vector<uint64_t>& visited = s->visited;
  auto expand = [&](EntityId u, int depth) {
    std::span<const EntityId> ids = adjacency.of(u);
    std::span<const uint8_t> how = adjacency.kinds(u);
    for (size_t i = 0; i < ids.size(); ++i) {
      const EntityId w = ids[i];
      uint64_t& word = visited[w >> 6];
      const uint64_t bit = uint64_t{1} << (w & 63);
      if ((word & bit) || !(how[i] & kinds)) continue;
      word |= bit;
      out->push_back(Reached{w, depth});
    }
  };
  visited[start >> 6] |= uint64_t{1} << (start & 63);
  if (max_depth >= 1) expand(start, 1);
  for (size_t level = 0, depth = 2; static_cast<int>(depth) <= max_depth; ++depth) {
    const size_t end = out->size();
    if (level == end) break;
    for (; level < end; ++level) expand((*out)[level].entity, static_cast<int>(depth));
  }
  visited[start >> 6] = 0;
  for (const Reached& r : *out) visited[r.entity >> 6] = 0;
}

}  // namespace

void Neighborhood(const GraphIndex& index, EntityId start, int max_depth, const EdgeFilter& filter,
                  TraversalScratch* s, std::vector<Reached>* out, std::vector<Step>* edges) {
  out->clear();
  if (edges) edges->clear();
  if (const uint8_t kinds = filter.NeighborKinds(); kinds && !edges) {
    s->visited.resize((index.entity_count() + 63) / 64);
    DistinctNeighborhood(index.distinct_neighbors(), start, max_depth, kinds, s, out);
    return;
  }
  s->Reset(index.entity_count());
  s->Mark(start);
  s->depth[start] = 0;
  s->queue.push_back(start);
  for (size_t head = 0; head < s->queue.size(); ++head) {
    EntityId u = s->queue[head];
    if (s->depth[u] >= max_depth) continue;
    for (const Incidence& inc : index.Incident(u)) {
      const EntityId w = inc.other;
      if (!edges && s->Seen(w)) continue;
      if (!filter.Allows(inc)) continue;
      if (!s->Seen(w)) {
        s->Mark(w);
        s->depth[w] = s->depth[u] + 1;
        if (edges) s->rank[w] = static_cast<uint32_t>(out->size());
        s->queue.push_back(w);
        out->push_back(Reached{w, s->depth[w]});
      }
      if (edges && s->depth[w] == s->depth[u] + 1) edges->push_back(Step{u, w, inc.fact});
    }
  }
  if (edges) GroupByReached(out->size(), s, edges);
}

// Bidirectional BFS: each round expands one whole level of the side with the
// smaller frontier, so a path between two hubs' neighbourhoods is found after
// visiting about the square root of what a one-sided search visits. Visits are
// bits (cache-resident, where per-entity stamps, depths and parents cost a
// miss each per edge) and each side's parent steps are kept in visit order.
// The first entity both sides have seen ends the search: every entity of the
// other side's earlier levels was expanded, so an edge to one of them would
// have met before this round, and all meetings of the round are equally short.
std::optional<std::vector<Step>> ShortestPath(const GraphIndex& index, EntityId a, EntityId b,
                                              const EdgeFilter& filter, TraversalScratch* s) {
  if (a == b) return std::vector<Step>{};
  const size_t words = (index.entity_count() + 63) / 64;
  s->visited.resize(words);
  s->visited_back.resize(words);
  // Forward steps are keyed by `to`, backward ones by `from`: the entity each
  // one reached. Entry 0 of each side is its start.
  std::vector<Step>& fwd = s->steps;
  std::vector<Step>& back = s->steps_back;
  fwd.assign(1, Step{a, a, 0});
  back.assign(1, Step{b, b, 0});
  size_t fwd_level = 0, back_level = 0;  // where each side's frontier begins
  auto set = [](std::vector<uint64_t>& bits, EntityId e) {
    bits[e >> 6] |= uint64_t{1} << (e & 63);
  };
  auto test = [](const std::vector<uint64_t>& bits, EntityId e) {
    return (bits[e >> 6] >> (e & 63)) & 1;
  };
  set(s->visited, a);
  set(s->visited_back, b);
  bool met = false;
  EntityId meet = a;
  while (!met && fwd_level < fwd.size() && back_level < back.size()) {
    const bool forward = fwd.size() - fwd_level <= back.size() - back_level;
    std::vector<uint64_t>& seen = forward ? s->visited : s->visited_back;
    const std::vector<uint64_t>& seen_other = forward ? s->visited_back : s->visited;
    std::vector<Step>& steps = forward ? fwd : back;
    size_t& level = forward ? fwd_level : back_level;
    const size_t end = steps.size();
    for (size_t i = level; i < end && !met; ++i) {
      const EntityId u = forward ? steps[i].to : steps[i].from;
      for (const Incidence& inc : index.Incident(u)) {
        // Walking back from the target, the edge is used the other way round.
        if (!filter.Allows(forward ? inc : Incidence{u, inc.fact, !inc.outgoing, inc.negated})) {
          continue;
        }
        const EntityId w = inc.other;
        if (test(seen, w)) continue;
        set(seen, w);
        steps.push_back(forward ? Step{u, w, inc.fact} : Step{w, u, inc.fact});
        if (test(seen_other, w)) {
          met = true;
          meet = w;
          break;
        }
      }
    }
    level = end;
  }
  for (const Step& e : fwd) s->visited[e.to >> 6] = 0;
  for (const Step& e : back) s->visited_back[e.from >> 6] = 0;
  if (!met) return std::nullopt;
  // Each entity's parent was reached before it, so one backward scan per side
  // walks the whole chain.
  std::vector<Step> path;
  size_t i = fwd.size();
  for (EntityId v = meet; v != a;) {
    while (fwd[--i].to != v) {
    }
    path.push_back(fwd[i]);
    v = fwd[i].from;
  }
  std::reverse(path.begin(), path.end());
  i = back.size();
  for (EntityId v = meet; v != b;) {
    while (back[--i].from != v) {
    }
    path.push_back(back[i]);
    v = back[i].to;
  }
  return path;
}

namespace {

struct PathSearch {
  const GraphIndex& index;
  EntityId target;
  int max_hops;
  const EdgeFilter& filter;
  TraversalScratch* s;
  std::vector<Step> current;
  std::vector<std::vector<Step>> found;

  // Depth-first to exactly `hops` hops, so that iterating hops 1..max gives the
  // paths shortest first. Returns false when `limit` is exceeded.
  bool Walk(EntityId u, int hops, size_t limit) {
    if (static_cast<int>(current.size()) == hops) {
      if (u != target) return true;
      if (found.size() == limit) return false;
      found.push_back(current);
      return true;
    }
    if (u == target) return true;  // a simple path cannot pass through b
    EntityId last_other = UINT32_MAX;
    for (const Incidence& inc : index.Incident(u)) {
      if (inc.other == last_other || s->Seen(inc.other) || !filter.Allows(inc)) continue;
      last_other = inc.other;  // one representative edge per neighbour
      s->Mark(inc.other);
      current.push_back(Step{u, inc.other, inc.fact});
      bool more = Walk(inc.other, hops, limit);
      current.pop_back();
      s->stamp[inc.other] = 0;
      if (!more) return false;
    }
    return true;
  }
};

}  // namespace

std::vector<std::vector<Step>> SimplePaths(const GraphIndex& index, EntityId a, EntityId b,
                                           int max_hops, size_t limit, const EdgeFilter& filter,
                                           TraversalScratch* s, bool* truncated) {
  PathSearch search{index, b, max_hops, filter, s, {}, {}};
  *truncated = false;
  if (a == b) return {};
  for (int hops = 1; hops <= max_hops; ++hops) {
    s->Reset(index.entity_count());
    s->Mark(a);
    if (!search.Walk(a, hops, limit)) {
      *truncated = true;
      break;
    }
  }
  return std::move(search.found);
}

}  // namespace kg
