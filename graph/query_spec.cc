// The command table of the query language: one row per command with its usage
// line and the options it accepts. The parser enforces it; help and the REPL's
// completion read it, so the three cannot disagree.
#include <algorithm>

#include "graph/query.h"

namespace kg {

const std::vector<CommandSpec>& QueryCommands() {
  static const std::vector<CommandSpec> kCommands = {
      {"neighbors",
       QueryKind::kNeighbors,
       "neighbors E [depth N] [rel R,...] [dir out|in|both] [from DATE] [to DATE] [type T] "
       "[negated]",
       "entities within N hops of E (default 1), with the edges that reach them",
       {"depth", "rel", "dir", "from", "to", "type", "negated"}},
      {"path",
       QueryKind::kPath,
       "path A B [rel R,...] [dir out|in|both] [from DATE] [to DATE] [negated]",
       "a shortest path (fewest hops) from A to B, edge by edge",
       {"rel", "dir", "from", "to", "negated"}},
      {"tpath",
       QueryKind::kTpath,
       "tpath A B [rel R,...] [dir out|in|both] [from DATE] [to DATE] [negated]",
       "a time-respecting path from A to B with the earliest arrival",
       {"rel", "dir", "from", "to", "negated"}},
      {"paths",
       QueryKind::kPaths,
       "paths A B [max N] [limit K] [rel R,...] [dir out|in|both] [from DATE] [to DATE] "
       "[negated]",
       "all simple paths from A to B of at most N hops (default 3), at most K (default 20)",
       {"max", "limit", "rel", "dir", "from", "to", "negated"}},
      {"timeline",
       QueryKind::kTimeline,
       "timeline E [rel R,...] [from DATE] [to DATE]",
       "E's facts in time order, negated ones flagged",
       {"rel", "from", "to"}},
      {"facts",
       QueryKind::kFacts,
       "facts [subject E] [rel R,...] [object E] [from DATE] [to DATE] [limit K]",
       "matching facts, one row each, negated ones flagged",
       {"subject", "rel", "object", "from", "to", "limit"}},
      {"reports",
       QueryKind::kReports,
       "reports [subject E] [rel R,...] [object E] [from DATE] [to DATE] [limit K]",
       "repeated reports aggregated: mentions, documents, first and last report",
       {"subject", "rel", "object", "from", "to", "limit"}},
      {"states",
       QueryKind::kStates,
       "states [E] [rel R,...] [from DATE] [to DATE]",
       "validity intervals of states (banned .. reinstated, ceo_of .. fired, ...)",
       {"rel", "from", "to"}},
      {"explain",
       QueryKind::kExplain,
       "explain ID",
       "a fact's evidence: document, sentence, rule, time expression",
       {}},
      {"entity",
       QueryKind::kEntity,
       "entity E",
       "an entity's type, aliases, degree, first and last seen",
       {}},
      {"top",
       QueryKind::kTop,
       "top [degree|pagerank] [N] [type T]",
       "the N (default 10) most connected or central entities",
       {"type"}},
      {"stats", QueryKind::kStats, "stats", "entity, fact, document and relation counts", {}},
      {"relations", QueryKind::kRelations, "relations", "every relation with its fact count", {}},
      {"at",
       QueryKind::kAt,
       "at DATE [QUERY]",
       "the graph as of DATE: only facts known by then and states still valid; "
       "alone, the states valid on DATE",
       {}},
      {"diff",
       QueryKind::kDiff,
       "diff FROM TO",
       "what changed between two dates: facts reported, states started and ended",
       {}},
      {"help", QueryKind::kHelp, "help [COMMAND]", "the commands, or one command in detail", {}},
  };
  return kCommands;
}

std::string_view CommandName(QueryKind kind) {
  // By kind, read once: every answer names its command.
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (const CommandSpec& c : QueryCommands()) {
      const size_t k = static_cast<size_t>(c.kind);
      if (names.size() <= k) names.resize(k + 1);
      names[k] = c.name;
    }
    return names;
  }();
  const size_t k = static_cast<size_t>(kind);
  return k < kNames.size() ? kNames[k] : std::string_view();
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec& c : QueryCommands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

const std::vector<std::string>& QueryOptionKeywords() {
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> words;
    for (const CommandSpec& c : QueryCommands()) {
      for (std::string_view o : c.options) words.emplace_back(o);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  }();
  return kWords;
}

}  // namespace kg
