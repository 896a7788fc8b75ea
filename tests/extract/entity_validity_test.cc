// Entities and aliases dated with `from`/`to`: a name resolves to its entity
// only in documents dated inside the span (or undated), so a renamed entity
// keeps one node and a name reused later does not capture older texts.
#include <gtest/gtest.h>

#include "extract/extractor.h"

namespace kg {
namespace {

constexpr char kPack[] =
    "entities:\n"
    "  - {name: Acme, type: organization}\n"
    "  - name: Zeta\n"
    "    type: platform\n"
    "    aliases: [Oldbook, {alias: Zeta, from: 2023-07-23}, {alias: Zeta Labs, to: 2019-12-31}]\n"
    "  - {name: Vexa Robotics, type: organization, from: 2015-01-01, to: 2018-06-30}\n"
    "relations:\n"
    "  - {name: acquired, verbs: [acquired], templates: [active]}\n";

const Extractor& Pack() {
  static const Extractor* extractor = [] {
    auto ex = Extractor::Create({RuleSource{"dated.yaml", kPack}}, std::nullopt);
    if (!ex.ok()) {
      ADD_FAILURE() << ex.status().ToString();
      std::abort();
    }
    return new Extractor(std::move(ex.value()));
  }();
  return *extractor;
}

// "object=resolution" of the first fact, or "-".
std::string Object(const char* text, const char* date) {
  Document doc;
  doc.id = "d.txt";
  doc.text = text;
  if (*date) doc.date = ParseDate(date);
  const std::vector<Fact> facts = Pack().Extract(doc);
  if (facts.empty()) return "-";
  return facts[0].object + "=" + facts[0].object_mention.resolution;
}

TEST(EntityValidityTest, DatedNamesResolveInsideTheirSpan) {
  struct Case {
    const char* text;
    const char* date;
    const char* expected;
  };
  const Case cases[] = {
      // The new name names the entity from the renaming on ...
      {"Acme acquired Zeta in March.", "2024-05-01", "Zeta=name"},
      // ... before it, it is just an unknown capitalised word.
      {"Acme acquired Zeta in March.", "2021-05-01", "Zeta=new"},
      // The former name is undated: both eras share one entity.
      {"Acme acquired Oldbook in March.", "2024-05-01", "Zeta=alias"},
      {"Acme acquired Oldbook in March.", "2021-05-01", "Zeta=alias"},
      // An alias dated `to` stops resolving after it.
      {"Acme acquired Zeta Labs in March.", "2019-05-01", "Zeta=alias"},
      {"Acme acquired Zeta Labs in March.", "2021-05-01", "Zeta Labs=new"},
      // Entity-level validity covers the canonical name and every alias.
      {"Acme acquired Vexa Robotics in March.", "2016-05-01", "Vexa Robotics=name"},
      {"Acme acquired Vexa Robotics in March.", "2020-05-01", "Vexa Robotics=new"},
      // An undated document gives every name the benefit of the doubt.
      {"Acme acquired Zeta in March.", "", "Zeta=name"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Object(c.text, c.date), c.expected) << c.text << " @" << c.date;
  }
}

TEST(EntityValidityTest, DatingTheCanonicalNameAddsNoAlias) {
  for (const auto& [canonical, alias] : Pack().Aliases()) {
    EXPECT_NE(canonical, alias);
  }
}

}  // namespace
}  // namespace kg
