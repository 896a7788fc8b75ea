// The compact storage under TemporalGraph: the string pool, the name index,
// the field accessors against the rebuilt Fact, the Boost view, and the
// checksum's fast path against a byte-at-a-time reference.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>

#include "graph/boost_view.h"
#include "graph/crc32.h"
#include "graph/graph_file.h"
#include "graph/query_engine.h"
#include "graph/string_index.h"
#include "graph/string_pool.h"

namespace kg {
namespace {

TEST(StringPoolTest, InternReturnsOneIndexPerText) {
  StringPool pool;
  uint32_t a = pool.Intern("acquired");
  uint32_t b = pool.Intern("banned");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.Intern("acquired"), a);
  EXPECT_EQ(pool.Get(a), "acquired");
  EXPECT_EQ(pool.Intern(""), pool.Intern(""));
  EXPECT_EQ(pool.Get(pool.Intern("")), "");
}

TEST(StringPoolTest, AppendedStringsAreFoundByLaterInterns) {
  StringPool pool;
  uint32_t a = pool.Append("Musk");
  uint32_t b = pool.Append("Musk");  // a loader's table may hold a duplicate
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.Intern("Musk"), a);  // the first copy wins
  EXPECT_EQ(pool.size(), 2u);
}

TEST(StringPoolTest, ViewsSurviveGrowthAndLargeStrings) {
  StringPool pool;
  std::vector<std::pair<uint32_t, std::string>> added;
  std::string big(3 << 20, 'x');  // larger than a block
  added.emplace_back(pool.Intern(big), big);
  for (int i = 0; i < 200000; ++i) {
    std::string s = "name-" + std::to_string(i);
    added.emplace_back(pool.Intern(s), s);
  }
  std::string_view first = pool.Get(added[1].first);
  for (int i = 0; i < 100000; ++i) pool.Intern("more-" + std::to_string(i));
  EXPECT_EQ(first, "name-0");
  for (const auto& [id, text] : added) ASSERT_EQ(pool.Get(id), text);
}

TEST(StringColumnTest, KeepsStringsBackToBackInOrder) {
  StringColumn ids;
  EXPECT_EQ(ids.Append("e1"), 0u);
  EXPECT_EQ(ids.Append(""), 1u);
  EXPECT_EQ(ids.Append("fact-two"), 2u);
  EXPECT_EQ(ids.Append("e1"), 3u);  // no lookup: equal strings get their own index
  EXPECT_EQ(ids.Get(0), "e1");
  EXPECT_EQ(ids.Get(1), "");
  EXPECT_EQ(ids.Get(2), "fact-two");
  EXPECT_EQ(ids.Get(3), "e1");
  EXPECT_EQ(ids.bytes(), "e1fact-twoe1");
  EXPECT_FALSE(ids.wide());  // 32-bit ends until the bytes pass 4 GiB
  EXPECT_EQ(ids.narrow_ends(), (std::vector<uint32_t>{2, 2, 10, 12}));
}

TEST(StringPoolTest, AdoptedBlockAndRunsGiveTheStringsBack) {
  StringPool pool;
  pool.Intern("first");
  std::unique_ptr<char[]> block(new char[7]);
  std::memcpy(block.get(), "abcdefg", 7);
  const std::vector<uint64_t> ends = {3, 3, 7};
  pool.AppendBlock(std::move(block), ends);
  ASSERT_EQ(pool.size(), 4u);
  EXPECT_EQ(pool.Get(1), "abc");
  EXPECT_EQ(pool.Get(2), "");
  EXPECT_EQ(pool.Get(3), "defg");
  EXPECT_EQ(pool.Intern("defg"), 3u);  // adopted strings are found by later interns
  std::string runs;
  pool.ForEachRun([&](std::string_view run) { runs += std::string(run) + "|"; });
  EXPECT_EQ(runs, "first|abcdefg|");
}

