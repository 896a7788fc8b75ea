// Fuzz target for the rule loaders behind Extractor::Create. The input is a
// relation/entity rule pack, optionally followed by a line "#%time" and a
// time-rule file (otherwise a one-rule time file keeps each run cheap). A
// pack that loads must extract from a fixed news text and run its own
// examples without crashing, with every fact's span inside the text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr std::string_view kTimeSeparator = "\n#%time\n";

constexpr std::string_view kSmallTimeRules =
    "slots:\n"
    "  year:\n"
    "    pattern: '1[89][0-9][0-9]|20[0-9][0-9]'\n"
    "rules:\n"
    "  - name: year\n"
    "    pattern: 'in {year}'\n"
    "    type: DATE\n"
    "    resolve: date\n";

constexpr std::string_view kText =
    "Elon Musk acquired Twitter in 2022. He did not buy Facebook, Mark Zuckerberg said on "
    "Monday. Trump met Musk in October, and the company was reportedly fined by the FTC.\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  kg::RuleSource pack{"fuzz.yaml", std::string(input)};
  kg::RuleSource time{"small_time.yaml", std::string(kSmallTimeRules)};
  size_t cut = input.find(kTimeSeparator);
  if (cut != std::string_view::npos) {
    pack.text = std::string(input.substr(0, cut));
    time = {"fuzz_time.yaml", std::string(input.substr(cut + kTimeSeparator.size()))};
  }

  kg::Result<kg::Extractor> extractor = kg::Extractor::Create({pack}, time);
  if (!extractor.ok()) {
    FUZZ_CHECK_ERROR(extractor.status());
    return 0;
  }
  kg::Document doc;
  doc.id = "fuzz.txt";
  doc.text = std::string(kText);
  doc.date = kg::Date{2024, 3, 13};
  for (const kg::Fact& f : extractor->Extract(doc)) {
    FUZZ_CHECK(0 <= f.span_begin && f.span_begin <= f.span_end);
    FUZZ_CHECK(f.span_end <= static_cast<int64_t>(doc.text.size()));
    FUZZ_CHECK(!f.relation.empty());
  }
  extractor->TestExamples();
  return 0;
}
