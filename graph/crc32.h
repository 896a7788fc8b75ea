// CRC-32 (the IEEE 802.3 / zlib polynomial, reflected) for checksumming the
// graph file's payload. Chainable: Crc32(b, Crc32(a)) == Crc32(a + b).
#ifndef KG_GRAPH_CRC32_H_
#define KG_GRAPH_CRC32_H_

#include <cstdint>
#include <string_view>

namespace kg {

uint32_t Crc32(std::string_view data, uint32_t crc = 0);

}  // namespace kg

#endif  // KG_GRAPH_CRC32_H_
