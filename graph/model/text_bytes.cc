#include "graph/model/text_bytes.h"

#include <cstdint>

#include "graph/model/text_scan.h"

namespace kg {
namespace {

using text_scan::Utf8SequenceLength;

std::string Hex(uint8_t b) {
  static const char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[b >> 4] + kDigits[b & 15];
}

}  // namespace

Position PositionOf(std::string_view bytes, size_t offset, int first_line) {
  Position pos{first_line, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = static_cast<int>(offset - line_start) + 1;
  return pos;
}

Status CheckTextBytes(std::string_view bytes, const std::string& name, int first_line) {
  for (size_t p = 0; p < bytes.size();) {
    // Runs of ASCII without NUL, nearly all of a news text, are passed over a
    // word at a time.
    p = text_scan::FindNulOrHigh(bytes, p);
    if (p >= bytes.size()) break;
    if (bytes[p] == '\0') {
      Position at = PositionOf(bytes, p, first_line);
      return Status::ErrorAt(name, at.line, at.column,
                             "binary file (NUL byte at byte offset " + std::to_string(p) + ")");
    }
    size_t n = Utf8SequenceLength(bytes, p);
    if (n == 0) {
      Position at = PositionOf(bytes, p, first_line);
      return Status::ErrorAt(name, at.line, at.column,
                             "invalid UTF-8 (byte " + Hex(static_cast<uint8_t>(bytes[p])) +
                                 " at byte offset " + std::to_string(p) + ")");
    }
    p += n;
  }
  return Status::Ok();
}

std::string EscapeControlCharacters(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) {
      out += Hex(c).replace(0, 2, "\\x");
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace kg
