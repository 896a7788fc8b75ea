// The REPL runs readline's callback interface under a select() loop so that a
// SIGINT handler only sets a flag and the loop, not the handler, clears the
// line: Ctrl-C abandons what was typed and never ends the session.
#include "tools/repl.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "graph/model/ascii_case.h"
#include "graph/query.h"
#include "graph/query_parser.h"

namespace kg {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

struct ReplState {
  QuerySession* session = nullptr;
  const TemporalGraph* graph = nullptr;
  bool done = false;
  std::vector<std::string> matches;
};
ReplState* g_state = nullptr;

bool StartsWithFolded(const std::string& candidate, const std::string& prefix) {
  return candidate.size() >= prefix.size() &&
         LowerAscii(candidate.substr(0, prefix.size())) == LowerAscii(prefix);
}

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.kg_history" : "";
}

void HandleLine(char* raw) {
  if (!raw) {  // Ctrl-D
    g_state->done = true;
    std::fputc('\n', stdout);
    return;
  }
  std::string line(raw);
  std::free(raw);
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string::npos) return;
  add_history(line.c_str());
  std::string trimmed = line.substr(b);
  QueryTokens parsed;
  QueryError ignored;
  TokenizeQuery(trimmed, &parsed, &ignored);
  const std::vector<QueryToken>& tokens = parsed.list;
  std::string head = tokens.empty() ? "" : LowerAscii(tokens[0].text);
  QuerySession& session = *g_state->session;
  if (head == "exit" || head == "quit" || head == "\\q") {
    g_state->done = true;
  } else if (head == "export") {
    if (tokens.size() < 2) {
      std::fprintf(stderr, "error: usage: export FILE [FORMAT]\n");
      return;
    }
    const std::string path(tokens[1].text);
    Status s = session.ExportLast(path, tokens.size() > 2 ? std::string(tokens[2].text) : "");
    if (s.ok()) {
      std::printf("wrote %s\n", path.c_str());
    } else {
      std::fprintf(stderr, "error: %s\n", s.ToString().c_str());
    }
  } else if (head == "format" && tokens.size() == 2) {
    std::string f = LowerAscii(tokens[1].text);
    FormatOptions& o = session.options().format;
    if (f == "table" || f == "json" || f == "tsv") {
      o.format = f == "json"  ? AnswerFormat::kJson
                 : f == "tsv" ? AnswerFormat::kTsv
                              : AnswerFormat::kTable;
    } else {
      std::fprintf(stderr, "error: format is table, json or tsv\n");
    }
  } else {
    session.RunLine(trimmed, "");
    if (head == "help" && tokens.size() == 1) {
      std::printf(
          "REPL: export FILE [FORMAT] writes the last answer's subgraph; "
          "format table|json|tsv; exit or Ctrl-D leaves\n");
    }
  }
}

char* NextMatch(const char*, int state) {
  static size_t next;
  if (state == 0) next = 0;
  if (next >= g_state->matches.size()) return nullptr;
  return strdup(g_state->matches[next++].c_str());
}

char** Complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  std::string before(rl_line_buffer, static_cast<size_t>(start));
  bool in_quotes = rl_completion_quote_character == '"';
  if (in_quotes && !before.empty() && before.back() == '"') before.pop_back();
  g_state->matches = ReplCompletions(
      *g_state->graph, g_state->session->engine().index().relations(), before, text, in_quotes);
  if (g_state->matches.empty()) return nullptr;
  return rl_completion_matches(text, NextMatch);
}

}  // namespace

