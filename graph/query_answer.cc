// Rendering answers: aligned text tables for people, TSV and JSON for scripts.
#include "graph/query_answer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

namespace kg {

void Answer::Clear() {
  command.clear();
  title.clear();
  columns.clear();
  rows.clear();
  notes.clear();
  entities.clear();
  facts.clear();
  complete = nullptr;
}

void CompleteAnswer(Answer* answer) {
  if (!answer->complete) return;
  std::function<void(Answer*)> complete = std::move(answer->complete);
  answer->complete = nullptr;
  complete(answer);
}
namespace {

using nlohmann::json;

// An integer's decimal text, as to_chars (and json's dump) writes it.
class DecimalText {
 public:
  template <typename Integer>
  explicit DecimalText(Integer value)
      : size_(static_cast<size_t>(std::to_chars(digits_, digits_ + sizeof digits_, value).ptr -
                                  digits_)) {}
  std::string_view view() const { return {digits_, size_}; }

 private:
  char digits_[24];
  size_t size_;
};

// A cell as text: strings as they are, booleans as yes/no, lists joined by
// ", ", null as nothing.
void AppendCellText(const Cell& cell, std::string* out) {
  switch (cell.kind()) {
    case Cell::Kind::kNull:
      return;
    case Cell::Kind::kText:
      *out += cell.text();
      return;
    case Cell::Kind::kBool:
      *out += cell.boolean() ? "yes" : "no";
      return;
    case Cell::Kind::kInteger:
      *out += DecimalText(cell.integer()).view();
      return;
    case Cell::Kind::kUnsigned:
      *out += DecimalText(cell.unsigned_integer()).view();
      return;
    case Cell::Kind::kNumber: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", cell.number());
      *out += buf;
      return;
    }
    case Cell::Kind::kList: {
      // ", " before each item once the list's text has begun.
      const size_t start = out->size();
      for (const Cell& item : cell.list()) {
        if (out->size() > start) *out += ", ";
        AppendCellText(item, out);
      }
      return;
    }
  }
}

// Display width in code points (continuation bytes take no column).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Tabs and line breaks become spaces; text wider than `max` columns is cut to
// max - 3 of them and ends in "..." (never when max < 4).
void Clip(size_t max, std::string* s) {
  for (char& c : *s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (max < 4 || Width(*s) <= max) return;
  size_t cols = 0, i = 0;
  for (; i < s->size(); ++i) {
    if ((static_cast<unsigned char>((*s)[i]) & 0xC0) != 0x80 && ++cols > max - 3) break;
  }
  s->resize(i);
  *s += "...";
}

// Rows are written straight into the output, each cell's text made once: a
// neighbors answer can have tens of thousands of rows.
std::string Table(const Answer& a, const FormatOptions& o) {
  const char* bold = o.color ? "\033[1m" : "";
  const char* dim = o.color ? "\033[2m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  std::string out;
  if (!a.title.empty()) {
    out += bold;
    out += a.title;
    out += reset;
    out += '\n';
  }
  if (!a.columns.empty() && !a.rows.empty()) {
    const size_t columns = a.columns.size();
    std::vector<std::string> cells(a.rows.size() * columns);  // row by row
    std::vector<size_t> cell_width(cells.size());
    std::vector<size_t> width(columns);
    for (size_t c = 0; c < columns; ++c) width[c] = Width(a.columns[c]);
    for (size_t r = 0; r < a.rows.size(); ++r) {
      const auto& row = a.rows[r];
      for (size_t c = 0; c < columns; ++c) {
        // The last column needs no padding after it, so it is never clipped.
        const size_t max = c + 1 == columns ? SIZE_MAX / 2 : o.max_cell_width;
        std::string& text = cells[r * columns + c];
        if (c < row.size()) AppendCellText(row[c], &text);
        Clip(max, &text);
        cell_width[r * columns + c] = Width(text);
        width[c] = std::max(width[c], cell_width[r * columns + c]);
      }
    }
    // One line: cells padded to their column's width plus two spaces, the
    // line's trailing spaces dropped.
    auto emit = [&](auto cell_text, auto text_width, const char* on, const char* off) {
      out += on;
      const size_t text_start = out.size();
      for (size_t c = 0; c < columns; ++c) {
        out += cell_text(c);
        if (c + 1 < columns) out.append(width[c] - text_width(c) + 2, ' ');
      }
      size_t end = out.size();
      while (end > text_start && out[end - 1] == ' ') --end;
      out.resize(end);
      out += off;
      out += '\n';
    };
    emit([&](size_t c) -> std::string_view { return a.columns[c]; },
         [&](size_t c) { return Width(a.columns[c]); }, bold, reset);
    std::vector<std::string> rule;
    for (size_t w : width) rule.push_back(std::string(w, '-'));
    emit([&](size_t c) -> std::string_view { return rule[c]; }, [&](size_t c) { return width[c]; },
         "", "");
    for (size_t r = 0; r < a.rows.size(); ++r) {
      emit([&](size_t c) -> std::string_view { return cells[r * columns + c]; },
           [&](size_t c) { return cell_width[r * columns + c]; }, "", "");
    }
    out += dim;
    out += "(" + std::to_string(a.rows.size()) + (a.rows.size() == 1 ? " row)" : " rows)");
    out += reset;
    out += '\n';
  } else if (!a.columns.empty()) {
    out += std::string(dim) + "(no rows)" + reset + "\n";
  }
  for (const std::string& note : a.notes) out += std::string(dim) + "note: " + note + reset + "\n";
  return out;
}

// Appends `s` with tab, line breaks and backslash escaped as \t \n \r \\.
void AppendTsvEscaped(std::string_view s, std::string* out) {
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = nullptr;
    switch (s[i]) {
      case '\t':
        escape = "\\t";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      case '\\':
        escape = "\\\\";
        break;
      default:
        continue;
    }
    out->append(s.data() + plain, i - plain);
    *out += escape;
    plain = i + 1;
  }
  out->append(s.data() + plain, s.size() - plain);
}

std::string Tsv(const Answer& a) {
  std::string out;
  for (size_t c = 0; c < a.columns.size(); ++c) {
    if (c) out += '\t';
    AppendTsvEscaped(a.columns[c], &out);
  }
  out += '\n';
  std::string text;
  for (const auto& row : a.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c) out += '\t';
      text.clear();
      AppendCellText(row[c], &text);
      AppendTsvEscaped(text, &out);
    }
    out += '\n';
  }
  return out;
}

