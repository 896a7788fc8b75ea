// The graph file's header, shared by every version, and the in-memory entry
// points. The header is checked field by field so each kind of damage gets its
// own message (docs/graph-format.md, "Reading and errors"); the payload goes to
// the codec of its version (graph_file_v1.cc, graph_file_v2.cc).
#include "graph/graph_file.h"

#include <algorithm>
#include <cstring>

#include "graph/byte_codec.h"
#include "graph/crc32.h"
#include "graph/graph_file_format.h"

namespace kg {

std::string ParseGraphHeader(std::string_view head, uint64_t file_size, GraphFileHeader* out) {
  if (file_size == 0) return "empty file, not a kg graph";
  const size_t n = std::min(head.size(), kGraphMagic.size());
  if (head.substr(0, n) != kGraphMagic.substr(0, n))
    return "not a kg graph file (bad magic number)";
  if (file_size < kGraphHeaderSize) {
    return "truncated graph file: " + std::to_string(file_size) + " bytes, shorter than the " +
           std::to_string(kGraphHeaderSize) + "-byte header";
  }
  ByteReader header(head.substr(kGraphMagic.size(), kGraphHeaderSize - kGraphMagic.size()));
  if (!header.GetFixed32(&out->version) || !header.GetFixed64(&out->payload_size) ||
      !header.GetFixed32(&out->crc)) {
    return "unreadable header";
  }
  if (out->version != 1 && out->version != kGraphFileVersion) {
    return "graph file version " + std::to_string(out->version) +
           ", but this kg reads versions 1 to " + std::to_string(kGraphFileVersion) +
           "; rebuild it with kg build";
  }
  const uint64_t payload = file_size - kGraphHeaderSize;
  if (payload < out->payload_size) {
    return "truncated graph file: header says " + std::to_string(out->payload_size) +
           " payload bytes, file has " + std::to_string(payload);
  }
  if (payload > out->payload_size) {
    return "corrupt graph file: " + std::to_string(payload - out->payload_size) +
           " bytes after the payload";
  }
  return "";
}

std::string GraphHeaderBytes(uint32_t version, uint64_t payload_size, uint32_t crc) {
  ByteWriter header;
  for (char c : kGraphMagic) header.PutByte(static_cast<uint8_t>(c));
  header.PutFixed32(version);
  header.PutFixed64(payload_size);
  header.PutFixed32(crc);
  return header.Release();
}

bool PayloadSource::Read(char* dst, size_t n) {
  // Checksummed a block at a time, while the block is still in cache.
  constexpr size_t kBlock = size_t{1} << 18;
  while (n > 0) {
    long got = ReadSome(dst, std::min(n, kBlock));
    if (got < 0) return false;
    if (got == 0) {
      error_ = "file ended early (was it changed while being read?)";
      return false;
    }
    crc_ = Crc32c(std::string_view(dst, static_cast<size_t>(got)), crc_);
    dst += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

long MemorySource::ReadSome(char* dst, size_t n) {
  n = std::min(n, bytes_.size());
  std::memcpy(dst, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return static_cast<long>(n);
}

std::string EncodeGraph(const TemporalGraph& graph) {
  Version2Payload payload(graph);
  std::string bytes = GraphHeaderBytes(kGraphFileVersion, payload.size(), payload.crc());
  bytes.reserve(bytes.size() + payload.size());
  for (std::string_view piece : payload.pieces()) bytes.append(piece);
  return bytes;
}

std::string EncodeGraphVersion1(const TemporalGraph& graph) {
  std::string payload = EncodeVersion1Payload(graph);
  return GraphHeaderBytes(1, payload.size(), Crc32(payload)) + payload;
}

Result<TemporalGraph> DecodeGraph(std::string_view bytes, const std::string& name) {
  auto error = [&](const std::string& message) { return Status::ErrorAt(name, 0, 0, message); };
  GraphFileHeader header;
  if (std::string bad = ParseGraphHeader(bytes.substr(0, kGraphHeaderSize), bytes.size(), &header);
      !bad.empty()) {
    return error(bad);
  }
  std::string_view payload = bytes.substr(kGraphHeaderSize);
  TemporalGraph graph;
  if (header.version == 1) {
    if (Crc32(payload) != header.crc) return error("corrupt graph file: checksum mismatch");
    if (std::string bad = DecodeVersion1(payload, &graph); !bad.empty())
      return error("corrupt graph file: " + bad);
    return graph;
  }
  MemorySource source(payload);
  if (std::string bad = DecodeVersion2(&source, header, &graph); !bad.empty()) return error(bad);
  return graph;
}

}  // namespace kg
