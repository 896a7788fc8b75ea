// State relations: facts that open a lasting state and facts that close it, so
// that kg can tell when a state held ("Donald Trump banned from X:
// 2021-01 -> 2022-11") and answer as-of questions.
//
// A StateRule names the opening relation and the relations that close it. A
// closer is matched on the same (subject, object) pair, or on the swapped pair
// when `closer_reversed` says the closer is written the other way round (the
// company fires the CEO who was `ceo_of` it). The default rules for the news
// pack are defined in code (DefaultStateRules) because they follow the
// relation vocabulary of the contract, which is fixed in code as well.
//
// Derivation, per (rule, subject, object): dated, non-negated openers and
// closers are sorted by their first day. An opener starts an interval unless
// one is already open (repeated reports of one ban are one interval); the next
// closer on or after the start ends it, on the closer's first day. On one day
// closers come first, so a same-day closer ends the older state; a closer that
// finds no state open closes the openers of its own day instead (an empty
// interval: the text dates the role by the day it ended). Undated or
// negated facts never open or close a state. An interval with no closer is
// still open.
#ifndef KG_GRAPH_STATES_H_
#define KG_GRAPH_STATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_index.h"
#include "graph/model/status.h"

namespace kg {

struct StateRule {
  std::string opens;                // "banned"
  std::vector<std::string> closes;  // {"reinstated"}
  bool closer_reversed = false;     // closer's subject is the state's object
};

// banned/suspended .. reinstated; ceo_of/adviser_to/spokesperson_for/leads ..
// resigned_from (same direction) and fired (reversed); owns .. sold.
std::vector<StateRule> DefaultStateRules();

// "OPENS=CLOSES[,CLOSES]...", a closer written "~fired" when it is reversed:
// "ceo_of=resigned_from,~fired". For `kg query --state` and user rule packs
// whose relations the defaults do not know.
Result<StateRule> ParseStateRule(std::string_view spec);

struct StateInterval {
  EntityId subject;
  EntityId object;
  std::string relation;         // the opening relation
  FactId opened_by;             // the earliest opener
  std::vector<FactId> reports;  // every opener merged into this interval
  std::optional<FactId> closed_by;
  int64_t start;               // first day of the opener
  std::optional<int64_t> end;  // first day of the closer; nullopt = still open

  // True when the state held on `day`: start <= day < end.
  bool ValidOn(int64_t day) const { return start <= day && (!end || day < *end); }
};

// Every interval the rules derive from the graph, ordered by subject, object,
// relation and start.
std::vector<StateInterval> DeriveStates(const GraphIndex& index,
                                        const std::vector<StateRule>& rules);

}  // namespace kg

#endif  // KG_GRAPH_STATES_H_
