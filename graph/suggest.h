// "Did you mean": close matches for a misspelt entity, command or relation.
// Distances are edit distances over ASCII-case-folded bytes; an entity also
// matches when the typed name is one whole word of its name or an alias
// ("Musk" -> "Elon Musk"), since news readers type surnames.
#ifndef KG_GRAPH_SUGGEST_H_
#define KG_GRAPH_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/temporal_graph.h"

namespace kg {

// Edit distance (Levenshtein with adjacent transpositions) after ASCII case folding; stops early
// and returns cap + 1 once the distance must exceed `cap`.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap);

// Entities whose name or an alias contains `words` as whole words
// ("Biden" -> "Joe Biden"), case-insensitively, in id order.
std::vector<EntityId> EntitiesNamedByWords(const TemporalGraph& graph, std::string_view words);

// Up to `max` canonical entity names close to `name`, best first.
std::vector<std::string> SuggestEntities(const TemporalGraph& graph, std::string_view name,
                                         size_t max = 3);

// Up to `max` words of `vocabulary` close to `word`, best first.
std::vector<std::string> SuggestWords(std::string_view word,
                                      const std::vector<std::string>& vocabulary, size_t max = 3);

// ", did you mean \"A\", \"B\"?" or "" when there is nothing to suggest.
std::string DidYouMean(const std::vector<std::string>& suggestions);

}  // namespace kg

#endif  // KG_GRAPH_SUGGEST_H_
