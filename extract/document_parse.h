// Internal to the document reader: the byte checks and the per-format parsers
// that document.cc composes (text files in document_text.cc, JSON Lines in
// document_jsonl.cc). Not a public API; include document.h instead.
#ifndef KG_EXTRACT_DOCUMENT_PARSE_H_
#define KG_EXTRACT_DOCUMENT_PARSE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "graph/model/status.h"
#include "graph/model/text_bytes.h"

namespace kg::document_internal {

// Byte checks shared with the other readers of user files (text_bytes.h).
using ::kg::CheckTextBytes;
using ::kg::Position;
using ::kg::PositionOf;

// "NAME: document is 20.3 MiB, over the 16 MiB cap (--max-document-bytes)";
// `size` 0 when only "more than the cap" is known (a pipe read up to the cap).
Status DocumentTooLarge(const std::string& name, uint64_t size, size_t max_bytes);

// The whole file at `path`, or an error naming it as `name`: missing,
// unreadable, a directory, or larger than `max_bytes` (then not read at all).
Result<std::string> ReadFileBytes(const std::string& path, const std::string& name,
                                  size_t max_bytes);

// A text document's bytes (size already checked): BOM dropped, CR LF and lone
// CR turned into LF, the "date YYYY-MM-DD" first line taken off. `id` and
// `date` are set from `name` and the date line only; defaults are the caller's.
Result<Document> ParseText(std::string_view bytes, const std::string& name);

// One JSON Lines document: `line` is the raw line without its "\n" (a trailing
// "\r" is tolerated), `line_number` is 1-based. `default_id` names a document
// without an "id" field. The document's date is left empty when the line has none.
Result<Document> ParseJsonlLine(std::string_view line, const std::string& name, int line_number,
                                const std::string& default_id, int max_depth);

}  // namespace kg::document_internal

#endif  // KG_EXTRACT_DOCUMENT_PARSE_H_
