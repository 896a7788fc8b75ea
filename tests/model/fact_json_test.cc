#include "graph/model/fact_json.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

Fact SampleFact() {
  Fact f;
  f.doc = "001.txt";
  f.subject = "Donald Trump";
  f.subject_type = "person";
  f.relation = "reached_out_to";
  f.object = "Elon \"the\" Musk";
  f.object_type = "person";
  f.time = FactTime{Date{2023, 6, 1}, Date{2023, 8, 31}, "2023-SU", "last summer", "relative"};
  f.hedged = true;
  f.rule = "reached_out_to.active";
  f.sentence = "Trump reached out to Musk last summer.";
  f.span_begin = 12;
  f.span_end = 40;
  f.doc_date = Date{2024, 3, 13};
  f.subject_mention = {"Trump", "alias"};
  f.id = MakeFactId(f);
  return f;
}

TEST(FactJsonTest, RoundTripsEveryField) {
  Fact f = SampleFact();
  Result<Fact> back = FactFromJson(FactToJson(f));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, f);
}

TEST(FactJsonTest, WritesContractKeysInFixedOrder) {
  std::string json = FactToJson(SampleFact());
  EXPECT_EQ(json.rfind("{\"id\":", 0), 0u);
  EXPECT_LT(json.find("\"doc\""), json.find("\"subject\""));
  EXPECT_NE(json.find("\"time\":{\"start\":\"2023-06-01\",\"end\":\"2023-08-31\""), std::string::npos);
  EXPECT_NE(json.find("\"span\":[12,40]"), std::string::npos);
}

TEST(FactJsonTest, NullTimeStaysNull) {
  Fact f = SampleFact();
  f.time.reset();
  EXPECT_NE(FactToJson(f).find("\"time\":null"), std::string::npos);
  EXPECT_FALSE(FactFromJson(FactToJson(f))->time.has_value());
}

TEST(FactJsonTest, ReportsMissingFieldWithLine) {
  Result<std::vector<Fact>> r =
      FactsFromJsonLines("\n{\"subject\":\"A\",\"relation\":\"met\"}\n", "facts.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "facts.jsonl:2: missing field 'object'");
}

TEST(FactJsonTest, ReportsSyntaxErrorWithColumn) {
  Result<Fact> r = FactFromJson("{\"subject\": ", "f.jsonl", 7);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().file(), "f.jsonl");
  EXPECT_EQ(r.status().line(), 7);
  EXPECT_GT(r.status().column(), 0);
}

TEST(FactJsonTest, RejectsWrongTypesAndBadDates) {
  EXPECT_FALSE(FactFromJson(R"({"subject":1,"relation":"r","object":"o"})").ok());
  EXPECT_FALSE(FactFromJson(R"({"subject":"s","relation":"r","object":"o","negated":"no"})").ok());
  EXPECT_FALSE(
      FactFromJson(R"({"subject":"s","relation":"r","object":"o","time":{"start":"2021-02-30"}})")
          .ok());
  EXPECT_FALSE(FactFromJson(R"({"subject":"s","relation":"r","object":"o","span":[1]})").ok());
  EXPECT_FALSE(FactFromJson("[1,2]").ok());
}

TEST(FactJsonTest, IdIsStableAndDependsOnContent) {
  Fact a = SampleFact();
  Fact b = SampleFact();
  EXPECT_EQ(MakeFactId(a), MakeFactId(b));
  b.object = "Someone Else";
  EXPECT_NE(MakeFactId(a), MakeFactId(b));
  EXPECT_EQ(MakeFactId(a).size(), 16u);
}

}  // namespace
}  // namespace kg
