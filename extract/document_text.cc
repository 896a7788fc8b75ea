// Text documents: the byte checks (NUL, UTF-8) and the date line.
//
// The date line may share its line with the article (a scraped seed reads
// " date 2024-03-13 Former US President ..."), so the body starts after the
// date token and the whitespace that follows it, not at the next line.
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/document_parse.h"

namespace kg {
namespace document_internal {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Result<Document> ParseText(std::string_view bytes, const std::string& name) {
  if (Status s = CheckTextBytes(bytes, name); !s.ok()) return s;
  int column_shift = 0;  // the BOM's bytes, so columns count in the file as given
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    column_shift = 3;
  }
  std::string text;
  text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\r') {
      text += bytes[i];
    } else {
      text += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    }
  }

  Document doc;
  doc.id = name;
  // The date line: spaces, "date", spaces, a token starting with a digit.
  size_t p = 0;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  if (text.compare(p, 4, "date") == 0 && p + 4 < text.size() &&
      (text[p + 4] == ' ' || text[p + 4] == '\t')) {
    size_t q = p + 4;
    while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
    if (q < text.size() && IsDigit(text[q])) {
      size_t end = q;
      while (end < text.size() && !IsSpace(text[end])) ++end;
      std::optional<Date> date = ParseDate(std::string_view(text).substr(q, end - q));
      if (!date) {
        return Status::ErrorAt(name, 1, static_cast<int>(q) + 1 + column_shift,
                               "bad date line: expected 'date YYYY-MM-DD' with a real calendar "
                               "date, got '" +
                                   text.substr(q, end - q) + "'");
      }
      doc.date = date;
      while (end < text.size() && IsSpace(text[end])) ++end;
      text.erase(0, end);
    }
  }
  bool blank = true;
  for (char c : text) {
    if (!IsSpace(c)) {
      blank = false;
      break;
    }
  }
  if (blank) {
    return Status::ErrorAt(name, 0, 0,
                           doc.date ? "no text after the date line" : "empty document (no text)");
  }
  doc.text = std::move(text);
  return doc;
}

}  // namespace document_internal

Result<Document> ParseTextDocument(std::string_view bytes, const std::string& name,
                                   const ReadOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return document_internal::DocumentTooLarge(name, bytes.size(), options.max_document_bytes);
  }
  Result<Document> doc = document_internal::ParseText(bytes, name);
  if (doc.ok() && !doc->date) doc->date = options.default_date;
  return doc;
}

}  // namespace kg
