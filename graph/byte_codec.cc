#include "graph/byte_codec.h"

namespace kg {

void ByteWriter::PutFixed32(uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void ByteWriter::PutFixed64(uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void ByteWriter::PutVarint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ByteWriter::PutSignedVarint(int64_t v) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void ByteWriter::PutString(std::string_view s) {
  PutVarint(s.size());
  out_.append(s);
}

bool ByteReader::Fail(std::string message) {
  if (!failed_) {
    failed_ = true;
    error_ = "at payload byte " + std::to_string(pos_) + ": " + std::move(message);
  }
  return false;
}

bool ByteReader::GetFixed32(uint32_t* v) {
  if (failed_) return false;
  if (remaining() < 4) return Fail("truncated 32-bit value");
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= uint32_t{static_cast<uint8_t>(data_[pos_ + i])} << (8 * i);
  pos_ += 4;
  return true;
}

bool ByteReader::GetFixed64(uint64_t* v) {
  if (failed_) return false;
  if (remaining() < 8) return Fail("truncated 64-bit value");
  *v = 0;
  for (int i = 0; i < 8; ++i) *v |= uint64_t{static_cast<uint8_t>(data_[pos_ + i])} << (8 * i);
  pos_ += 8;
  return true;
}

bool ByteReader::GetVarint(uint64_t* v) {
  if (failed_) return false;
  uint64_t result = 0;
  for (int shift = 0; shift <= 63; shift += 7) {
    if (pos_ >= data_.size()) return Fail("truncated varint");
    uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
    if (shift == 63 && byte > 1) return Fail("varint overflows 64 bits");
    result |= uint64_t{byte & 0x7Fu} << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return Fail("varint longer than 10 bytes");
}

bool ByteReader::GetSignedVarint(int64_t* v) {
  uint64_t u = 0;
  if (!GetVarint(&u)) return false;
  *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  return true;
}

bool ByteReader::GetView(std::string_view* s) {
  uint64_t size = 0;
  if (!GetVarint(&size)) return false;
  if (size > remaining()) {
    return Fail("string of " + std::to_string(size) + " bytes but only " +
                std::to_string(remaining()) + " remain");
  }
  *s = data_.substr(pos_, size);
  pos_ += size;
  return true;
}

bool ByteReader::GetString(std::string* s) {
  std::string_view view;
  if (!GetView(&view)) return false;
  s->assign(view);
  return true;
}

bool ByteReader::GetByte(uint8_t* b) {
  if (failed_) return false;
  if (remaining() < 1) return Fail("truncated byte");
  *b = static_cast<uint8_t>(data_[pos_++]);
  return true;
}

bool ByteReader::GetCount(uint64_t min_item_bytes, uint64_t* count, const char* what) {
  if (!GetVarint(count)) return false;
  if (min_item_bytes > 0 && *count > remaining() / min_item_bytes) {
    return Fail(std::string(what) + " count " + std::to_string(*count) + " cannot fit in the " +
                std::to_string(remaining()) + " remaining bytes");
  }
  return true;
}

}  // namespace kg
