#include "graph/temporal_path.h"

#include <algorithm>

namespace kg {
namespace {

bool Later(const TemporalScratch::Item& x, const TemporalScratch::Item& y) {
  if (x.day != y.day) return x.day > y.day;
  if (x.hops != y.hops) return x.hops > y.hops;
  return x.entity > y.entity;
}

}  // namespace

std::optional<std::vector<TimedStep>> EarliestArrivalPath(const GraphIndex& index, EntityId a,
                                                          EntityId b, const EdgeFilter& filter,
                                                          DayRange window, TemporalScratch* s) {
  const size_t n = index.entity_count();
  if (s->stamp.size() < n) {
    s->stamp.resize(n, 0);
    s->arrival.resize(n);
    s->hops.resize(n);
    s->parent.resize(n);
  }
  if (++s->current == 0) {
    std::fill(s->stamp.begin(), s->stamp.end(), 0);
    s->current = 1;
  }
  if (a == b) return std::vector<TimedStep>{};
  // stamp == current: tentative label; stamp == current with hops high bit: settled.
  constexpr uint32_t kSettled = 0x80000000u;
  auto labelled = [&](EntityId v) { return s->stamp[v] == s->current; };
  s->heap.clear();
  s->stamp[a] = s->current;
  s->arrival[a] = window.first;
  s->hops[a] = 0;
  s->heap.push_back({window.first, 0, a});
  bool reached = false;
  while (!s->heap.empty()) {
    std::pop_heap(s->heap.begin(), s->heap.end(), Later);
    TemporalScratch::Item item = s->heap.back();
    s->heap.pop_back();
    EntityId u = item.entity;
    if (s->hops[u] & kSettled) continue;
    if (item.day != s->arrival[u] || item.hops != s->hops[u]) continue;  // stale entry
    s->hops[u] |= kSettled;
    if (u == b) {
      reached = true;
      break;
    }
    for (const Incidence& inc : index.Incident(u)) {
      if (!filter.Allows(inc)) continue;
      const std::optional<DayRange>& span = index.days(inc.fact);
      if (!span) continue;
      int64_t t = std::max(item.day, span->first);
      if (t > std::min(span->last, window.last)) continue;
      EntityId v = inc.other;
      uint32_t h = item.hops + 1;
      if (labelled(v)) {
        if (s->hops[v] & kSettled) continue;
        if (t > s->arrival[v] || (t == s->arrival[v] && h >= s->hops[v])) continue;
      }
      s->stamp[v] = s->current;
      s->arrival[v] = t;
      s->hops[v] = h;
      s->parent[v] = TimedStep{Step{u, v, inc.fact}, t};
      s->heap.push_back({t, h, v});
      std::push_heap(s->heap.begin(), s->heap.end(), Later);
    }
  }
  if (!reached) return std::nullopt;
  std::vector<TimedStep> path;
  for (EntityId v = b; v != a; v = s->parent[v].step.from) path.push_back(s->parent[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace kg
