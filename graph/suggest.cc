#include "graph/suggest.h"

#include <algorithm>
#include <tuple>

#include "graph/model/ascii_case.h"

namespace kg {
namespace {

// How many edits a name of this length may take and still be suggested.
size_t Budget(std::string_view typed) { return std::max<size_t>(1, typed.size() / 3); }

bool IsWordOf(std::string_view word, std::string_view name) {
  size_t pos = 0;
  while ((pos = name.find(word, pos)) != std::string_view::npos) {
    bool starts = pos == 0 || name[pos - 1] == ' ';
    size_t end = pos + word.size();
    bool ends = end == name.size() || name[end] == ' ';
    if (starts && ends) return true;
    ++pos;
  }
  return false;
}

using Scored = std::tuple<size_t, std::string>;  // distance, suggestion

std::vector<std::string> Best(std::vector<Scored> scored, size_t max) {
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [d, s] : scored) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > cap) return cap + 1;
  // Optimal string alignment: Levenshtein plus adjacent transpositions ("Muks").
  std::vector<size_t> before(a.size() + 1), prev(a.size() + 1), row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) prev[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t cost = LowerAscii(a[i - 1]) == LowerAscii(b[j - 1]) ? 0 : 1;
      row[i] = std::min({prev[i] + 1, row[i - 1] + 1, prev[i - 1] + cost});
      if (i > 1 && j > 1 && LowerAscii(a[i - 1]) == LowerAscii(b[j - 2]) &&
          LowerAscii(a[i - 2]) == LowerAscii(b[j - 1])) {
        row[i] = std::min(row[i], before[i - 2] + 1);
      }
      best = std::min(best, row[i]);
    }
    if (best > cap) return cap + 1;
    before.swap(prev);
    prev.swap(row);
  }
  return prev[a.size()];
}

std::vector<EntityId> EntitiesNamedByWords(const TemporalGraph& graph, std::string_view words) {
  std::string typed = LowerAscii(words);
  std::vector<EntityId> out;
  if (typed.empty()) return out;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    const Entity& entity = graph.entity(e);
    bool hit = IsWordOf(typed, LowerAscii(entity.name));
    for (size_t i = 0; !hit && i < entity.aliases.size(); ++i) {
      hit = IsWordOf(typed, LowerAscii(entity.aliases[i]));
    }
    if (hit) out.push_back(e);
  }
  return out;
}

std::vector<std::string> SuggestEntities(const TemporalGraph& graph, std::string_view name,
                                         size_t max) {
  std::string typed = LowerAscii(name);
  size_t budget = Budget(typed);
  std::vector<Scored> scored;
  auto consider = [&](const std::string& candidate, const std::string& canonical) {
    std::string folded = LowerAscii(candidate);
    if (!typed.empty() && IsWordOf(typed, folded)) {
      scored.emplace_back(0, canonical);
      return;
    }
    size_t d = EditDistance(typed, folded, budget);
    if (d <= budget) scored.emplace_back(d, canonical);
    // A misspelt surname or short form ("Muskk" for "Elon Musk"): compare word
    // by word, ranked one step behind a match on the whole name.
    for (size_t begin = 0; begin < folded.size();) {
      size_t end = folded.find(' ', begin);
      if (end == std::string::npos) end = folded.size();
      if (end > begin && folded.size() != end - begin) {
        size_t word_distance =
            EditDistance(typed, std::string_view(folded).substr(begin, end - begin), budget);
        if (word_distance <= budget) scored.emplace_back(word_distance + 1, canonical);
      }
      begin = end + 1;
    }
  };
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    const Entity& entity = graph.entity(e);
    consider(entity.name, entity.name);
    for (const std::string& alias : entity.aliases) consider(alias, entity.name);
  }
  return Best(std::move(scored), max);
}

std::vector<std::string> SuggestWords(std::string_view word,
                                      const std::vector<std::string>& vocabulary, size_t max) {
  size_t budget = Budget(word);
  std::vector<Scored> scored;
  for (const std::string& v : vocabulary) {
    size_t d = EditDistance(word, v, budget);
    if (d <= budget) scored.emplace_back(d, v);
  }
  return Best(std::move(scored), max);
}

std::string DidYouMean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  std::string out = "; did you mean ";
  for (size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) out += i + 1 == suggestions.size() ? " or " : ", ";
    out += '"' + suggestions[i] + '"';
  }
  return out + "?";
}

}  // namespace kg
