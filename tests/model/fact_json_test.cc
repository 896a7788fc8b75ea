#include "graph/model/fact_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <vector>

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
  EXPECT_NE(json.find("\"time\":{\"start\":\"2023-06-01\",\"end\":\"2023-08-31\""),
            std::string::npos);
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

namespace kg {
namespace {

// The reference: the fact as an nlohmann object, dumped as FactToJson once
// did. The direct writer must give the same bytes for every fact.
std::string ByObject(const Fact& f) {
  using nlohmann::ordered_json;
  auto date = [](const std::optional<Date>& d) {
    return d ? ordered_json(d->ToString()) : ordered_json(nullptr);
  };
  auto mention = [](const MentionEvidence& m) {
    return ordered_json{{"text", m.text}, {"resolution", m.resolution}};
  };
  ordered_json j;
  j["id"] = f.id;
  j["doc"] = f.doc;
  j["subject"] = f.subject;
  j["subject_type"] = f.subject_type;
  j["relation"] = f.relation;
  j["object"] = f.object;
  j["object_type"] = f.object_type;
  j["time"] = f.time ? ordered_json{{"start", date(f.time->start)},
                                    {"end", date(f.time->end)},
                                    {"value", f.time->value},
                                    {"text", f.time->text},
                                    {"source", f.time->source}}
                     : ordered_json(nullptr);
  j["negated"] = f.negated;
  j["hedged"] = f.hedged;
  j["rule"] = f.rule;
  j["sentence"] = f.sentence;
  j["span"] = {f.span_begin, f.span_end};
  j["doc_date"] = date(f.doc_date);
  j["subject_mention"] = mention(f.subject_mention);
  j["object_mention"] = mention(f.object_mention);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(FactJsonTest, DirectWriterMatchesTheObjectDumpOnRandomFacts) {
  std::mt19937 rng(11);
  // Quotes, backslashes, every control byte, DEL, multi-byte UTF-8, and
  // invalid sequences (which take the replacing path).
  const std::vector<std::string> pieces = {"Musk",
                                           "\"",
                                           "\\",
                                           "\x01",
                                           "\x1f",
                                           "\t",
                                           "\n",
                                           "\r",
                                           "\b",
                                           "\f",
                                           "\x7f",
                                           "é",
                                           "–",
                                           "😀",
                                           "\xe2\x80",
                                           "\xff",
                                           std::string(1, '\0'),
                                           " ",
                                           "Trump's",
                                           "/"};
  auto text = [&] {
    std::string s;
    for (int n = static_cast<int>(rng() % 6); n > 0; --n) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int i = 0; i < 3000; ++i) {
    Fact f;
    f.id = text();
    f.doc = text();
    f.subject = text();
    f.subject_type = text();
    f.relation = text();
    f.object = text();
    f.object_type = text();
    if (rng() % 3) {
      f.time = FactTime{};
      if (rng() % 2) f.time->start = Date{2000 + static_cast<int>(rng() % 30), 1, 2};
      if (rng() % 2) f.time->end = Date{2031, 12, 31};
      f.time->value = text();
      f.time->text = text();
      f.time->source = text();
    }
    f.negated = rng() % 2;
    f.hedged = rng() % 2;
    f.rule = text();
    f.sentence = text();
    f.span_begin = static_cast<int64_t>(rng() % 1000) - 500;
    f.span_end = static_cast<int64_t>(rng());
    if (rng() % 2) f.doc_date = Date{2024, 2, 29};
    f.subject_mention = {text(), text()};
    f.object_mention = {text(), text()};
    ASSERT_EQ(FactToJson(f), ByObject(f)) << i;
  }
}

}  // namespace
}  // namespace kg
