// Internal to graph_file*.cc: the header every graph file version shares, and
// the two payload codecs behind SaveGraph/LoadGraph (docs/graph-format.md).
// Version 1 is varint-encoded and decoded from memory; version 2 is
// fixed-width arrays that are read straight into the graph's store.
#ifndef KG_GRAPH_GRAPH_FILE_FORMAT_H_
#define KG_GRAPH_GRAPH_FILE_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/temporal_graph.h"

namespace kg {

inline constexpr std::string_view kGraphMagic("\x89KGRAPH\n", 8);
inline constexpr size_t kGraphHeaderSize = 24;  // magic, version u32, payload size u64, crc u32

struct GraphFileHeader {
  uint32_t version = 0;
  uint64_t payload_size = 0;
  uint32_t crc = 0;
};

// Checks a file of `file_size` bytes whose first min(file_size, 24) bytes are
// `head`. Returns the error message ("" when the header is good), without the
// file name: magic, length, version, declared size, in that order.
std::string ParseGraphHeader(std::string_view head, uint64_t file_size, GraphFileHeader* out);
std::string GraphHeaderBytes(uint32_t version, uint64_t payload_size, uint32_t crc);

// Where a payload is read from: memory or a file descriptor. Read() fills
// exactly n bytes, checksumming them (CRC-32C) as it goes, or fails with
// error() set.
class PayloadSource {
 public:
  virtual ~PayloadSource() = default;
  bool Read(char* dst, size_t n);
  uint32_t crc() const { return crc_; }
  const std::string& error() const { return error_; }

 protected:
  // Reads up to n bytes; returns how many (0 at the end) or -1 with error_ set.
  virtual long ReadSome(char* dst, size_t n) = 0;
  std::string error_;

 private:
  uint32_t crc_ = 0;
};

class MemorySource : public PayloadSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}

 private:
  long ReadSome(char* dst, size_t n) override;
  std::string_view bytes_;
};

// Version 1: the payload in memory. Returns "" or what is corrupt ("at payload
// byte N: ...").
std::string DecodeVersion1(std::string_view payload, TemporalGraph* graph);
std::string EncodeVersion1Payload(const TemporalGraph& graph);

// Version 2: the payload as pieces of memory the graph already holds (the
// fact records, string bytes, ...) plus a few small arrays built here, so a
// save writes them without first copying the file into one buffer.
class Version2Payload {
 public:
  explicit Version2Payload(const TemporalGraph& graph);
  const std::vector<std::string_view>& pieces() const { return pieces_; }
  uint64_t size() const { return size_; }
  uint32_t crc() const { return crc_; }

 private:
  std::vector<uint64_t> counts_;
  std::vector<uint64_t> string_ends_;
  std::vector<uint32_t> entities_;
  std::vector<uint32_t> aliases_;
  std::vector<std::string_view> pieces_;
  uint64_t size_ = 0;
  uint32_t crc_ = 0;
};

// Reads a version-2 payload of header.payload_size bytes from `source` into an
// empty graph. Returns "" or the whole message after the file name
// ("corrupt graph file: checksum mismatch", "cannot read graph: ...").
std::string DecodeVersion2(PayloadSource* source, const GraphFileHeader& header,
                           TemporalGraph* graph);

}  // namespace kg

#endif  // KG_GRAPH_GRAPH_FILE_FORMAT_H_
