#include "graph/states.h"

#include <algorithm>
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

bool IsRelationName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '=' || c == '~' || static_cast<unsigned char>(c) < 0x20) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<StateRule> ParseStateRule(std::string_view spec) {
  const std::string usage =
      "expected OPENS=CLOSES[,CLOSES...] (~CLOSES when the closer points "
      "the other way), got '" +
      std::string(spec) + "'";
  size_t eq = spec.find('=');
  if (eq == std::string_view::npos || !IsRelationName(spec.substr(0, eq))) {
    return Status::Error(usage);
  }
  StateRule rule;
  rule.opens = std::string(spec.substr(0, eq));
  std::string_view rest = spec.substr(eq + 1);
  bool any_reversed = false, any_forward = false;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    bool reversed = !item.empty() && item[0] == '~';
    if (reversed) item.remove_prefix(1);
    if (!IsRelationName(item)) return Status::Error(usage);
    (reversed ? any_reversed : any_forward) = true;
    rule.closes.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (any_reversed && any_forward) {
    return Status::Error("'" + std::string(spec) +
                         "': give reversed and same-direction closers as separate rules");
  }
  rule.closer_reversed = any_reversed;
  return rule;
}

namespace {

// One opener or closer of a state on a pair, in the order the sweep needs:
// by pair and state, then by day, closers before openers on the same day (a
// same-day reinstatement ends the old state first).
struct Event {
  EntityId subject;
  EntityId object;
  uint32_t state;  // index of the opening relation among the rules' openers
  int64_t day;
  bool opens;
  FactId fact;
  auto Key() const { return std::tie(subject, object, state, day, opens, fact); }
  bool operator<(const Event& o) const { return Key() < o.Key(); }
  bool operator==(const Event& o) const { return Key() == o.Key(); }
};

}  // namespace

std::vector<StateInterval> DeriveStates(const GraphIndex& index,
                                        const std::vector<StateRule>& rules) {
  const TemporalGraph& g = index.graph();
  // What each relation of the graph does: open state k, or close it (maybe reversed).
  std::vector<std::string> openers;
  struct Role {
    uint32_t state;
    bool opens;
    bool reversed;
  };
  std::vector<std::vector<Role>> roles(index.relations().size());
  for (const StateRule& rule : rules) {
    auto it = std::find(openers.begin(), openers.end(), rule.opens);
    uint32_t state = static_cast<uint32_t>(it - openers.begin());
    if (it == openers.end()) openers.push_back(rule.opens);
    if (std::optional<RelationId> r = index.FindRelation(rule.opens)) {
      roles[*r].push_back({state, true, false});
    }
    for (const std::string& closer : rule.closes) {
      if (std::optional<RelationId> r = index.FindRelation(closer)) {
        roles[*r].push_back({state, false, rule.closer_reversed});
      }
    }
  }
  std::vector<Event> events;
  for (FactId f = 0; f < g.fact_count(); ++f) {
    const std::vector<Role>& fact_roles = roles[index.relation(f)];
    if (fact_roles.empty()) continue;
    const std::optional<DayRange>& days = index.days(f);
    if (!days || g.negated(f)) continue;
    EntityId s = g.subject_of(f), o = g.object_of(f);
    for (const Role& role : fact_roles) {
      events.push_back(role.reversed ? Event{o, s, role.state, days->first, role.opens, f}
                                     : Event{s, o, role.state, days->first, role.opens, f});
    }
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());

  std::vector<StateInterval> out;
  std::optional<StateInterval> open;
  // A closer that found nothing open, waiting for an opener reported for the
  // same day ("X resigned as CEO" dated like "X, the CEO"): it closes that one.
  bool waiting = false;
  FactId waiting_fact = 0;
  int64_t waiting_day = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    bool new_group = i == 0 || e.subject != events[i - 1].subject ||
                     e.object != events[i - 1].object || e.state != events[i - 1].state;
    if (new_group) {
      if (open) out.push_back(std::move(*open));
      open.reset();
      waiting = false;
    }
    if (waiting && waiting_day != e.day) waiting = false;
    if (e.opens) {
      if (open) {
        open->reports.push_back(e.fact);
      } else if (waiting) {
        bool merged = !out.empty() && out.back().closed_by == waiting_fact &&
                      out.back().subject == e.subject && out.back().object == e.object;
        if (merged) {
          out.back().reports.push_back(e.fact);
        } else {
          out.push_back(StateInterval{
              e.subject, e.object, openers[e.state], e.fact, {e.fact}, waiting_fact, e.day, e.day});
        }
      } else {
        open = StateInterval{e.subject,    e.object, openers[e.state], e.fact, {e.fact},
                             std::nullopt, e.day,    std::nullopt};
      }
    } else if (open) {
      open->closed_by = e.fact;
      open->end = e.day;
      out.push_back(std::move(*open));
      open.reset();
    } else {
      waiting = true;
      waiting_fact = e.fact;
      waiting_day = e.day;
    }
  }
  if (open) out.push_back(std::move(*open));
  return out;
}

}  // namespace kg
