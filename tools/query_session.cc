#include "tools/query_session.h"

#include <chrono>
#include <cstdio>

#include "graph/export/export.h"

namespace kg {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n;");
  return e == std::string::npos || e < b ? "" : s.substr(b, e - b + 1);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string ExportFormatFor(const std::string& path) {
  if (EndsWith(path, ".graphml")) return "graphml";
  if (EndsWith(path, ".gexf")) return "gexf";
  if (EndsWith(path, ".json")) return "json";
  if (EndsWith(path, ".nt")) return "ntriples";
  return "dot";
}

QuerySession::QuerySession(const TemporalGraph& graph, QuerySessionOptions options)
    : graph_(graph), engine_(graph, options.state_rules), options_(options) {
  engine_.set_limits(options.limits);
}

bool QuerySession::RunLine(const std::string& line, const std::string& where) {
  std::string text = Trim(line);
  if (text.empty() || text[0] == '#') return true;
  Answer& answer = next_;
  QueryError error;
  auto start = std::chrono::steady_clock::now();
  bool ok = engine_.Evaluate(text, &answer, &error);
  auto evaluated = std::chrono::steady_clock::now();
  // Building a large answer's rows is timed apart from evaluating the query,
  // as a database's timing separates execution from fetching the result.
  const bool deferred = static_cast<bool>(answer.complete);
  CompleteAnswer(&answer);
  std::chrono::duration<double, std::milli> elapsed = evaluated - start;
  std::chrono::duration<double, std::milli> building = std::chrono::steady_clock::now() - evaluated;
  if (ok) {
    std::string out = FormatAnswer(answer, graph_, text, options_.format);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    if (!last_) last_.emplace();
    std::swap(*last_, answer);
  } else {
    PrintError(error, text, where);
  }
  // To a tenth of a microsecond: many graph queries take less than one.
  if (options_.timing && deferred) {
    std::fprintf(stderr, "Time: %.4f ms (+ %.4f ms to build %zu rows)\n", elapsed.count(),
                 building.count(), last_ ? last_->rows.size() : size_t{0});
  } else if (options_.timing) {
    std::fprintf(stderr, "Time: %.4f ms\n", elapsed.count());
  }
  // The answer before this one (or a failed one) is emptied here, untimed, so
  // that the next query's evaluation does not pay for freeing its rows. A
  // large one's buffers are given back rather than held for the next query.
  constexpr size_t kKeptRows = 256;
  if (answer.rows.capacity() > kKeptRows || answer.facts.capacity() > kKeptRows) {
    answer = Answer();
  } else {
    answer.Clear();
  }
  return ok;
}

void QuerySession::PrintError(const QueryError& error, const std::string& text,
                              const std::string& where) {
  if (options_.format.format == AnswerFormat::kJson) {
    std::string doc = FormatQueryError(error, text, options_.format);
    std::fwrite(doc.data(), 1, doc.size(), stdout);
    std::fflush(stdout);
  }
  const char* red = options_.error_color ? "\033[31m" : "";
  const char* reset = options_.error_color ? "\033[0m" : "";
  std::string head =
      where.empty() ? "" : "kg: " + where + ":" + std::to_string(error.range.offset + 1) + ": ";
  std::string caret = CaretLine(text, error);
  // Indent both lines of the caret display so they stand apart from answers.
  std::string indented = "  " + caret;
  indented.insert(indented.find('\n') + 1, "  ");
  std::fprintf(stderr, "%s%serror: %s%s\n%s", head.c_str(), red, error.message.c_str(), reset,
               indented.c_str());
}

Status QuerySession::ExportLast(const std::string& path, const std::string& format) {
  if (!last_) return Status::Error("no answer to export yet: run a query first");
  if (last_->entities.empty() && last_->facts.empty()) {
    return Status::Error("the last answer ('" + last_->command +
                         "') selects no entities or facts to export");
  }
  ExportOptions options;
  options.selection.entities = last_->entities;
  options.selection.facts = last_->facts;
  return ExportToPath(graph_, format.empty() ? ExportFormatFor(path) : format, options, path);
}

}  // namespace kg
