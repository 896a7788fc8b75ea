// JSON Lines documents: one {"id", "text", "date"?, "title"?, "url"?} object a line.
// Lines of string (or null) fields are read directly; any other line goes
// through nlohmann::json, which also words the errors.
//
// "text" is kept exactly as decoded (no BOM or CR handling): TempEval scoring
// compares byte offsets into that very string. nlohmann::json throws, so this
// file is the one place its exceptions are caught. Nesting depth is checked
// before parsing, so a hostile line cannot make the parser recurse or allocate
// without bound.
#include <algorithm>
#include <array>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/document_parse.h"
#include "graph/model/text_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::document_internal {
namespace {

// 0-based offset of the first byte that nests deeper than `max_depth`, or npos.
size_t TooDeepAt(std::string_view line, int max_depth) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      // A string's contents cannot nest: they are passed over a run at a time.
      size_t j = i + 1;
      for (;;) {
        j = text_scan::FindJsonStop(line, j, /*stop_at_high=*/false);
        if (j >= line.size()) return std::string_view::npos;
        if (line[j] == '"') break;
        j += line[j] == '\\' ? 2 : 1;  // an escape, or a raw control byte
        if (j >= line.size()) return std::string_view::npos;
      }
      i = j;
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

// The fields a document line may have, as read by either parser below.
struct JsonField {
  enum Kind { kAbsent, kNull, kString, kInteger, kOther } kind = kAbsent;
  std::string value;  // a string's value, an integer's JSON text
};

struct DocumentFields {
  JsonField text, id, date, title, url;
  std::array<std::pair<const char*, JsonField*>, 5> Named() {
    return {{{"text", &text}, {"id", &id}, {"date", &date}, {"title", &title}, {"url", &url}}};
  }
};

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

#if defined(__SSE2__)
// Bit i set when byte i of `v` ends a plain run of a JSON string: a quote, a
// backslash or a control byte.
unsigned StringStops(__m128i v) {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  return static_cast<unsigned>(_mm_movemask_epi8(
      _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))))));
}
#endif

// Decodes the escape at line[p] (a backslash) to *o; false for \u and
// malformed escapes, which the full parser decides.
bool DecodeEscape(std::string_view line, size_t p, char* o) {
  if (p + 1 >= line.size()) return false;
  switch (line[p + 1]) {
    case '"':
    case '\\':
    case '/':
      *o = line[p + 1];
      return true;
    case 'b':
      *o = '\b';
      return true;
    case 'f':
      *o = '\f';
      return true;
    case 'n':
      *o = '\n';
      return true;
    case 'r':
      *o = '\r';
      return true;
    case 't':
      *o = '\t';
      return true;
    default:
      return false;
  }
}

// The rest of ReadPlainString for a string with escapes (nearly always the
// text), from line[p] with the first escape at line[stop]. One pass: sixteen
// bytes at a time are copied to the output and tested together, and the
// output moves on by the plain ones, so an escape costs no new scan and no
// call. The room is sized once: a decoded string is never longer than its
// JSON form, and the copies of bytes past a stop land where later bytes
// overwrite them or past the end kept.
bool ReadEscapedString(std::string_view line, size_t p, size_t stop, size_t* i, std::string* out) {
  const size_t n = line.size();
  out->resize(n - p);
  char* const begin = out->data();
  const char* const in = line.data();
  std::memcpy(begin, in + p, stop - p);
  char* o = begin + (stop - p);
  // The store at o stays within the room: o - begin <= p - first, where
  // `first` is the p this call started at, so o + 16 <= begin + (n - first)
  // while p + 16 <= n.
  p = stop;
  for (;;) {
    const char c = in[p];
    if (c == '"') {
      out->resize(static_cast<size_t>(o - begin));
      *i = p + 1;
      return true;
    }
    if (c != '\\' || !DecodeEscape(line, p, o)) return false;  // a raw control byte, or \u
    ++o;
    p += 2;
#if defined(__SSE2__)
    unsigned mask = 0;
    for (; p + 16 <= n; p += 16, o += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
      if ((mask = StringStops(v)) != 0) break;
    }
    if (mask != 0) {
      const size_t k = static_cast<size_t>(__builtin_ctz(mask));
      p += k;
      o += k;
      continue;
    }
#endif
    for (; p < n && !text_scan::IsJsonSpecial(static_cast<unsigned char>(in[p])); ++p) *o++ = in[p];
    if (p >= n) return false;
  }
}

