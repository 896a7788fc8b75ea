// Internal to graph/export: an RFC 4180 tokenizer that remembers where every
// field starts, so the readers built on it report errors by line and column.
#ifndef KG_GRAPH_EXPORT_CSV_PARSER_H_
#define KG_GRAPH_EXPORT_CSV_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/model/status.h"

namespace kg {

struct CsvCell {
  std::string value;  // unquoted, "" turned back into "
  int line = 0;       // 1-based, where the field starts
  int column = 0;     // 1-based byte column
};

struct CsvRecord {
  std::vector<CsvCell> fields;
  size_t begin = 0;  // byte range of the record in the text, line end excluded
  size_t end = 0;
};

// All records of `text`; blank lines are skipped and a leading UTF-8 BOM is
// ignored. Errors (a quote inside an unquoted field, text after a closing
// quote, an unterminated quoted field) are located in `file`.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& file);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_CSV_PARSER_H_