std::vector<std::string> ReplCompletions(const TemporalGraph& graph,
                                         const std::vector<std::string>& relations,
                                         const std::string& before, const std::string& word,
                                         bool in_quotes) {
  QueryTokens parsed;
  QueryError ignored;
  TokenizeQuery(before, &parsed, &ignored);
  const std::vector<QueryToken>& tokens = parsed.list;
  std::vector<std::string> out;
  auto offer = [&](const std::string& candidate) {
    if (StartsWithFolded(candidate, word)) out.push_back(candidate);
  };
  auto offer_entities = [&] {
    // Aliases resolve too, and are what people type ("Trump", "Twitter").
    std::vector<std::string> names;
    for (EntityId e = 0; e < graph.entity_count(); ++e) {
      names.push_back(graph.entity(e).name);
      for (const std::string& alias : graph.entity(e).aliases) names.push_back(alias);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<std::string> hits;
    bool quote = false;
    for (const std::string& name : names) {
      if (!StartsWithFolded(name, word)) continue;
      hits.push_back(name);
      quote |= name.find_first_of(" ,\"") != std::string::npos;
    }
    // Quote all or none, so readline can still insert their common prefix.
    for (const std::string& name : hits) {
      out.push_back(quote && !in_quotes ? "\"" + name + "\"" : name);
    }
  };
  // `at DATE` prefixes a query: complete what follows as a fresh query.
  size_t first = 0;
  if (tokens.size() >= 2 && LowerAscii(tokens[0].text) == "at") first = 2;
  if (tokens.size() <= first) {
    for (const CommandSpec& c : QueryCommands()) offer(c.name);
    if (first == 0) {
      for (const char* w : {"exit", "export", "format"}) offer(w);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  const std::string command = LowerAscii(tokens[first].text);
  const CommandSpec* spec = FindCommand(command);
  if (in_quotes) {
    offer_entities();
    return out;
  }
  const QueryToken& last = tokens.back();
  const std::string previous = LowerAscii(last.text);
  if (command == "format") {
    for (const char* f : {"table", "json", "tsv"}) offer(f);
    return out;
  }
  if (!spec) return out;
  if (command == "help") {
    if (tokens.size() == first + 1) {
      for (const CommandSpec& c : QueryCommands()) offer(c.name);
    }
    return out;
  }
  if (previous == "rel" || last.kind == QueryToken::kComma) {
    for (const std::string& r : relations) offer(r);
    return out;
  }
  if (previous == "dir") {
    for (const char* d : {"out", "in", "both"}) offer(d);
    return out;
  }
  if (previous == "type") {
    std::vector<std::string> types;
    for (EntityId e = 0; e < graph.entity_count(); ++e) types.push_back(graph.entity(e).type);
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    for (const std::string& t : types) {
      if (!t.empty()) offer(t);
    }
    return out;
  }
  for (const char* value_option : {"depth", "max", "limit", "from", "to"}) {
    if (previous == value_option) return out;  // a number, date or type: nothing to offer
  }
  if (previous == "subject" || previous == "object") {
    offer_entities();
    return out;
  }
  const size_t args = tokens.size() - first - 1;
  const bool one_entity = spec->kind == QueryKind::kNeighbors ||
                          spec->kind == QueryKind::kTimeline || spec->kind == QueryKind::kEntity ||
                          spec->kind == QueryKind::kStates;
  const bool two_entities = spec->kind == QueryKind::kPath || spec->kind == QueryKind::kTpath ||
                            spec->kind == QueryKind::kPaths;
  if ((one_entity && args == 0) || (two_entities && args <= 1)) offer_entities();
  if (spec->kind == QueryKind::kTop && args == 0) {
    offer("degree");
    offer("pagerank");
  }
  // Bare words typed so far may begin a longer name: `neighbors Elon Mu` -> `Musk`.
  if (args > 0 && last.kind == QueryToken::kWord) {
    std::string run;
    for (size_t i = tokens.size(); i-- > first + 1;) {
      if (tokens[i].kind != QueryToken::kWord ||
          std::binary_search(QueryOptionKeywords().begin(), QueryOptionKeywords().end(),
                             LowerAscii(tokens[i].text))) {
        break;
      }
      run = std::string(tokens[i].text) + (run.empty() ? "" : " " + run);
    }
    if (!run.empty()) {
      for (EntityId e = 0; e < graph.entity_count(); ++e) {
        const std::string& name = graph.entity(e).name;
        if (name.size() > run.size() + 1 && StartsWithFolded(name, run + " ")) {
          offer(name.substr(run.size() + 1));
        }
      }
    }
  }
  for (std::string_view o : spec->options) offer(std::string(o));
  return out;
}

int RunRepl(QuerySession& session, const TemporalGraph& graph) {
  ReplState state;
  state.session = &session;
  state.graph = &graph;
  g_state = &state;

  std::string history = HistoryPath();
  using_history();
  stifle_history(2000);
  if (!history.empty()) read_history(history.c_str());
  rl_readline_name = "kg";
  rl_attempted_completion_function = Complete;
  rl_completer_quote_characters = "\"";
  rl_completer_word_break_characters = const_cast<char*>(" \t,");
  rl_variable_bind("completion-ignore-case", "on");
  rl_catch_signals = 0;  // the loop below handles SIGINT itself

  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: select() must return EINTR
  struct sigaction previous {};
  sigaction(SIGINT, &action, &previous);

  std::printf("kg: %zu entities, %zu facts. Type help, Tab completes, Ctrl-D leaves.\n",
              graph.entity_count(), graph.fact_count());
  const char* prompt = "kg> ";
  rl_callback_handler_install(prompt, HandleLine);
  while (!state.done) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    int ready = select(fileno(rl_instream) + 1, &fds, nullptr, nullptr, nullptr);
    if (g_interrupted) {
      g_interrupted = 0;
      rl_free_line_state();
      rl_replace_line("", 0);
      rl_crlf();
      rl_on_new_line();
      rl_redisplay();
      continue;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    rl_callback_read_char();
  }
  rl_callback_handler_remove();
  sigaction(SIGINT, &previous, nullptr);
  if (!history.empty()) write_history(history.c_str());
  g_state = nullptr;
  return 0;
}

}  // namespace kg
