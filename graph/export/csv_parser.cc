#include "graph/export/csv_parser.h"

namespace kg {
namespace {

// Walks the text keeping the 1-based line and column of `pos`.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  size_t pos() const { return pos_; }
  int line() const { return line_; }
  int column() const { return column_; }
  void Advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  // At "\n" or "\r\n".
  bool AtLineEnd() const {
    return peek() == '\n' || (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }
  void SkipLineEnd() {
    if (peek() == '\r') Advance();
    Advance();
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

Status ParseQuoted(Cursor& c, const std::string& file, CsvCell* field) {
  c.Advance();  // the opening quote
  while (true) {
    if (c.done()) {
      return Status::ErrorAt(file, field->line, field->column, "unterminated quoted field");
    }
    char ch = c.peek();
    c.Advance();
    if (ch != '"') {
      field->value.push_back(ch);
    } else if (!c.done() && c.peek() == '"') {
      field->value.push_back('"');
      c.Advance();
    } else {
      break;
    }
  }
  if (!c.done() && c.peek() != ',' && !c.AtLineEnd()) {
    return Status::ErrorAt(file, c.line(), c.column(), "text after a closing quote");
  }
  return Status::Ok();
}

Status ParseUnquoted(Cursor& c, const std::string& file, CsvCell* field) {
  while (!c.done() && c.peek() != ',' && !c.AtLineEnd()) {
    if (c.peek() == '"') {
      return Status::ErrorAt(
          file, c.line(), c.column(),
          "quote inside an unquoted field (quote the whole field and double it)");
    }
    field->value.push_back(c.peek());
    c.Advance();
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& file) {
  std::vector<CsvRecord> records;
  Cursor c(text);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    for (int i = 0; i < 3; ++i) c.Advance();
  }
  while (!c.done()) {
    if (c.AtLineEnd()) {  // blank line
      c.SkipLineEnd();
      continue;
    }
    CsvRecord record;
    record.begin = c.pos();
    while (true) {
      CsvCell field;
      field.line = c.line();
      field.column = c.column();
      Status s = (!c.done() && c.peek() == '"') ? ParseQuoted(c, file, &field)
                                                : ParseUnquoted(c, file, &field);
      if (!s.ok()) return s;
      record.fields.push_back(std::move(field));
      if (c.done() || c.AtLineEnd()) break;
      c.Advance();  // the comma
    }
    record.end = c.pos();
    if (!c.done()) c.SkipLineEnd();
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace kg
