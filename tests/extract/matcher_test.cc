// MatchSentence's entry check: sentences naming fewer than two entities are
// skipped before a view is built, since every fact pairs two.
#include "extract/matcher.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

Mention Of(std::vector<int> entities) {
  Mention m;
  m.entities = std::move(entities);
  return m;
}

TEST(MatcherTest, NamesTwoEntitiesCountsDistinctEntities) {
  EXPECT_FALSE(NamesTwoEntities({}));
  EXPECT_FALSE(NamesTwoEntities({Of({3})}));
  EXPECT_FALSE(NamesTwoEntities({Of({3}), Of({3}), Of({3})}));  // "Musk ... he ... Musk"
  EXPECT_TRUE(NamesTwoEntities({Of({3}), Of({4})}));
  EXPECT_TRUE(NamesTwoEntities({Of({3, 4})}));  // "the two"
  EXPECT_TRUE(NamesTwoEntities({Of({}), Of({5}), Of({5}), Of({6})}));
}

}  // namespace
}  // namespace kg
