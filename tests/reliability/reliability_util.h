// Helpers shared by the reliability tests: the kg binary under test and a
// way to run it, scratch directories, generated inputs of a chosen size, and
// whole-tree reads for byte comparison.
#ifndef KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <cstdint>
#include <string>

#include "tests/tools/run_command.h"

namespace kg::testing {

// The real kg binary (KG_BINARY).
const std::string& KgBinary();

// Runs `kg ARGS` (ARGS shell-quoted by the caller), expects exit status 0 (a
// test failure naming ARGS and stderr otherwise) and returns stdout.
std::string RunKgOk(const std::string& args);

// A fresh directory for one test, removed with its contents when it goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  // path() + "/" + name
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A file's bytes or, for a directory (csv export writes one), every file's
// name and bytes in name order.
std::string ReadTree(const std::string& path);

// `count` fact lines (kg extract's format) about a few dozen entities, from a
// fixed pseudo-random sequence seeded with `seed`: the same arguments always
// give the same bytes.
std::string GenerateFactLines(int count, uint32_t seed);

// `count` short news documents as JSON Lines ({"id", "text", "date"}), built
// from sentences the default rule pack extracts facts from.
std::string GenerateDocumentLines(int count, uint32_t seed);

}  // namespace kg::testing

#endif  // KG_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
