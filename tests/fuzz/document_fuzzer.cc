// Fuzz target for the document reader: the input is parsed as a text document
// (ParseTextDocument: BOM, CRLF, date line, UTF-8 checks) and, written to a
// temporary .jsonl file, read through ForEachDocument as JSON Lines documents
// (line splitting, size limit, nesting limit, field types).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

std::string TempJsonlPath() {
  const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  return std::string(dir) + "/kg_document_fuzzer_" + std::to_string(getpid()) + ".jsonl";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kg::ReadOptions options;
  // Small limits so the fuzzer reaches the "too large" and "too deep" paths.
  options.max_document_bytes = 4096;
  options.max_json_depth = 8;

  kg::Result<kg::Document> doc = kg::ParseTextDocument(bytes, "fuzz.txt", options);
  if (doc.ok()) {
    FUZZ_CHECK(doc->text.find('\r') == std::string::npos);
    FUZZ_CHECK(doc->text.find('\0') == std::string::npos);
    FUZZ_CHECK(doc->text.size() <= bytes.size());
  } else {
    FUZZ_CHECK_ERROR(doc.status());
  }

  static const std::string path = TempJsonlPath();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  size_t documents = 0;
  kg::Status s = kg::ForEachDocument({path}, options, [&](kg::Document&& d) {
    FUZZ_CHECK(d.text.size() <= options.max_document_bytes);
    ++documents;
    return kg::Status();
  });
  if (!s.ok()) FUZZ_CHECK_ERROR(s);
  FUZZ_CHECK(documents <= size);
  return 0;
}