// A JSON string at line[*i] (the opening quote) without \u escapes or raw
// control characters, decoded into *out; *i ends past the closing quote.
bool ReadPlainString(std::string_view line, size_t* i, std::string* out) {
  const size_t p = *i + 1;
  if (p >= line.size()) return false;
  const size_t stop = text_scan::FindJsonStop(line, p, /*stop_at_high=*/false);
  if (stop == line.size() || static_cast<unsigned char>(line[stop]) < 0x20) return false;
  if (line[stop] == '"') {
    out->assign(line.data() + p, stop - p);
    *i = stop + 1;
    return true;
  }
  return ReadEscapedString(line, p, stop, i, out);
}

// A key: its bytes in the line when it has no escape (every key kg reads),
// else decoded into *scratch.
bool ReadKey(std::string_view line, size_t* i, std::string* scratch, std::string_view* key) {
  // Keys are short: a byte loop, not a scan set up for long runs.
  size_t end = *i + 1;
  while (end < line.size() && !text_scan::IsJsonSpecial(static_cast<unsigned char>(line[end]))) {
    ++end;
  }
  if (end < line.size() && line[end] == '"') {
    *key = line.substr(*i + 1, end - *i - 1);
    *i = end + 1;
    return true;
  }
  if (!ReadPlainString(line, i, scratch)) return false;
  *key = *scratch;
  return true;
}

