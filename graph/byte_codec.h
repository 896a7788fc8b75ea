// ByteWriter and ByteReader: the little-endian and varint encoding under the
// graph file (graph_file.h). The reader never trusts a length it reads: every
// string or count is checked against the bytes that remain before anything is
// allocated, so a corrupt file fails with an offset instead of a huge allocation.
#ifndef KG_GRAPH_BYTE_CODEC_H_
#define KG_GRAPH_BYTE_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

class ByteWriter {
 public:
  void PutFixed32(uint32_t v);
  void PutFixed64(uint64_t v);
  void PutVarint(uint64_t v);
  void PutSignedVarint(int64_t v);     // zigzag, so small negatives stay short
  void PutString(std::string_view s);  // varint length, then the bytes
  void PutByte(uint8_t b) { out_.push_back(static_cast<char>(b)); }

  const std::string& data() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads from a buffer it does not own. After the first failure every call
// returns false and error() says what was wrong and at which offset.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}

  bool GetFixed32(uint32_t* v);
  bool GetFixed64(uint64_t* v);
  bool GetVarint(uint64_t* v);
  bool GetSignedVarint(int64_t* v);
  bool GetString(std::string* s);
  bool GetView(std::string_view* s);  // points into the buffer being read
  bool GetByte(uint8_t* b);
  // A count of items that each take at least `min_item_bytes`: rejects counts
  // the remaining bytes could not hold.
  bool GetCount(uint64_t min_item_bytes, uint64_t* count, const char* what);
  // Marks the read as failed with `message` at the current offset.
  bool Fail(std::string message);

  size_t offset() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
  std::string error_;
};

}  // namespace kg

#endif  // KG_GRAPH_BYTE_CODEC_H_