TEST(StringIndexTest, ExactAndCaseInsensitiveLookups) {
  StringPool pool;
  StringIndex exact(StringIndex::kExact), folded(StringIndex::kIgnoreCase);
  exact.Insert(pool, pool.Append("Elon Musk"), 1, false);
  folded.Insert(pool, 0, 1, false);
  EXPECT_EQ(exact.Find(pool, "Elon Musk"), 1u);
  EXPECT_EQ(exact.Find(pool, "elon musk"), std::nullopt);
  EXPECT_EQ(folded.Find(pool, "ELON MUSK"), 1u);
  EXPECT_EQ(folded.Find(pool, "Elon Musk "), std::nullopt);
  EXPECT_EQ(folded.Find(pool, ""), std::nullopt);
}

TEST(StringIndexTest, KeepsTheFirstClaimUnlessReplacing) {
  StringPool pool;
  const uint32_t upper = pool.Append("Twitter"), lower = pool.Append("twitter");
  StringIndex folded(StringIndex::kIgnoreCase);
  EXPECT_EQ(folded.Insert(pool, upper, 3, false), 3u);
  EXPECT_EQ(folded.Insert(pool, lower, 4, false), 3u);
  EXPECT_EQ(folded.Find(pool, "TWITTER"), 3u);
  EXPECT_EQ(folded.Insert(pool, lower, 5, true), 5u);
  EXPECT_EQ(folded.Find(pool, "Twitter"), 5u);
  EXPECT_EQ(folded.size(), 1u);
}

TEST(StringIndexTest, GrowsPastManyNames) {
  StringPool pool;
  StringIndex exact(StringIndex::kExact);
  for (int i = 0; i < 50000; ++i) {
    exact.Insert(pool, pool.Append("n" + std::to_string(i)), static_cast<EntityId>(i), false);
  }
  for (int i = 0; i < 50000; ++i) {
    ASSERT_EQ(exact.Find(pool, "n" + std::to_string(i)), static_cast<uint32_t>(i)) << i;
  }
  EXPECT_EQ(exact.Find(pool, "n50000"), std::nullopt);
}

Fact SampleFact(int i) {
  Fact f;
  f.id = "id" + std::to_string(i);
  f.doc = "doc" + std::to_string(i % 3);
  f.subject = "S" + std::to_string(i % 5);
  f.subject_type = "person";
  f.relation = i % 2 ? "acquired" : "banned";
  f.object = "O" + std::to_string(i % 7);
  f.object_type = i % 3 ? "organization" : "";
  if (i % 4) {
    f.time = FactTime{Date{2020, 1, 1 + i % 20}, std::nullopt, "2020", "in 2020", "explicit"};
  }
  f.negated = i % 5 == 0;
  f.hedged = i % 6 == 0;
  f.rule = "r";
  f.sentence = "Sentence " + std::to_string(i) + ".";
  f.span_begin = i;
  f.span_end = i + 10;
  if (i % 2) f.doc_date = Date{2021, 5, 1};
  f.subject_mention = {"he", "pronoun"};
  f.object_mention = {"O", "name"};
  return f;
}

TEST(TemporalGraphStoreTest, AccessorsAgreeWithTheRebuiltFact) {
  TemporalGraph g;
  std::vector<Fact> facts;
  for (int i = 0; i < 40; ++i) {
    facts.push_back(SampleFact(i));
    g.AddFact(facts.back());
  }
  for (FactId f = 0; f < g.fact_count(); ++f) {
    Fact expected = facts[f];
    // The entity's type is the first non-empty one seen, not the fact's own.
    expected.object_type = g.fact(f).object_type;
    EXPECT_EQ(g.fact(f), expected) << f;
    EXPECT_EQ(g.fact_id(f), facts[f].id);
    EXPECT_EQ(g.relation(f), facts[f].relation);
    EXPECT_EQ(g.doc(f), facts[f].doc);
    EXPECT_EQ(g.negated(f), facts[f].negated);
    EXPECT_EQ(g.hedged(f), facts[f].hedged);
    const std::optional<FactTime>& t = facts[f].time;
    EXPECT_EQ(g.start_day(f),
              t && t->start ? std::optional<int64_t>(t->start->ToDays()) : std::nullopt);
    EXPECT_EQ(g.end_day(f), std::nullopt);
    EXPECT_EQ(g.doc_day(f), facts[f].doc_date ? std::optional<int64_t>(facts[f].doc_date->ToDays())
                                              : std::nullopt);
  }
}

