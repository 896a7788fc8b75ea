// Helpers shared by the reliability tests: generated inputs of a chosen size
// and whole-file comparison.
#ifndef KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <cstdint>
#include <string>

namespace kg::testing {

// `count` fact lines (kg extract's format) about a few dozen entities, from a
// fixed pseudo-random sequence seeded with `seed`: the same arguments always
// give the same bytes.
std::string GenerateFactLines(int count, uint32_t seed);

// `count` short news documents as JSON Lines ({"id", "text", "date"}), built
// from sentences the default rule pack extracts facts from.
std::string GenerateDocumentLines(int count, uint32_t seed);

}  // namespace kg::testing

#endif  // KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
