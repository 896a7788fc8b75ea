// Fuzz target for the time-expression tagger with the built-in rules
// (rules/time.yaml). The first bytes choose the reference date (or none), from
// year 1 to 9999; the rest is the text. Found expressions must be in order,
// inside the text, non-overlapping, with a TimeML type and an ordered span.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "extract/time/time_expression.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

const kg::TimeTagger& Tagger() {
  static const kg::TimeTagger* tagger = [] {
    kg::Result<kg::TimeTagger> t = kg::TimeTagger::Default();
    if (!t.ok()) {
      std::fprintf(stderr, "built-in time rules: %s\n", t.status().ToString().c_str());
      std::abort();
    }
    return new kg::TimeTagger(std::move(*t));
  }();
  return *tagger;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  std::optional<kg::Date> reference;
  if (data[0] & 1) {
    const int64_t first = kg::Date{1, 1, 1}.ToDays();
    const int64_t last = kg::Date{9999, 12, 31}.ToDays();
    uint32_t pick = data[1] | (data[2] << 8) | (data[3] << 16);
    reference = kg::Date::FromDays(first + pick % (last - first + 1));
  }
  std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);

  size_t previous_end = 0;
  for (const kg::TimeExpression& t : Tagger().Find(text, reference)) {
    FUZZ_CHECK(t.begin >= previous_end);
    FUZZ_CHECK(t.begin < t.end);
    FUZZ_CHECK(t.end <= text.size());
    FUZZ_CHECK(t.text == text.substr(t.begin, t.end - t.begin));
    FUZZ_CHECK(t.type == "DATE" || t.type == "TIME" || t.type == "DURATION" || t.type == "SET");
    FUZZ_CHECK(!t.value.empty());
    if (t.days) FUZZ_CHECK(t.days->start <= t.days->end);
    previous_end = t.end;
  }
  return 0;
}
