// A main() for building a fuzz target without libFuzzer: it runs
// LLVMFuzzerTestOneInput once over every file in the directories (recursively,
// in sorted order) or files named on the command line, so CTest replays the
// seed corpora, and every past finding, on every build with any compiler.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

std::vector<std::filesystem::path> InputsUnder(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_regular_file(root)) return {root};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (!std::filesystem::exists(argv[i], ec)) {
      std::fprintf(stderr, "%s: no such corpus\n", argv[i]);
      return 2;
    }
    for (const std::filesystem::path& path : InputsUnder(argv[i])) {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // A copy in its own allocation, so ASan sees reads past the end.
      std::vector<uint8_t> input(bytes.begin(), bytes.end());
      std::fprintf(stderr, "replay %s (%zu bytes)\n", path.c_str(), input.size());
      LLVMFuzzerTestOneInput(input.data(), input.size());
      ++count;
    }
  }
  if (count == 0) {
    std::fprintf(stderr, "no inputs found\n");
    return 2;
  }
  std::fprintf(stderr, "replayed %zu inputs\n", count);
  return 0;
}
