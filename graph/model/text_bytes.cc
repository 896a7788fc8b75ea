#include "graph/model/text_bytes.h"

#include <cstdint>

namespace kg {
namespace {

// Length of the valid UTF-8 sequence at `p`, or 0 when it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t Utf8SequenceLength(std::string_view s, size_t p) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t b0 = byte(p);
  if (b0 < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (p + n > s.size()) return 0;
  if (byte(p + 1) < lo || byte(p + 1) > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((byte(p + i) & 0xC0) != 0x80) return 0;
  }
  return n;
}

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
