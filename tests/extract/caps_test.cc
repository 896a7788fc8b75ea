// The extraction caps (docs/reliability.md): each is an option with the old
// fixed value as its default, and hitting one is reported by the library —
// skipped sentences in Extract's result, a located error for a document or a
// pattern over its cap — never printed and never silent.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"

namespace kg {
namespace {

Document Doc(std::string text) {
  Document doc;
  doc.id = "doc.txt";
  doc.text = std::move(text);
  return doc;
}

// "Elon Musk met Donald Trump" padded with words to at least `bytes`, then ".".
std::string LongSentence(size_t bytes) {
  std::string s = "Elon Musk met Donald Trump";
  while (s.size() < bytes) s += " and talked";
  return s + ".";
}

TEST(CapsTest, SentenceOverTheCapIsSkippedAndReported) {
  ExtractorOptions options;
  options.max_sentence_bytes = 100;
  Result<Extractor> ex = Extractor::Create({}, std::nullopt, options);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const std::string first = "Elon Musk met Donald Trump. ";
  const Document doc = Doc(first + LongSentence(200));
  std::vector<SkippedSentence> skipped;
  std::vector<Fact> facts = ex->Extract(doc, &skipped);
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].begin, first.size());
  EXPECT_EQ(skipped[0].end, doc.text.size());
  // The short sentence still gives its fact; the long one gives none.
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_LT(facts[0].span_end, static_cast<int64_t>(first.size()));
}

// A document read again sentence by sentence (a name typed by a later
// sentence) reports each skipped sentence once, after those already listed.
TEST(CapsTest, SkippedSentencesAreReportedOnceWhenADocumentIsReread) {
  ExtractorOptions options;
  options.max_sentence_bytes = 100;
  Result<Extractor> ex = Extractor::Create({}, std::nullopt, options);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const std::string first = "Zorbel Quist acquired Apple. ";
  const std::string long_one = LongSentence(200);
  const Document doc = Doc(first + long_one + " Zorbel Quist CEO Tim Cook met Elon Musk.");
  std::vector<SkippedSentence> skipped = {{1, 2}};  // an earlier document's
  std::vector<Fact> facts;
  ex->Extract(doc, &facts, &skipped);
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[1].begin, first.size());
  EXPECT_EQ(skipped[1].end, first.size() + long_one.size());
  ASSERT_FALSE(facts.empty());
  EXPECT_EQ(facts[0].relation, "acquired");
}

TEST(CapsTest, RaisedSentenceCapExtractsTheSameSentence) {
  const Document doc = Doc(LongSentence(70000));
  Result<Extractor> by_default = Extractor::Create({}, std::nullopt);
  ASSERT_TRUE(by_default.ok());
  std::vector<SkippedSentence> skipped;
  EXPECT_TRUE(by_default->Extract(doc, &skipped).empty());
  EXPECT_EQ(skipped.size(), 1u) << "the default cap is 64 KiB";

  ExtractorOptions options;
  options.max_sentence_bytes = 128 << 10;
  Result<Extractor> raised = Extractor::Create({}, std::nullopt, options);
  ASSERT_TRUE(raised.ok());
  skipped.clear();
  std::vector<Fact> facts = raised->Extract(doc, &skipped);
  EXPECT_TRUE(skipped.empty());
  ASSERT_FALSE(facts.empty());
  EXPECT_EQ(facts[0].relation, "met");
}

TEST(CapsTest, PatternOverTheRe2BudgetIsALoadErrorUnlessRaised) {
  // Thousands of Unicode letter classes: an RE2 program of several MiB.
  const RuleSource rules{"big.yaml",
                         "relations:\n  - name: met\n    subject: [person]\n    object: [person]\n"
                         "    patterns: ['{subj} \\pL{500} {obj}']\n"};
  Result<Extractor> by_default = Extractor::Create({rules}, std::nullopt);
  ASSERT_FALSE(by_default.ok());
  EXPECT_NE(by_default.status().ToString().find("big.yaml:5:"), std::string::npos)
      << by_default.status().ToString();
  EXPECT_NE(by_default.status().message().find("pattern too large"), std::string::npos)
      << by_default.status().ToString();

  ExtractorOptions options;
  options.re2_max_mem = int64_t{64} << 20;
  Result<Extractor> raised = Extractor::Create({rules}, std::nullopt, options);
  EXPECT_TRUE(raised.ok()) << raised.status().ToString();
}

TEST(CapsTest, DocumentOverTheCapNamesSizeCapAndFlag) {
  ReadOptions options;
  options.max_document_bytes = 1024;
  Result<Document> doc = ParseTextDocument(std::string(2000, 'a'), "a.txt", options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().ToString(),
            "a.txt: document is 2.0 KiB, over the 1 KiB cap (--max-document-bytes)");
  options.max_document_bytes = 4096;
  EXPECT_TRUE(ParseTextDocument(std::string(2000, 'a'), "a.txt", options).ok());
}

TEST(CapsTest, JsonDepthCapIsAnOption) {
  const std::string line = "{\"id\": \"a\", \"text\": \"x\", \"extra\": " + std::string(70, '[') +
                           std::string(70, ']') + "}\n";
  const std::string path = ::testing::TempDir() + "kg_caps_deep.jsonl";
  std::ofstream(path, std::ios::binary) << line;
  auto read = [&](int depth) {
    ReadOptions options;
    options.max_json_depth = depth;
    return ReadDocuments({path}, options);
  };
  Result<std::vector<Document>> capped = read(64);
  ASSERT_FALSE(capped.ok());
  EXPECT_NE(capped.status().message().find("cap of 64 levels (--max-json-depth)"),
            std::string::npos)
      << capped.status().ToString();
  EXPECT_TRUE(read(100).ok());
  std::remove(path.c_str());
}

TEST(CapsTest, ByteCountsReadAsUsersWriteThem) {
  EXPECT_EQ(FormatByteCount(1), "1 byte");
  EXPECT_EQ(FormatByteCount(1000), "1000 bytes");
  EXPECT_EQ(FormatByteCount(65536), "64 KiB");
  EXPECT_EQ(FormatByteCount(size_t{16} << 20), "16 MiB");
  EXPECT_EQ(FormatByteCount(20000000), "19.1 MiB");
  EXPECT_EQ(FormatByteCount(uint64_t{3} << 30), "3 GiB");
}

}  // namespace
}  // namespace kg
