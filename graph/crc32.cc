#include "graph/crc32.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace kg {
namespace {

constexpr uint32_t kIeee = 0xEDB88320u;        // 0x04C11DB7 bit-reversed
constexpr uint32_t kCastagnoli = 0x82F63B78u;  // 0x1EDC6F41 bit-reversed

// Slicing-by-8: table k gives the CRC contribution of a byte followed by k zero
// bytes, so eight input bytes are folded in per step with eight lookups
// instead of eight dependent byte steps. A graph file is checksummed on every
// load, and the byte-at-a-time loop was a tenth of loading a large graph.
using Tables = std::array<std::array<uint32_t, 256>, 8>;

constexpr Tables MakeTables(uint32_t polynomial) {
  Tables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) ? (c >> 1) ^ polynomial : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i) {
    for (size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  }
  return t;
}

constexpr Tables kIeeeTables = MakeTables(kIeee);
constexpr Tables kCastagnoliTables = MakeTables(kCastagnoli);

uint32_t LoadLittleEndian32(const unsigned char* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

// The reflected CRC without the initial and final inversion.
uint32_t SliceBy8(const Tables& t, const unsigned char* p, size_t n, uint32_t crc) {
  for (; n >= 8; n -= 8, p += 8) {
    uint32_t lo = LoadLittleEndian32(p) ^ crc;
    uint32_t hi = LoadLittleEndian32(p + 4);
    crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
          t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; n > 0; --n, ++p) crc = t[0][(crc ^ *p) & 0xFF] ^ (crc >> 8);
  return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) uint32_t HardwareCrc32c(const unsigned char* p, size_t n,
                                                          uint32_t crc) {
  uint64_t c = crc;
  for (; n >= 8; n -= 8, p += 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    c = _mm_crc32_u64(c, word);
  }
  uint32_t c32 = static_cast<uint32_t>(c);
  for (; n > 0; --n, ++p) c32 = _mm_crc32_u8(c32, *p);
  return c32;
}

bool HasSse42() {
  static const bool has = __builtin_cpu_supports("sse4.2");
  return has;
}
#endif

}  // namespace

uint32_t Crc32(std::string_view data, uint32_t crc) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  return ~SliceBy8(kIeeeTables, p, data.size(), ~crc);
}

uint32_t Crc32c(std::string_view data, uint32_t crc) {
#if defined(__x86_64__)
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  if (HasSse42()) return ~HardwareCrc32c(p, data.size(), ~crc);
#endif
  return Crc32cPortable(data, crc);
}

uint32_t Crc32cPortable(std::string_view data, uint32_t crc) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  return ~SliceBy8(kCastagnoliTables, p, data.size(), ~crc);
}

}  // namespace kg
