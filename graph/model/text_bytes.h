// Checking that bytes are text: UTF-8 without NUL bytes. Shared by every
// reader of user files (documents, date manifests, rule files), so that each
// reports the first bad byte the same way, located by line and column.
#ifndef KG_GRAPH_MODEL_TEXT_BYTES_H_
#define KG_GRAPH_MODEL_TEXT_BYTES_H_

#include <string>
#include <string_view>

#include "graph/model/status.h"

namespace kg {

// The 1-based line and column (in bytes) of `offset` in `bytes`, counting
// lines from `first_line`.
struct Position {
  int line = 1;
  int column = 1;
};
Position PositionOf(std::string_view bytes, size_t offset, int first_line = 1);

// Ok, or the first NUL byte ("binary file") or invalid UTF-8 sequence in
// `bytes` (overlong forms, surrogates and code points past U+10FFFF included),
// located in `name` by line and column (lines counted from `first_line`).
Status CheckTextBytes(std::string_view bytes, const std::string& name, int first_line = 1);

// `s` with control characters written as \xNN, so that an error message quoting
// bytes from a bad file (a NUL, a newline in a name) stays one line.
std::string EscapeControlCharacters(std::string_view s);

}  // namespace kg

#endif  // KG_GRAPH_MODEL_TEXT_BYTES_H_
