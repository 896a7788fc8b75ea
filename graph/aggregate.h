// The aggregated view of repeated reports: news repeats itself, so the same
// (subject, relation, object, time, polarity) often arrives as many facts from
// many documents. AggregateFacts folds them into one claim with the number of
// mentions, the documents, and the first and last day it was reported.
#ifndef KG_GRAPH_AGGREGATE_H_
#define KG_GRAPH_AGGREGATE_H_

#include <optional>
#include <string>
#include <vector>

#include "graph/graph_index.h"

namespace kg {

struct Claim {
  EntityId subject;
  RelationId relation;
  EntityId object;
  std::optional<DayRange> days;  // the shared time span; nullopt = undated
  bool negated;
  std::vector<FactId> facts;            // every report, in fact-id order
  std::vector<std::string> docs;        // distinct documents, sorted
  std::optional<int64_t> first_report;  // earliest / latest document date
  std::optional<int64_t> last_report;
  size_t mentions() const { return facts.size(); }
};

// Groups `facts` (any order, no duplicates) into claims ordered by subject,
// relation, object, time (undated last) and polarity.
std::vector<Claim> AggregateFacts(const GraphIndex& index, const std::vector<FactId>& facts);

}  // namespace kg

#endif  // KG_GRAPH_AGGREGATE_H_
