// Documents: reading the inputs kg extracts from.
//
// A PATH is a text file (optional first line "date YYYY-MM-DD", spaces around it
// allowed), a directory (read recursively, *.txt and *.jsonl, in byte order of
// their paths), "-" for standard input, or a .jsonl file of documents
// ({"id", "text", "date"?, "title"?, "url"?} a line). UTF-8 with a BOM and CRLF
// line ends are accepted and normalised (BOM dropped, CRLF -> LF); invalid
// UTF-8, NUL bytes (binary files) and missing files are errors naming the file.
// Document::text is the normalised body without the date line (a JSONL "text"
// is kept byte for byte): fact spans are byte offsets into it. Ids: the file
// name of a file given directly, the path relative to a directory given, the
// JSONL "id". docs/documents.md is the user-facing description.
#ifndef KG_EXTRACT_DOCUMENT_H_
#define KG_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

struct Document {
  std::string id;    // file name relative to the PATH's directory, or the JSONL "id"
  std::string text;  // normalised UTF-8 body
  std::optional<Date> date;
  std::string title;
  std::string url;
};

// Where a document's date comes from, first match wins: its own date line (or
// JSONL "date"), the dates.csv of the directory it was found in, the manifest
// named here, `default_date`. docs/documents.md describes the formats.
struct ReadOptions {
  std::optional<Date> default_date;  // --date: for documents that carry none
  std::string stdin_name = "-";      // the id given to a document read from stdin
  // "-" holds JSON Lines documents (one {"id","text","date"} a line), not one text.
  bool stdin_jsonl = false;
  // A "file,date" CSV (see manifest.h) whose names are matched against document
  // ids; empty for none. Entries that match no document are not an error here.
  std::string date_manifest;
  // Larger documents (text files, stdin, one JSONL line) are an error, read no
  // further than the cap (kg --max-document-bytes).
  size_t max_document_bytes = size_t{16} << 20;
  // JSON nesting deeper than this in a JSONL line is an error (bounds the
  // parser; kg --max-json-depth).
  int max_json_depth = 64;
  // What "-" reads; null means std::cin. Tests point it at a stringstream.
  std::istream* stdin_stream = nullptr;
};

// "512 bytes", "64 KiB", "16 MiB", "20.3 MiB": sizes in the messages about caps.
std::string FormatByteCount(uint64_t bytes);

// Parses one text document's bytes (BOM, CRLF, date line); `name` locates errors.
Result<Document> ParseTextDocument(std::string_view bytes, const std::string& name,
                                   const ReadOptions& options);

// Calls `sink` for every document under `paths`, in a deterministic order,
// streaming: one document (or one JSONL line) is held at a time. Stops at the
// first error (from reading or from `sink`) and returns it.
Status ForEachDocument(const std::vector<std::string>& paths, const ReadOptions& options,
                       const std::function<Status(Document&&)>& sink);

// Convenience: all documents in memory.
Result<std::vector<Document>> ReadDocuments(const std::vector<std::string>& paths,
                                            const ReadOptions& options);

}  // namespace kg

#endif  // KG_EXTRACT_DOCUMENT_H_
