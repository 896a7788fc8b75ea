// Checksums for the graph file. Crc32: CRC-32 (the IEEE 802.3 / zlib
// polynomial, reflected), the checksum of version-1 files. Crc32c: CRC-32C
// (Castagnoli, as in iSCSI and ext4), the checksum of version-2 files, computed
// with the SSE4.2 crc32 instruction where the CPU has it (several GB/s, so
// checksumming does not dominate loading a large file) and by table otherwise.
// Both chain: Crc32(b, Crc32(a)) == Crc32(a + b).
#ifndef KG_GRAPH_CRC32_H_
#define KG_GRAPH_CRC32_H_

#include <cstdint>
#include <string_view>

namespace kg {

uint32_t Crc32(std::string_view data, uint32_t crc = 0);
uint32_t Crc32c(std::string_view data, uint32_t crc = 0);
// The table computation Crc32c falls back to without SSE4.2 (for tests).
uint32_t Crc32cPortable(std::string_view data, uint32_t crc = 0);

}  // namespace kg

#endif  // KG_GRAPH_CRC32_H_
