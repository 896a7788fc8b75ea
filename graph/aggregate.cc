#include "graph/aggregate.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace kg {

std::vector<Claim> AggregateFacts(const GraphIndex& index, const std::vector<FactId>& facts) {
  const TemporalGraph& g = index.graph();
  // Undated spans sort after every dated one.
  using Key = std::tuple<EntityId, RelationId, EntityId, bool, int64_t, int64_t, bool>;
  std::map<Key, Claim> groups;
  for (FactId f : facts) {
    const std::optional<DayRange>& d = index.days(f);
    const Fact& fact = g.fact(f);
    Key key{g.subject_of(f),  index.relation(f), g.object_of(f), !d.has_value(),
            d ? d->first : 0, d ? d->last : 0,   fact.negated};
    auto [it, inserted] = groups.try_emplace(key);
    Claim& c = it->second;
    if (inserted) {
      c.subject = g.subject_of(f);
      c.relation = index.relation(f);
      c.object = g.object_of(f);
      c.days = d;
      c.negated = fact.negated;
    }
    c.facts.push_back(f);
    if (!fact.doc.empty()) c.docs.push_back(fact.doc);
    if (std::optional<int64_t> r = index.report_day(f)) {
      c.first_report = c.first_report ? std::min(*c.first_report, *r) : *r;
      c.last_report = c.last_report ? std::max(*c.last_report, *r) : *r;
    }
  }
  std::vector<Claim> out;
  out.reserve(groups.size());
  for (auto& [key, claim] : groups) {
    std::sort(claim.facts.begin(), claim.facts.end());
    std::sort(claim.docs.begin(), claim.docs.end());
    claim.docs.erase(std::unique(claim.docs.begin(), claim.docs.end()), claim.docs.end());
    out.push_back(std::move(claim));
  }
  return out;
}

}  // namespace kg