// The JSON document as a tree of ordered_json objects, dumped: the reference
// for the direct writer below, and what answers with a repeated column name
// (one key in the tree, last value kept) still use.
std::string JsonTree(const Answer& a, const TemporalGraph& g, const std::string& query) {
  // Keys in a fixed, readable order (query first), unlike json's sorted maps.
  using ordered = nlohmann::ordered_json;
  ordered doc = ordered::object();
  doc["query"] = query;
  doc["command"] = a.command;
  doc["title"] = a.title;
  doc["columns"] = a.columns;
  ordered rows = ordered::array();
  for (const auto& row : a.rows) {
    ordered obj = ordered::object();
    for (size_t c = 0; c < a.columns.size() && c < row.size(); ++c) {
      obj[a.columns[c]] = ordered(row[c].ToJson());
    }
    rows.push_back(std::move(obj));
  }
  doc["rows"] = std::move(rows);
  doc["count"] = a.rows.size();
  doc["notes"] = a.notes;
  ordered entities = ordered::array(), facts = ordered::array();
  for (EntityId e : a.entities) entities.push_back(g.entity(e).name);
  for (FactId f : a.facts) facts.push_back(g.fact_id(f));
  doc["entities"] = std::move(entities);
  doc["facts"] = std::move(facts);
  return doc.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
}

// Whether a byte is written as it is inside a JSON string: printable ASCII
// other than quote and backslash.
constexpr std::array<bool, 256> kPlainJsonByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c <= 0x7e; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// Text written at the end of a growing buffer without a call into the
// string library per piece: a neighbors answer's JSON is millions of short
// pieces.
class TextSink {
 public:
  void Put(std::string_view text) { std::memcpy(Room(text.size()), text.data(), text.size()); }
  void Put(char c) { *Room(1) = c; }
  // The next n bytes of the text, for the caller to fill.
  char* Room(size_t n) {
    if (size_ + n > buffer_.size()) buffer_.resize(std::max(2 * buffer_.size(), size_ + n + 256));
    char* at = buffer_.data() + size_;
    size_ += n;
    return at;
  }
  // Everything written, as a string; the sink is empty after.
  std::string Take() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }

 private:
  std::string buffer_;  // its first size_ bytes are written
  size_t size_ = 0;
};