TEST(TemporalGraphStoreTest, SaveAfterLoadGivesTheSameBytes) {
  TemporalGraph g;
  for (int i = 0; i < 40; ++i) g.AddFact(SampleFact(i));
  g.AddAlias("S1", "Sam");
  g.AddEntity("Lonely", "place");
  std::string bytes = EncodeGraph(g);
  Result<TemporalGraph> loaded = DecodeGraph(bytes, "g.kg");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(EncodeGraph(*loaded), bytes);
  // Appending to a loaded graph reuses its strings rather than duplicating them.
  Fact again = SampleFact(3);
  again.id = "new";
  loaded->AddFact(again);
  g.AddFact(again);
  EXPECT_EQ(EncodeGraph(*loaded), EncodeGraph(g));
}

TEST(TemporalGraphStoreTest, BoostViewFollowsAddedFacts) {
  TemporalGraph g;
  g.AddFact(SampleFact(0));  // S0 -> O0
  EXPECT_EQ(boost::num_edges(BoostView(g)), 1u);
  g.AddFact(SampleFact(35));  // S0 -> O0 again: a parallel edge
  g.AddFact(SampleFact(5));   // S0 -> O5
  const BoostGraph& view = BoostView(g);
  EXPECT_EQ(boost::num_vertices(view), g.entity_count());
  EXPECT_EQ(boost::num_edges(view), 3u);
  EntityId s0 = *g.FindEntity("S0");
  EXPECT_EQ(boost::out_degree(s0, view), 3u);
  EXPECT_EQ(g.OutFacts(s0), (std::vector<FactId>{0, 1, 2}));
  EXPECT_EQ(g.InFacts(*g.FindEntity("O0")), (std::vector<FactId>{0, 1}));
  EXPECT_EQ(g.OutDegree(s0), 3u);
  EXPECT_EQ(g.InDegree(s0), 0u);
}

uint32_t ReferenceCrc32(std::string_view data) {
  uint32_t crc = ~0u;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return ~crc;
}

TEST(Crc32Test, AgreesWithBitwiseReferenceAtEveryLengthAndSplit) {
  std::mt19937 rng(7);
  std::string data(300, '\0');
  for (char& c : data) c = static_cast<char>(rng());
  for (size_t n = 0; n <= data.size(); ++n) {
    std::string_view s(data.data(), n);
    ASSERT_EQ(Crc32(s), ReferenceCrc32(s)) << n;
    ASSERT_EQ(Crc32(s.substr(n / 3), Crc32(s.substr(0, n / 3))), ReferenceCrc32(s)) << n;
  }
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// Former bug: `stats` kept views of each fact's document name after the
// rebuilt Fact they pointed into was gone, so distinct documents were counted
// from freed memory (ASan: heap-use-after-free).
TEST(QueryEngineStoreTest, StatsCountsDocumentsFromTheGraphsOwnStrings) {
  TemporalGraph g;
  for (int i = 0; i < 60; ++i) {
    Fact f = SampleFact(i);
    f.doc = "a-rather-long-document-name-that-does-not-fit-in-place-" + std::to_string(i % 4);
    g.AddFact(f);
  }
  QueryEngine engine(g);
  Answer a;
  QueryError error;
  ASSERT_TRUE(engine.Run("stats", &a, &error)) << error.message;
  bool found = false;
  for (const auto& row : a.rows) {
    if (row[0] == "documents") {
      EXPECT_EQ(row[1], 4);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kg
