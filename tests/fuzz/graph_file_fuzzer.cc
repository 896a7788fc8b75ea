// Fuzz target for the graph-file reader (DecodeGraph, what LoadGraph runs on a
// file's bytes). Each input is decoded as it is and, when it starts with the
// magic number, twice more with its header repaired — as version 2 (CRC-32C)
// and as version 1 (CRC-32), each with the payload's true size and checksum —
// so mutations reach both payload parsers instead of stopping at the checksum.
// A graph that loads must save and load back to the same bytes, and its
// version-1 encoding must load to the same graph.
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/crc32.h"
#include "graph/graph_file.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr size_t kHeaderSize = 24;

void PutLittleEndian(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void Check(std::string_view bytes) {
  kg::Result<kg::TemporalGraph> graph = kg::DecodeGraph(bytes, "fuzz.kg");
  if (!graph.ok()) {
    FUZZ_CHECK_ERROR(graph.status());
    return;
  }
  std::string saved = kg::EncodeGraph(*graph);
  kg::Result<kg::TemporalGraph> reloaded = kg::DecodeGraph(saved, "saved.kg");
  FUZZ_CHECK(reloaded.ok());
  FUZZ_CHECK(reloaded->entity_count() == graph->entity_count());
  FUZZ_CHECK(reloaded->fact_count() == graph->fact_count());
  FUZZ_CHECK(kg::EncodeGraph(*reloaded) == saved);
  kg::Result<kg::TemporalGraph> from_v1 =
      kg::DecodeGraph(kg::EncodeGraphVersion1(*graph), "saved_v1.kg");
  FUZZ_CHECK(from_v1.ok());
  FUZZ_CHECK(kg::EncodeGraph(*from_v1) == saved);
}

std::string Repaired(std::string_view payload, uint32_t version) {
  static const std::string_view kMagic("\x89KGRAPH\n", 8);
  std::string repaired(kMagic);
  PutLittleEndian(version, 4, &repaired);
  PutLittleEndian(payload.size(), 8, &repaired);
  PutLittleEndian(version == 1 ? kg::Crc32(payload) : kg::Crc32c(payload), 4, &repaired);
  repaired.append(payload);
  return repaired;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);

  static const std::string_view kMagic("\x89KGRAPH\n", 8);
  if (bytes.size() >= kHeaderSize && bytes.substr(0, kMagic.size()) == kMagic) {
    std::string_view payload = bytes.substr(kHeaderSize);
    Check(Repaired(payload, kg::kGraphFileVersion));
    Check(Repaired(payload, 1));
  }
  return 0;
}
