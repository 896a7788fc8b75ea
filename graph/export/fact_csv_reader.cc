#include "graph/export/fact_csv_reader.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "graph/export/csv_parser.h"
#include "graph/export/escape.h"
#include "graph/model/ascii_case.h"

namespace kg {
namespace {

enum Column {
  kSubject,
  kRelation,
  kObject,
  kStart,
  kEnd,
  kSubjectType,
  kObjectType,
  kDoc,
  kSentence,
  kRule,
  kNegated,
  kHedged,
  kColumnCount
};
constexpr std::array<const char*, kColumnCount> kColumnNames = {
    "subject",     "relation", "object",   "start", "end",     "subject_type",
    "object_type", "doc",      "sentence", "rule",  "negated", "hedged"};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Which field holds each column (-1: absent).
Result<std::array<int, kColumnCount>> ReadHeader(const CsvRecord& header, const std::string& file) {
  std::array<int, kColumnCount> where;
  where.fill(-1);
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const CsvCell& cell = header.fields[i];
    std::string name = LowerAscii(Trim(cell.value));
    int column = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumnNames[c]) column = c;
    }
    if (column < 0) {
      return Status::ErrorAt(file, cell.line, cell.column,
                             "unknown column '" + cell.value +
                                 "' (subject, relation, object, start, end, subject_type, "
                                 "object_type, doc, sentence, rule, negated, hedged)");
    }
    if (where[column] >= 0) {
      return Status::ErrorAt(file, cell.line, cell.column, "column '" + name + "' given twice");
    }
    where[column] = static_cast<int>(i);
  }
  for (int c : {kSubject, kRelation, kObject}) {
    if (where[c] < 0) {
      return Status::ErrorAt(file, header.fields[0].line, 1,
                             std::string("header lacks the '") + kColumnNames[c] + "' column");
    }
  }
  return where;
}

Result<bool> ParseBool(const CsvCell& cell, const std::string& file) {
  std::string v = LowerAscii(Trim(cell.value));
  if (v.empty() || v == "false" || v == "0" || v == "no") return false;
  if (v == "true" || v == "1" || v == "yes") return true;
  return Status::ErrorAt(file, cell.line, cell.column,
                         "'" + cell.value + "' is not a boolean (true, false, 1, 0, yes, no)");
}

// Sets fact->time from the start and end cells (either may be absent).
Status ParseTime(const CsvCell* start, const CsvCell* end, const std::string& file, Fact* fact) {
  std::string start_text = start ? Trim(start->value) : "";
  std::string end_text = end ? Trim(end->value) : "";
  if (start_text.empty() && end_text.empty()) return Status::Ok();
  FactTime time;
  time.source = "explicit";
  if (!start_text.empty()) {
    std::optional<DaySpan> span = ParseDateSpan(start_text);
    if (!span) {
      return Status::ErrorAt(file, start->line, start->column,
                             "start '" + start_text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    time.start = span->start;
    time.end = span->end;
  }
  if (!end_text.empty()) {
    std::optional<DaySpan> span = ParseDateSpan(end_text);
    if (!span) {
      return Status::ErrorAt(file, end->line, end->column,
                             "end '" + end_text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (time.start && span->end < *time.start) {
      return Status::ErrorAt(file, end->line, end->column,
                             "end " + end_text + " is before start " + start_text);
    }
    time.end = span->end;
  }
  // An ISO 8601 interval when both ends are given and differ.
  time.value = (end_text.empty() || end_text == start_text) ? start_text
               : start_text.empty()                         ? end_text
                                                            : start_text + "/" + end_text;
  fact->time = std::move(time);
  return Status::Ok();
}

}  // namespace

Result<std::vector<Fact>> ReadFactsCsv(std::string_view text, const std::string& file) {
  Result<std::vector<CsvRecord>> records = ParseCsv(text, file);
  if (!records.ok()) return records.status();
  if (records->empty()) return Status::ErrorAt(file, 1, 1, "empty file: a header row is needed");
  Result<std::array<int, kColumnCount>> where = ReadHeader(records->front(), file);
  if (!where.ok()) return where.status();
  const std::string doc = std::filesystem::path(file).filename().string();
  const size_t width = records->front().fields.size();

  std::vector<Fact> facts;
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    const CsvCell& first = record.fields[0];
    if (record.fields.size() != width) {
      return Status::ErrorAt(file, first.line, first.column,
                             "record has " + std::to_string(record.fields.size()) +
                                 " fields, the header " + std::to_string(width));
    }
    for (const CsvCell& c : record.fields) {
      if (RepairUtf8(c.value) != c.value) {
        return Status::ErrorAt(file, c.line, c.column, "invalid UTF-8 in field");
      }
    }
    auto cell = [&](Column c) -> const CsvCell* {
      return (*where)[c] < 0 ? nullptr : &record.fields[(*where)[c]];
    };
    Fact fact;
    for (auto [c, target] :
         {std::pair{kSubject, &fact.subject}, std::pair{kRelation, &fact.relation},
          std::pair{kObject, &fact.object}}) {
      *target = Trim(cell(c)->value);
      if (target->empty()) {
        return Status::ErrorAt(file, cell(c)->line, cell(c)->column,
                               std::string("empty ") + kColumnNames[c]);
      }
    }
    if (Status s = ParseTime(cell(kStart), cell(kEnd), file, &fact); !s.ok()) return s;
    fact.subject_type = cell(kSubjectType) ? Trim(cell(kSubjectType)->value) : "";
    fact.object_type = cell(kObjectType) ? Trim(cell(kObjectType)->value) : "";
    fact.doc = cell(kDoc) && !Trim(cell(kDoc)->value).empty() ? Trim(cell(kDoc)->value) : doc;
    fact.sentence = cell(kSentence) ? cell(kSentence)->value : "";
    fact.rule = cell(kRule) && !Trim(cell(kRule)->value).empty() ? Trim(cell(kRule)->value) : "csv";
    for (auto [c, target] :
         {std::pair{kNegated, &fact.negated}, std::pair{kHedged, &fact.hedged}}) {
      if (!cell(c)) continue;
      Result<bool> b = ParseBool(*cell(c), file);
      if (!b.ok()) return b.status();
      *target = *b;
    }
    fact.span_begin = static_cast<int64_t>(record.begin);
    fact.span_end = static_cast<int64_t>(record.end);
    fact.id = MakeFactId(fact);
    facts.push_back(std::move(fact));
  }
  return facts;
}

Result<std::vector<Fact>> ReadFactsCsvFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::Error(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read failed");
  return ReadFactsCsv(text.str(), path);
}

}  // namespace kg
