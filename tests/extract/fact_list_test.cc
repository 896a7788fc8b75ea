// FactList: a record handed out again is a default Fact, whatever the fact
// it held before, and keeps its strings' buffers.
#include "extract/fact_list.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace kg {
namespace {

// A fact with every field away from its default, and strings too long for
// their inline buffers.
Fact FullFact(int n) {
  const std::string tail = " with a tail longer than a string's inline buffer " + std::to_string(n);
  Fact f;
  f.id = "id" + tail;
  f.doc = "doc" + tail;
  f.subject = "subject" + tail;
  f.subject_type = "subject type" + tail;
  f.relation = "relation" + tail;
  f.object = "object" + tail;
  f.object_type = "object type" + tail;
  FactTime& t = f.time.emplace();
  t.start = Date::FromDays(1000 + n);
  t.end = Date::FromDays(2000 + n);
  t.value = "value" + tail;
  t.text = "text" + tail;
  t.source = "source" + tail;
  f.negated = true;
  f.hedged = true;
  f.rule = "rule" + tail;
  f.sentence = "sentence" + tail;
  f.span_begin = 3 + n;
  f.span_end = 9 + n;
  f.doc_date = Date::FromDays(3000 + n);
  f.subject_mention = {"subject text" + tail, "subject resolution" + tail};
  f.object_mention = {"object text" + tail, "object resolution" + tail};
  return f;
}

TEST(FactListTest, ResetKeepingCapacityGivesADefaultFact) {
  Fact f = FullFact(1);
  ASSERT_NE(f, Fact());
  const size_t sentence_capacity = f.sentence.capacity();
  ResetKeepingCapacity(&f);
  EXPECT_EQ(f, Fact());
  EXPECT_EQ(f.sentence.capacity(), sentence_capacity);
}

TEST(FactListTest, ReusedRecordsAreDefaultFacts) {
  FactList list;
  for (int n = 0; n < 5; ++n) list.Add() = FullFact(n);
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[4], FullFact(4));
  const size_t sentence_capacity = list[0].sentence.capacity();
  list.Clear();
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.begin(), list.end());
  for (int n = 0; n < 7; ++n) {  // five reused records, then two new ones
    EXPECT_EQ(list.Add(), Fact()) << n;
    EXPECT_EQ(list.size(), static_cast<size_t>(n + 1));
  }
  list.Clear();
  Fact& again = list.Add();
  EXPECT_EQ(again, Fact());
  EXPECT_EQ(again.sentence.capacity(), sentence_capacity);  // the first record again
}

TEST(FactListTest, AListMovedFromIsEmpty) {
  FactList list;
  list.Add() = FullFact(1);
  list.Add() = FullFact(2);
  FactList moved(std::move(list));
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[1], FullFact(2));
  EXPECT_TRUE(list.empty());  // NOLINT(bugprone-use-after-move): what is tested
  EXPECT_EQ(list.Add(), Fact());
  FactList assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.size(), 2u);
  EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move)
}

}  // namespace
}  // namespace kg
