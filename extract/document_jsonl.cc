// JSON Lines documents: one {"id", "text", "date"?, "title"?, "url"?} object a line.
//
// "text" is kept exactly as decoded (no BOM or CR handling): TempEval scoring
// compares byte offsets into that very string. nlohmann::json throws, so this
// file is the one place its exceptions are caught. Nesting depth is checked
// before parsing, so a hostile line cannot make the parser recurse or allocate
// without bound.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/document_parse.h"

namespace kg::document_internal {
namespace {

// 0-based offset of the first byte that nests deeper than `max_depth`, or npos.
size_t TooDeepAt(std::string_view line, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// 1-based column where the value of top-level key `key` starts, or 1 when it
// cannot be found (errors still name the line).
int ValueColumn(std::string_view line, std::string_view key) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '"') {
      size_t end = i + 1;
      while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
      if (end >= line.size()) break;
      std::string_view str = line.substr(i + 1, end - i - 1);
      size_t j = end + 1;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (depth == 1 && str == key && j < line.size() && line[j] == ':') {
        ++j;
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
        return static_cast<int>(j) + 1;
      }
      i = end;
    }
  }
  return 1;
}

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax
// error ..." -> "syntax error ...": the location is reported our way.
std::string ParseErrorText(const std::string& what) {
  size_t column = what.find("column ");
  size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  std::string text = colon == std::string::npos ? what : what.substr(colon + 2);
  return "bad JSON: " + text;
}

Status FieldError(const std::string& name, int line_number, std::string_view line,
                  std::string_view key, const std::string& message) {
  return Status::ErrorAt(name, line_number, ValueColumn(line, key), message);
}

}  // namespace

Result<Document> ParseJsonlLine(std::string_view line, const std::string& name, int line_number,
                                const std::string& default_id, int max_depth) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (Status s = CheckTextBytes(line, name, line_number); !s.ok()) return s;
  if (size_t deep = TooDeepAt(line, max_depth); deep != std::string_view::npos) {
    return Status::ErrorAt(name, line_number, static_cast<int>(deep) + 1,
                           "JSON nested deeper than the cap of " + std::to_string(max_depth) +
                               " levels (--max-json-depth)");
  }
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    int column = e.byte == 0 ? 1 : static_cast<int>(e.byte);
    return Status::ErrorAt(name, line_number, column, ParseErrorText(e.what()));
  } catch (const nlohmann::json::exception& e) {
    return Status::ErrorAt(name, line_number, 1, std::string("bad JSON: ") + e.what());
  }
  if (!object.is_object()) {
    return Status::ErrorAt(name, line_number, 1,
                           std::string("expected a JSON object, got ") + object.type_name());
  }

  Document doc;
  auto text = object.find("text");
  if (text == object.end()) {
    return Status::ErrorAt(name, line_number, 1, "missing \"text\" field");
  }
  if (!text->is_string()) {
    return FieldError(name, line_number, line, "text", "\"text\" must be a string");
  }
  doc.text = text->get<std::string>();
  if (doc.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {
    return FieldError(name, line_number, line, "text", "empty \"text\"");
  }
  if (doc.text.find('\0') != std::string::npos) {
    return FieldError(name, line_number, line, "text", "binary text (\"text\" contains NUL)");
  }

  auto id = object.find("id");
  if (id == object.end() || id->is_null()) {
    doc.id = default_id;
  } else if (id->is_string()) {
    doc.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    doc.id = id->dump();
  } else {
    return FieldError(name, line_number, line, "id", "\"id\" must be a string or an integer");
  }
  if (doc.id.empty()) return FieldError(name, line_number, line, "id", "\"id\" is empty");

  auto date = object.find("date");
  if (date != object.end() && !date->is_null()) {
    if (!date->is_string()) {
      return FieldError(name, line_number, line, "date", "\"date\" must be a YYYY-MM-DD string");
    }
    doc.date = ParseDate(date->get<std::string>());
    if (!doc.date) {
      return FieldError(name, line_number, line, "date",
                        "bad \"date\": expected YYYY-MM-DD, a real calendar date, got '" +
                            date->get<std::string>() + "'");
    }
  }
  for (auto [key, field] : {std::pair{"title", &doc.title}, std::pair{"url", &doc.url}}) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return FieldError(name, line_number, line, key,
                        std::string("\"") + key + "\" must be a string");
    }
    *field = it->get<std::string>();
  }
  return doc;
}

}  // namespace kg::document_internal
