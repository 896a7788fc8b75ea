#include "graph/states.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace kg {

std::vector<StateRule> DefaultStateRules() {
  return {
      {"banned", {"reinstated"}, false},
      {"suspended", {"reinstated"}, false},
      {"ceo_of", {"resigned_from"}, false},
      {"ceo_of", {"fired"}, true},
      {"adviser_to", {"resigned_from"}, false},
      {"adviser_to", {"fired"}, true},
      {"spokesperson_for", {"resigned_from"}, false},
      {"spokesperson_for", {"fired"}, true},
      {"leads", {"resigned_from"}, false},
      {"leads", {"fired"}, true},
      {"owns", {"sold"}, false},
  };
}

namespace {

struct Event {
  int64_t day;
  bool opens;  // closers sort first on a tie: a same-day reinstatement ends the old state
  FactId fact;
  bool operator<(const Event& o) const {
    return std::tie(day, opens, fact) < std::tie(o.day, o.opens, o.fact);
  }
};

using PairKey = std::tuple<EntityId, EntityId, std::string>;

}  // namespace

std::vector<StateInterval> DeriveStates(const GraphIndex& index,
                                        const std::vector<StateRule>& rules) {
  const TemporalGraph& g = index.graph();
  // Openers keyed by their pair; closers, for each rule, by the pair they close.
  std::map<PairKey, std::vector<Event>> events;
  for (FactId f = 0; f < g.fact_count(); ++f) {
    const Fact& fact = g.fact(f);
    const std::optional<DayRange>& days = index.days(f);
    if (fact.negated || !days) continue;
    EntityId s = g.subject_of(f), o = g.object_of(f);
    for (const StateRule& rule : rules) {
      if (fact.relation == rule.opens) {
        events[{s, o, rule.opens}].push_back(Event{days->first, true, f});
      }
      if (std::find(rule.closes.begin(), rule.closes.end(), fact.relation) != rule.closes.end()) {
        PairKey key = rule.closer_reversed ? PairKey{o, s, rule.opens} : PairKey{s, o, rule.opens};
        events[key].push_back(Event{days->first, false, f});
      }
    }
  }
  std::vector<StateInterval> out;
  for (auto& [key, list] : events) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end(),
                           [](const Event& x, const Event& y) {
                             return x.fact == y.fact && x.opens == y.opens;
                           }),
               list.end());
    std::optional<StateInterval> open;
    for (const Event& e : list) {
      if (e.opens) {
        if (open) {
          open->reports.push_back(e.fact);
        } else {
          open = StateInterval{std::get<0>(key),
                               std::get<1>(key),
                               std::get<2>(key),
                               e.fact,
                               {e.fact},
                               std::nullopt,
                               e.day,
                               std::nullopt};
        }
      } else if (open) {
        open->closed_by = e.fact;
        open->end = e.day;
        out.push_back(std::move(*open));
        open.reset();
      }
    }
    if (open) out.push_back(std::move(*open));
  }
  return out;
}

}  // namespace kg
