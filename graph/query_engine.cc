// The engine's core: building the per-query fact mask (relations, window,
// polarity, `at` snapshot), resolving entity names, and dispatching commands.
// The commands themselves live in query_traverse.cc, query_facts.cc and
// query_overview.cc.
#include "graph/query_engine.h"

#include <algorithm>

#include "graph/model/ascii_case.h"
#include "graph/query_parser.h"
#include "graph/suggest.h"

namespace kg {

QueryEngine::QueryEngine(const TemporalGraph& graph, std::vector<StateRule> state_rules)
    : graph_(graph),
      index_(graph),
      state_rules_(std::move(state_rules)),
      states_(DeriveStates(index_, state_rules_)) {
  state_of_opener_.assign(graph.fact_count(), -1);
  asserted_.resize(graph.fact_count());
  for (FactId f = 0; f < graph.fact_count(); ++f) asserted_[f] = !graph.negated(f);
  for (size_t i = 0; i < states_.size(); ++i) {
    for (FactId f : states_[i].reports) state_of_opener_[f] = static_cast<int32_t>(i);
  }
}

bool QueryEngine::Run(std::string_view text, Answer* answer, QueryError* error) {
  bool ok = Evaluate(text, answer, error);
  CompleteAnswer(answer);
  return ok;
}

void QueryEngine::SetColumns(Answer* a, std::initializer_list<std::string_view> names) {
  a->columns.resize(names.size());
  auto name = names.begin();
  for (std::string& column : a->columns) column.assign(*name++);
}

bool QueryEngine::Evaluate(std::string_view text, Answer* answer, QueryError* error) {
  Query query;
  if (!ParseQuery(text, &query, error, limits_)) return false;
  return ExecuteDeferred(query, answer, error);
}

bool QueryEngine::Execute(const Query& q, Answer* a, QueryError* error) {
  bool ok = ExecuteDeferred(q, a, error);
  CompleteAnswer(a);
  return ok;
}

bool QueryEngine::ExecuteDeferred(const Query& q, Answer* a, QueryError* error) {
  a->Clear();
  a->command = CommandName(q.kind);
  notes_.clear();
  bool ok = false;
  switch (q.kind) {
    case QueryKind::kNeighbors:
      ok = Neighbors(q, a, error);
      break;
    case QueryKind::kPath:
      ok = Path(q, a, error);
      break;
    case QueryKind::kTpath:
      ok = TemporalPath(q, a, error);
      break;
    case QueryKind::kPaths:
      ok = Paths(q, a, error);
      break;
    case QueryKind::kTimeline:
      ok = Timeline(q, a, error);
      break;
    case QueryKind::kFacts:
      ok = Facts(q, a, error);
      break;
    case QueryKind::kReports:
      ok = Reports(q, a, error);
      break;
    case QueryKind::kStates:
      ok = States(q, a, error);
      break;
    case QueryKind::kAt:
      ok = States(q, a, error);
      break;  // `at DATE` alone
    case QueryKind::kExplain:
      ok = Explain(q, a, error);
      break;
    case QueryKind::kEntity:
      ok = EntityInfo(q, a, error);
      break;
    case QueryKind::kTop:
      ok = Top(q, a, error);
      break;
    case QueryKind::kStats:
      ok = Stats(q, a);
      break;
    case QueryKind::kRelations:
      ok = Relations(q, a);
      break;
    case QueryKind::kDiff:
      ok = Diff(q, a);
      break;
    case QueryKind::kHelp:
      ok = Help(q, a, error);
      break;
  }
  for (std::string& note : notes_) a->notes.insert(a->notes.begin(), std::move(note));
  if (ok && q.at && q.kind != QueryKind::kAt) {
    a->notes.push_back("as of " + q.at->end.ToString() +
                       ": only facts reported by then and states still valid");
  }
  // A deferred answer finishes its own selection when completed.
  if (!a->complete) FinishSelection(a);
  return ok;
}

bool QueryEngine::KnownBy(FactId f, int64_t day) const {
  std::optional<int64_t> reported = index_.report_day(f);
  const std::optional<DayRange>& span = index_.days(f);
  if (!reported && !span) return false;  // nothing says when it became known
  if (reported && *reported > day) return false;
  if (span && span->first > day) return false;
  return true;
}

std::vector<uint8_t> QueryEngine::WantedRelations(const Query& q) {
  std::vector<uint8_t> wanted;
  if (q.relations.empty()) return wanted;
  wanted.assign(index_.relations().size(), 0);
  for (const RelationArg& r : q.relations) {
    std::optional<RelationId> id = index_.FindRelation(r.name);
    // Not an error: a relation of the vocabulary may simply not occur in this graph.
    if (!id) {
      notes_.push_back("no fact has the relation '" + r.name + "'" +
                       DidYouMean(SuggestWords(r.name, index_.relations())));
      continue;
    }
    wanted[*id] = 1;
  }
  return wanted;
}

EdgeFilter QueryEngine::WalkFilter(const Query& q) {
  EdgeFilter filter;
  filter.direction = q.direction;
  if (q.at) {
    QueryError ignored;  // BuildMask reports problems as notes, never as errors
    BuildMask(q, {true, q.include_negated}, &ignored);
    filter.usable = &mask_;
    return filter;
  }
  filter.index = &index_;
  filter.skip_negated = !q.include_negated;
  if (!q.relations.empty()) {
    walk_relations_ = WantedRelations(q);
    filter.relations = &walk_relations_;
  }
  if (q.window.bounded()) filter.window = q.window.Range();
  return filter;
}

bool QueryEngine::BuildMask(const Query& q, MaskSpec spec, QueryError*) {
  const size_t m = index_.fact_count();
  std::vector<uint8_t> wanted_relations = WantedRelations(q);
  const bool windowed = spec.window && q.window.bounded();
  const DayRange range = q.window.Range();
  const int64_t at_day = q.at ? q.at->end.ToDays() : 0;
  if (q.relations.empty() && !windowed && !q.at) {
    // The common case: only polarity filters, so the mask is a copy.
    if (spec.include_negated) {
      mask_.assign(m, 1);
    } else {
      mask_.assign(asserted_.begin(), asserted_.end());
    }
    return true;
  }
  mask_.assign(m, 1);
  for (FactId f = 0; f < m; ++f) {
    bool keep = true;
    if (!q.relations.empty()) keep = wanted_relations[index_.relation(f)];
    if (keep && windowed) keep = index_.days(f) && index_.days(f)->Overlaps(range);
    if (keep && !spec.include_negated) keep = asserted_[f];
    if (keep && q.at) {
      keep = KnownBy(f, at_day);
      if (keep && state_of_opener_[f] >= 0) keep = states_[state_of_opener_[f]].ValidOn(at_day);
    }
    mask_[f] = keep;
  }
  return true;
}

bool QueryEngine::Resolve(const EntityArg& arg, EntityId* out, QueryError* error) const {
  if (std::optional<EntityId> id = graph_.FindEntity(arg.text)) {
    *out = *id;
    return true;
  }
  // A surname or other whole word of exactly one entity's name names it.
  std::vector<EntityId> named = EntitiesNamedByWords(graph_, arg.text);
  if (named.size() == 1) {
    *out = named[0];
    return true;
  }
  // `neighbors Musk dept 2`: the run swallowed a misspelt option after a known name.
  for (size_t k = arg.words.size(); k-- > 1;) {
    std::string prefix;
    for (size_t i = 0; i < k; ++i) prefix += (i ? " " : "") + arg.words[i];
    if (!graph_.FindEntity(prefix) && EntitiesNamedByWords(graph_, prefix).size() != 1) continue;
    *error = {"unexpected '" + arg.words[k] + "' after the entity '" + prefix + "'" +
                  DidYouMean(SuggestWords(arg.words[k], QueryOptionKeywords())),
              arg.word_ranges[k]};
    return false;
  }
  *error = {"unknown entity '" + arg.text + "'" + DidYouMean(SuggestEntities(graph_, arg.text)),
            arg.range};
  return false;
}

bool QueryEngine::ResolvePair(const Query& q, EntityId* a, EntityId* b, QueryError* error) const {
  if (!q.pair_words) return Resolve(q.entities[0], a, error) && Resolve(q.entities[1], b, error);
  const EntityArg& run = *q.pair_words;
  for (size_t k = 1; k < run.words.size(); ++k) {
    std::string left, right;
    for (size_t i = 0; i < run.words.size(); ++i) {
      std::string& side = i < k ? left : right;
      side += (side.empty() ? "" : " ") + run.words[i];
    }
    QueryError ignored;
    if (Resolve(EntityArg{left, {}, false, {}, {}}, a, &ignored) &&
        Resolve(EntityArg{right, {}, false, {}, {}}, b, &ignored)) {
      return true;
    }
  }
  *error = {"cannot read '" + run.text +
                "' as two known entities; quote them, e.g. path \"Donald Trump\" \"Elon Musk\"",
            run.range};
  return false;
}

bool QueryEngine::TypeMatches(const std::optional<std::string>& wanted, EntityId e) const {
  if (!wanted) return true;
  return FoldsTo(graph_.entity(e).type, *wanted);
}

void QueryEngine::AppendEdgeCells(FactId f, std::vector<Cell>* row) const {
  // The graph's own strings, referred to: answers live no longer than it.
  row->push_back(Cell::Ref(graph_.entity(graph_.subject_of(f)).name));
  row->push_back(Cell::Ref(graph_.relation(f)));
  row->push_back(Cell::Ref(graph_.entity(graph_.object_of(f)).name));
  row->emplace_back(FormatFactTime(graph_, f));
  row->push_back(Cell::Ref(graph_.fact_id(f)));
}

Cell QueryEngine::DayCell(std::optional<int64_t> day) {
  return day ? Cell(DayToString(*day)) : Cell();
}

void QueryEngine::AddField(Answer* a, std::string_view field, Cell value) {
  std::vector<Cell>& row = a->rows.emplace_back();
  row.reserve(2);
  row.emplace_back(field);
  row.push_back(std::move(value));
}

void QueryEngine::AddStep(Answer* a, FactId f) const {
  a->facts.push_back(f);
  a->entities.push_back(graph_.subject_of(f));
  a->entities.push_back(graph_.object_of(f));
}

bool QueryEngine::Help(const Query& q, Answer* a, QueryError* error) {
  SetColumns(a, {"command", "description", "usage"});
  for (const CommandSpec& c : QueryCommands()) {
    if (!q.help_topic.empty() && q.help_topic != c.name) continue;
    a->rows.push_back({c.name, c.summary, c.usage});
  }
  if (a->rows.empty()) {
    std::vector<std::string> names;
    for (const CommandSpec& c : QueryCommands()) names.emplace_back(c.name);
    *error = {"no command '" + q.help_topic + "'" + DidYouMean(SuggestWords(q.help_topic, names)),
              q.help_topic_range};
    return false;
  }
  a->title = q.help_topic.empty() ? "commands (help COMMAND for one)" : "help " + q.help_topic;
  a->notes.push_back(
      "entities bare (Musk) or quoted (\"Donald Trump\"); DATE is YYYY, YYYY-MM or YYYY-MM-DD");
  return true;
}

void FinishSelection(Answer* a) {
  std::sort(a->entities.begin(), a->entities.end());
  a->entities.erase(std::unique(a->entities.begin(), a->entities.end()), a->entities.end());
  std::sort(a->facts.begin(), a->facts.end());
  a->facts.erase(std::unique(a->facts.begin(), a->facts.end()), a->facts.end());
}

}  // namespace kg
