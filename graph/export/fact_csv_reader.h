// Reading facts from a plain CSV file, so facts kept in a spreadsheet or
// exported by another tool can go into `kg build` beside extracted ones.
//
//   subject,relation,object,start,end
//   Elon Musk,acquired,Twitter,2022-10-27,
//   "Musk, Elon",sued,OpenAI,2024,
//
// RFC 4180: comma-separated, CRLF or LF line ends, fields in double quotes may
// hold commas, quotes (doubled) and line breaks; a UTF-8 byte-order mark is
// skipped, blank lines are ignored. The header row names the columns, in any
// order and case: subject, relation, object are required; start, end (YYYY,
// YYYY-MM or YYYY-MM-DD; start takes the first day it names, end the last),
// subject_type, object_type, doc, sentence, rule, negated and hedged (true,
// false, 1, 0, yes, no or empty) are optional. Other column names are errors.
// Each fact's doc defaults to the file's name, its rule to "csv", and its span
// is the byte range of its record in the file, so `explain` can point at it.
#ifndef KG_GRAPH_EXPORT_FACT_CSV_READER_H_
#define KG_GRAPH_EXPORT_FACT_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/status.h"

namespace kg {

// Parses a whole facts CSV text. `file` names the input in errors
// ("facts.csv:3:14: unterminated quoted field") and is the default doc.
Result<std::vector<Fact>> ReadFactsCsv(std::string_view text, const std::string& file);

// Reads and parses the file at `path`.
Result<std::vector<Fact>> ReadFactsCsvFile(const std::string& path);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_FACT_CSV_READER_H_
