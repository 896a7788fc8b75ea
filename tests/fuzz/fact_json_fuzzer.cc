// Fuzz target for the fact JSON line reader (FactFromJson, FactsFromJsonLines).
// Whatever parses must survive a round trip: writing it and reading it back
// gives the same fact and the same bytes. FactFromJson's fast path must agree
// with the SAX reader it falls back to: the same fact or the same error.
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model/fact_json.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  kg::Result<kg::Fact> fact = kg::FactFromJson(text, "fuzz.jsonl", 1);
  kg::Result<kg::Fact> sax = kg::fact_json_internal::FactFromJsonSax(text, "fuzz.jsonl", 1);
  FUZZ_CHECK(fact.ok() == sax.ok());
  if (fact.ok()) {
    FUZZ_CHECK(*fact == *sax);
  } else {
    FUZZ_CHECK(fact.status().ToString() == sax.status().ToString());
  }
  if (fact.ok()) {
    std::string line = kg::FactToJson(*fact);
    FUZZ_CHECK(line.find('\n') == std::string::npos);
    kg::Result<kg::Fact> again = kg::FactFromJson(line, "roundtrip.jsonl", 1);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *fact);
    FUZZ_CHECK(kg::FactToJson(*again) == line);
  } else {
    FUZZ_CHECK_ERROR(fact.status());
  }

  kg::Result<std::vector<kg::Fact>> facts = kg::FactsFromJsonLines(text, "fuzz.jsonl");
  if (!facts.ok()) FUZZ_CHECK_ERROR(facts.status());
  return 0;
}