// The common line — one object of distinct keys whose values are strings or
// null — read without building a JSON tree (that cost ~110 instructions a
// byte). False for anything else, which nlohmann then parses, so that every
// line reads as before and errors keep their wording.
bool ReadFlatObject(std::string_view line, DocumentFields* fields) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < line.size() && IsJsonSpace(line[i])) ++i;
  };
  skip_space();
  if (i >= line.size() || line[i] != '{') return false;
  ++i;
  std::string key_scratch, ignored;
  std::string_view key;
  unsigned seen = 0;                 // bit k: the k-th of fields->Named()
  std::vector<std::string> unknown;  // other keys, to refuse repeats of them too
  const auto named = fields->Named();
  for (;;) {
    skip_space();
    if (i >= line.size() || line[i] != '"' || !ReadKey(line, &i, &key_scratch, &key)) return false;
    // A known key's value is read straight into its field.
    JsonField* slot = nullptr;
    for (size_t k = 0; k < named.size(); ++k) {
      if (key != named[k].first) continue;
      if (seen >> k & 1) return false;
      seen |= 1u << k;
      slot = named[k].second;
    }
    if (slot == nullptr) {
      if (std::find(unknown.begin(), unknown.end(), key) != unknown.end()) return false;
      unknown.emplace_back(key);
    }
    skip_space();
    if (i >= line.size() || line[i] != ':') return false;
    ++i;
    skip_space();
    if (line.substr(i, 4) == "null") {
      if (slot) {
        slot->kind = JsonField::kNull;
        slot->value.clear();
      }
      i += 4;
    } else if (i < line.size() && line[i] == '"' &&
               ReadPlainString(line, &i, slot ? &slot->value : &ignored)) {
      if (slot) slot->kind = JsonField::kString;
    } else {
      return false;
    }
    skip_space();
    if (i >= line.size()) return false;
    if (line[i] == '}') break;
    if (line[i] != ',') return false;
    ++i;
  }
  ++i;
  skip_space();
  return i == line.size();
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
  // A flat object nests one level deep, so only a line that is not one needs
  // the depth check (which comes before parsing it).
  DocumentFields fields;
  // The direct reader refuses raw control bytes and \u escapes, so a text it
  // read has no NUL byte to look for.
  const bool read_directly = max_depth >= 1 && ReadFlatObject(line, &fields);
  // The bytes are checked before anything else is said about the line. A line
  // read directly has no NUL (outside its strings only JSON punctuation,
  // inside them no raw control byte), so when it has no byte >= 0x80 either
  // there is nothing for the check to find; the direct reader only copies
  // bytes, so reading first changes no answer.
  if (!read_directly || text_scan::HasHighByte(line)) {
    if (Status s = CheckTextBytes(line, name, line_number); !s.ok()) return s;
  }
  if (!read_directly) {
    if (size_t deep = TooDeepAt(line, max_depth); deep != std::string_view::npos) {
      return Status::ErrorAt(name, line_number, static_cast<int>(deep) + 1,
                             "JSON nested deeper than the cap of " + std::to_string(max_depth) +
                                 " levels (--max-json-depth)");
    }
    fields = DocumentFields();
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
    for (auto [key, field] : fields.Named()) {
      auto it = object.find(key);
      if (it == object.end()) continue;
      if (it->is_null()) {
        field->kind = JsonField::kNull;
      } else if (it->is_string()) {
        field->kind = JsonField::kString;
        field->value = it->get<std::string>();
      } else if (it->is_number_integer()) {
        field->kind = JsonField::kInteger;
        field->value = it->dump();
      } else {
        field->kind = JsonField::kOther;
      }
    }
  }

  Document doc;
  const JsonField& text = fields.text;
  if (text.kind == JsonField::kAbsent) {
    return Status::ErrorAt(name, line_number, 1, "missing \"text\" field");
  }
  if (text.kind != JsonField::kString) {
    return FieldError(name, line_number, line, "text", "\"text\" must be a string");
  }
  doc.text = std::move(fields.text.value);
  if (doc.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {
    return FieldError(name, line_number, line, "text", "empty \"text\"");
  }
  if (!read_directly && doc.text.find('\0') != std::string::npos) {
    return FieldError(name, line_number, line, "text", "binary text (\"text\" contains NUL)");
  }

  const JsonField& id = fields.id;
  if (id.kind == JsonField::kAbsent || id.kind == JsonField::kNull) {
    doc.id = default_id;
  } else if (id.kind == JsonField::kString || id.kind == JsonField::kInteger) {
    doc.id = std::move(fields.id.value);
  } else {
    return FieldError(name, line_number, line, "id", "\"id\" must be a string or an integer");
  }
  if (doc.id.empty()) return FieldError(name, line_number, line, "id", "\"id\" is empty");

  const JsonField& date = fields.date;
  if (date.kind != JsonField::kAbsent && date.kind != JsonField::kNull) {
    if (date.kind != JsonField::kString) {
      return FieldError(name, line_number, line, "date", "\"date\" must be a YYYY-MM-DD string");
    }
    doc.date = ParseDate(date.value);
    if (!doc.date) {
      return FieldError(
          name, line_number, line, "date",
          "bad \"date\": expected YYYY-MM-DD, a real calendar date, got '" + date.value + "'");
    }
  }
  for (auto [key, field] : {std::pair{"title", &fields.title}, std::pair{"url", &fields.url}}) {
    if (field->kind == JsonField::kAbsent || field->kind == JsonField::kNull) continue;
    if (field->kind != JsonField::kString) {
      return FieldError(name, line_number, line, key,
                        std::string("\"") + key + "\" must be a string");
    }
  }
  if (fields.title.kind == JsonField::kString) doc.title = std::move(fields.title.value);
  if (fields.url.kind == JsonField::kString) doc.url = std::move(fields.url.value);
  return doc;
}

}  // namespace kg::document_internal
