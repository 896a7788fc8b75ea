#include "graph/export/fact_csv_reader.h"

#include <gtest/gtest.h>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

TEST(FactCsvReaderTest, ReadsTheBasicColumns) {
  Result<std::vector<Fact>> facts = ReadFactsCsv(
      "subject,relation,object,start,end\n"
      "Elon Musk,acquired,Twitter,2022-10-27,\n"
      "Twitter,banned,Donald Trump,2021-01,2022-11\n"
      "Musk,met,Trump,,\n",
      "data/facts.csv");
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 3u);
  const Fact& a = (*facts)[0];
  EXPECT_EQ(a.subject, "Elon Musk");
  EXPECT_EQ(a.relation, "acquired");
  EXPECT_EQ(a.object, "Twitter");
  ASSERT_TRUE(a.time.has_value());
  EXPECT_EQ(a.time->start, ParseDate("2022-10-27"));
  EXPECT_EQ(a.time->end, ParseDate("2022-10-27"));
  EXPECT_EQ(a.time->value, "2022-10-27");
  EXPECT_EQ(a.time->source, "explicit");
  EXPECT_EQ(a.doc, "facts.csv");
  EXPECT_EQ(a.rule, "csv");
  EXPECT_EQ(a.span_begin, 34);  // the record's bytes in the file
  EXPECT_EQ(a.span_end, 72);
  EXPECT_EQ(a.id, MakeFactId(a));
  const Fact& b = (*facts)[1];
  EXPECT_EQ(b.time->start, ParseDate("2021-01-01"));
  EXPECT_EQ(b.time->end, ParseDate("2022-11-30"));
  EXPECT_EQ(b.time->value, "2021-01/2022-11");
  EXPECT_FALSE((*facts)[2].time.has_value());
  EXPECT_NE(a.id, b.id);
}

TEST(FactCsvReaderTest, QuotingPerRfc4180) {
  Result<std::vector<Fact>> facts = ReadFactsCsv(
      "\xEF\xBB\xBF"
      "Relation,Subject,Object,Sentence\r\n"
      "sued,\"Musk, Elon\",\"Open\"\"AI\"\"\",\"line one\r\nline two\"\r\n"
      "\r\n"
      "praised,\"\",x,\n",
      "q.csv");
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.status().ToString(), "q.csv:5:9: empty subject");
  facts = ReadFactsCsv(
      "Relation,Subject,Object,Sentence\r\n"
      "sued,\"Musk, Elon\",\"Open\"\"AI\"\"\",\"line one\r\nline two\"\r\n",
      "q.csv");
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ((*facts)[0].subject, "Musk, Elon");
  EXPECT_EQ((*facts)[0].object, "Open\"AI\"");
  EXPECT_EQ((*facts)[0].sentence, "line one\r\nline two");
}

TEST(FactCsvReaderTest, OptionalColumns) {
  Result<std::vector<Fact>> facts = ReadFactsCsv(
      "subject,subject_type,relation,object,object_type,doc,rule,negated,hedged,start\n"
      "Musk,person,sued,OpenAI,organization,a.txt,manual,yes,0,2024\n",
      "o.csv");
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  const Fact& f = (*facts)[0];
  EXPECT_EQ(f.subject_type, "person");
  EXPECT_EQ(f.object_type, "organization");
  EXPECT_EQ(f.doc, "a.txt");
  EXPECT_EQ(f.rule, "manual");
  EXPECT_TRUE(f.negated);
  EXPECT_FALSE(f.hedged);
  EXPECT_EQ(f.time->start, ParseDate("2024-01-01"));
  EXPECT_EQ(f.time->end, ParseDate("2024-12-31"));
}

struct BadCsv {
  const char* text;
  const char* error;
};

TEST(FactCsvReaderTest, ErrorsNameLineAndColumn) {
  const BadCsv cases[] = {
      {"", "f.csv:1:1: empty file: a header row is needed"},
      {"subject,relation\nA,b\n", "f.csv:1:1: header lacks the 'object' column"},
      {"subject,relation,object,when\n",
       "f.csv:1:25: unknown column 'when' (subject, relation, "
       "object, start, end, subject_type, object_type, doc, "
       "sentence, rule, negated, hedged)"},
      {"subject,relation,object,Subject\n", "f.csv:1:25: column 'subject' given twice"},
      {"subject,relation,object\nA,b\n", "f.csv:2:1: record has 2 fields, the header 3"},
      {"subject,relation,object\nA,b,c,d\n", "f.csv:2:1: record has 4 fields, the header 3"},
      {"subject,relation,object\nA,b,\"c\n", "f.csv:2:5: unterminated quoted field"},
      {"subject,relation,object\nA,b\"x\",c\n",
       "f.csv:2:4: quote inside an unquoted field (quote the whole field and double it)"},
      {"subject,relation,object\nA,\"b\"x,c\n", "f.csv:2:6: text after a closing quote"},
      {"subject,relation,object,start\nA,b,c,2024-02-30\n",
       "f.csv:2:7: start '2024-02-30' is not YYYY, YYYY-MM or YYYY-MM-DD"},
      {"subject,relation,object,start,end\nA,b,c,2024,2023-06\n",
       "f.csv:2:12: end 2023-06 is before start 2024"},
      {"subject,relation,object,negated\nA,b,c,maybe\n",
       "f.csv:2:7: 'maybe' is not a boolean (true, false, 1, 0, yes, no)"},
      {"subject,relation,object\nA, ,c\n", "f.csv:2:3: empty relation"},
      {"subject,relation,object\nA,b,\xC3\n", "f.csv:2:5: invalid UTF-8 in field"},
  };
  for (const BadCsv& c : cases) {
    Result<std::vector<Fact>> facts = ReadFactsCsv(c.text, "f.csv");
    ASSERT_FALSE(facts.ok()) << c.text;
    EXPECT_EQ(facts.status().ToString(), c.error) << c.text;
  }
}

TEST(FactCsvReaderTest, ReadsFilesAndReportsMissingOnes) {
  std::string dir = testing_util::MakeTempDir("fact_csv");
  testing_util::WriteFile(dir + "/f.csv", "subject,relation,object\nA,b,c\n");
  Result<std::vector<Fact>> facts = ReadFactsCsvFile(dir + "/f.csv");
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts->size(), 1u);
  EXPECT_FALSE(ReadFactsCsvFile(dir + "/missing.csv").ok());
  EXPECT_FALSE(ReadFactsCsvFile(dir).ok());
}

}  // namespace
}  // namespace kg