// `s` as a JSON string, byte for byte as json's dump writes it.
void PutString(std::string_view s, TextSink* out) {
  // Plain ASCII is written in one piece; the rest (escapes, UTF-8, invalid
  // bytes replaced) is left to the library. (text_scan::FindJsonStop finds the
  // same stop but is made for long runs: on an answer's short names and ids
  // it made this writer 18% dearer.)
  size_t i = 0;
  while (i < s.size() && kPlainJsonByte[static_cast<unsigned char>(s[i])]) ++i;
  if (i == s.size()) {
    char* at = out->Room(s.size() + 2);
    at[0] = '"';
    std::memcpy(at + 1, s.data(), s.size());
    at[s.size() + 1] = '"';
  } else {
    out->Put(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

// As json's dump writes the cell.
void PutValue(const Cell& value, TextSink* out) {
  switch (value.kind()) {
    case Cell::Kind::kText:
      PutString(value.text(), out);
      return;
    case Cell::Kind::kInteger:
      out->Put(DecimalText(value.integer()).view());
      return;
    case Cell::Kind::kUnsigned:
      out->Put(DecimalText(value.unsigned_integer()).view());
      return;
    case Cell::Kind::kBool:
      out->Put(value.boolean() ? "true" : "false");
      return;
    case Cell::Kind::kNull:
      out->Put("null");
      return;
    case Cell::Kind::kNumber:
      out->Put(json(value.number()).dump(-1, ' ', false, json::error_handler_t::replace));
      return;
    case Cell::Kind::kList: {
      out->Put('[');
      bool first = true;
      for (const Cell& item : value.list()) {
        if (!first) out->Put(',');
        first = false;
        PutValue(item, out);
      }
      out->Put(']');
      return;
    }
  }
}

template <typename List, typename Text>
void PutArray(const List& items, Text text, TextSink* out) {
  out->Put('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) out->Put(',');
    first = false;
    PutString(text(item), out);
  }
  out->Put(']');
}

// The same document written straight into the output: a neighbors answer has
// thousands of rows, and a tree of them costs more than the text (and evicts
// from the caches whatever the next query needs).
std::string Json(const Answer& a, const TemporalGraph& g, const std::string& query) {
  std::vector<std::string> keys = a.columns;
  std::sort(keys.begin(), keys.end());
  if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) return JsonTree(a, g, query);
  auto same = [](const std::string& s) -> std::string_view { return s; };
  TextSink out;
  out.Put("{\"query\":");
  PutString(query, &out);
  out.Put(",\"command\":");
  PutString(a.command, &out);
  out.Put(",\"title\":");
  PutString(a.title, &out);
  out.Put(",\"columns\":");
  PutArray(a.columns, same, &out);
  out.Put(",\"rows\":[");
  // Each row repeats the keys: written once, then copied.
  std::vector<std::string> key_of(a.columns.size());
  for (size_t c = 0; c < a.columns.size(); ++c) {
    TextSink key;
    if (c) key.Put(',');
    PutString(a.columns[c], &key);
    key.Put(':');
    key_of[c] = key.Take();
  }
  for (size_t r = 0; r < a.rows.size(); ++r) {
    const auto& row = a.rows[r];
    out.Put(r ? ",{" : "{");
    for (size_t c = 0; c < a.columns.size() && c < row.size(); ++c) {
      out.Put(key_of[c]);
      PutValue(row[c], &out);
    }
    out.Put('}');
  }
  out.Put("],\"count\":");
  out.Put(DecimalText(a.rows.size()).view());
  out.Put(",\"notes\":");
  PutArray(a.notes, same, &out);
  out.Put(",\"entities\":");
  PutArray(
      a.entities, [&](EntityId e) -> std::string_view { return g.entity(e).name; }, &out);
  out.Put(",\"facts\":");
  PutArray(
      a.facts, [&](FactId f) { return g.fact_id(f); }, &out);
  out.Put("}\n");
  return out.Take();
}

}  // namespace

std::string FormatAnswer(const Answer& answer, const TemporalGraph& graph,
                         const std::string& query_text, const FormatOptions& options) {
  switch (options.format) {
    case AnswerFormat::kJson:
      return Json(answer, graph, query_text);
    case AnswerFormat::kTsv:
      return Tsv(answer);
    case AnswerFormat::kTable:
      break;
  }
  return Table(answer, options);
}

std::string FormatQueryError(const QueryError& error, const std::string& query_text,
                             const FormatOptions& options) {
  if (options.format == AnswerFormat::kJson) {
    nlohmann::ordered_json doc = {{"query", query_text},
                                  {"error", error.message},
                                  {"position", error.range.offset},
                                  {"length", error.range.length}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return "error: " + error.message + "\n";
}

std::string CaretLine(const std::string& query_text, const QueryError& error) {
  size_t offset = std::min(error.range.offset, query_text.size());
  std::string pad;
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(query_text[i]);
    if ((c & 0xC0) == 0x80) continue;  // one column per code point
    pad += query_text[i] == '\t' ? '\t' : ' ';
  }
  size_t len = std::max<size_t>(1, std::min(error.range.length, query_text.size() - offset));
  return query_text + "\n" + pad + "^" + std::string(len - 1, '~') + "\n";
}

}  // namespace kg
