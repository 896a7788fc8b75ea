#include "graph/model/fact_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <span>
#include <string>
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

TEST(FactJsonTest, SizeHintIsAboutTheLineLength) {
  Fact f = SampleFact();
  const size_t line = FactToJson(f).size() + 1;  // and its newline
  EXPECT_GE(FactJsonSizeHint(f) + 8, line);
  EXPECT_LE(FactJsonSizeHint(f), line + 16);
  f.sentence.assign(1000, 'x');
  EXPECT_GE(FactJsonSizeHint(f), FactToJson(f).size() - 16);
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

// Strings of every length around the writer's 16-byte block, a byte to
// escape (or a UTF-8 sequence) at every position, in strings held in the
// short-string buffer, on the heap, and on the heap with room to spare; and
// dates across the range the direct writer formats itself and beyond it.
TEST(FactJsonTest, DirectWriterMatchesTheObjectDumpAtBlockEdgesAndDateRanges) {
  const std::string specials[] = {"\"", "\\", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", "\n"};
  int checked = 0;
  for (size_t length = 0; length <= 40; ++length) {
    for (size_t at = 0; at <= length; ++at) {
      for (const std::string& special : specials) {
        std::string plain(length, 'a');
        std::string with = plain;
        if (at < length) with.replace(at, 1, special);
        std::string roomy;
        roomy.reserve(64);
        roomy = with;
        Fact f;
        f.id = plain;
        f.doc = with;
        f.subject = roomy;
        f.object = std::string(with).append(3, 'b');
        f.rule = special;
        f.sentence = with;
        f.subject_mention = {with, plain};
        ASSERT_EQ(FactToJson(f), ByObject(f)) << length << " " << at;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 6000);
  const Date dates[] = {{0, 0, 0},      {1, 1, 1},      {99, 9, 9},    {999, 12, 31},
                        {2024, 2, 29},  {9999, 99, 99}, {10000, 1, 1}, {-1, 1, 1},
                        {2024, 100, 1}, {2024, 1, -5},  {1969, 7, 20}, {100, 10, 10}};
  for (const Date& d : dates) {
    Fact f;
    f.time = FactTime{d, d, "v", "t", "explicit"};
    f.doc_date = d;
    EXPECT_EQ(FactToJson(f), ByObject(f)) << d.year << "-" << d.month << "-" << d.day;
  }
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// The reader records fields in one SAX pass and checks them afterwards; these
// are the messages the DOM-based reader gave for the same lines.
TEST(FactJsonTest, ReaderMessagesDoNotDependOnKeyOrder) {
  const std::string base = R"("subject":"s","relation":"r","object":"o")";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"subject":"A","relation":"met"})", "missing field 'object'"},
      {R"({"relation":"r","object":"o","subject":null})", "missing field 'subject'"},
      {R"({"hedged":1,"subject":2})", "field 'subject' must be a string"},
      {"{" + base + R"(,"span":[1,2.5]})", "field 'span' must be [begin, end]"},
      {"{" + base + R"(,"span":[1,[2]]})", "field 'span' must be [begin, end]"},
      {"{" + base + R"(,"span":{"a":1}})", "field 'span' must be [begin, end]"},
      {"{" + base + R"(,"time":[1]})", "field 'time' must be an object or null"},
      {"{" + base + R"(,"time":{"start":"2021-02-03","end":"2021-01-01"}})",
       "time 'end' is before 'start'"},
      {"{" + base + R"(,"subject_mention":{"text":{"a":1}}})", "field 'text' must be a string"},
      {"{" + base + R"(,"object_mention":{"resolution":7}})",
       "field 'resolution' must be a string"},
      {"{" + base + R"(,"rule":["x"]})", "field 'rule' must be a string"},
      {"[1,2]", "a fact must be a JSON object"},
      {"\"text\"", "a fact must be a JSON object"},
  };
  for (const auto& [line, message] : cases) {
    Result<Fact> f = FactFromJson(line, "f.jsonl", 3);
    ASSERT_FALSE(f.ok()) << line;
    EXPECT_EQ(f.status().message(), message) << line;
    EXPECT_EQ(f.status().line(), 3);
  }
}

TEST(FactJsonTest, ReaderKeepsTheLastOfRepeatedKeysAndSkipsUnknownOnes) {
  Result<Fact> f = FactFromJson(
      R"({"subject":"s","relation":"r","object":"o","subject":"t","span":[1,2],"span":null,)"
      R"("extra":{"deep":[1,{"x":null}]},"time":{"start":"2021-02-03"},"time":null,)"
      R"("hedged":true,"subject_mention":{"text":"he","zzz":[1],"resolution":"pronoun"}})");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->subject, "t");
  EXPECT_EQ(f->span_begin, 0);
  EXPECT_FALSE(f->time.has_value());
  EXPECT_TRUE(f->hedged);
  EXPECT_EQ(f->subject_mention.text, "he");
  EXPECT_EQ(f->subject_mention.resolution, "pronoun");
}

TEST(FactJsonTest, ReaderSyntaxErrorsKeepTheirPositionAndOverflowHasNone) {
  Result<Fact> f = FactFromJson(R"({"subject":"s"} trailing)", "f.jsonl", 1);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().column(), 19);  // where the DOM parser's parse_error::byte points
  EXPECT_EQ(f.status().message().rfind("invalid JSON: ", 0), 0u) << f.status().message();
  f = FactFromJson(R"({"subject":"s","relation":"r","object":"o","x":1e999})", "f.jsonl", 1);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().column(), 0);
  EXPECT_EQ(f.status().message(), "invalid JSON: number overflow parsing '1e999'");
}

TEST(FactJsonTest, ReaderRoundTripsRandomFacts) {
  std::mt19937 rng(5);
  for (int i = 0; i < 500; ++i) {
    Fact f;
    f.subject = "S" + std::to_string(rng() % 50);
    f.relation = "r\"\\\n" + std::to_string(rng() % 5);
    f.object = "Ö" + std::to_string(rng());
    if (rng() % 2) f.time = FactTime{Date{2020, 1, 1}, Date{2021, 3, 4}, "v", "t", "explicit"};
    f.negated = rng() % 2;
    f.span_begin = -static_cast<int64_t>(rng() % 9);
    f.span_end = static_cast<int64_t>(rng());
    if (rng() % 2) f.doc_date = Date{2022, 2, 2};
    f.object_mention = {"it", "pronoun"};
    f.id = MakeFactId(f);
    Result<Fact> back = FactFromJson(FactToJson(f));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, f);
  }
}

// FactFromJson reads the common line with its own scanner and hands the rest
// to the SAX reader; the two must agree on facts and on error messages.
std::string Outcome(const Result<Fact>& r) {
  return r.ok() ? FactToJson(*r) + " id=" + r->id : "error: " + r.status().ToString();
}

void ExpectReadersAgree(const std::string& line) {
  EXPECT_EQ(Outcome(FactFromJson(line, "f.jsonl", 3)),
            Outcome(fact_json_internal::FactFromJsonSax(line, "f.jsonl", 3)))
      << line;
}

TEST(FactJsonTest, FastPathAgreesWithTheSaxReaderOnEdgeCases) {
  const std::string base = FactToJson(SampleFact());
  const std::vector<std::string> lines = {
      base,
      " \t" + base + " \r\n ",
      base + "x",
      R"({"subject":"a","relation":"r","object":"b"})",
      R"({"subject":"a\"\\\/\b\f\n\r\t","relation":"r","object":"b"})",
      R"({"subject":"\u00e9\ud83d\ude00","relation":"r","object":"b"})",
      R"({"subject":"\u","relation":"r","object":"b"})",
      R"({"subject":"a\x","relation":"r","object":"b"})",
      "{\"subject\":\"caf\xc3\xa9 \xe2\x82\xac "
      "\xf0\x9f\x98\x80\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"\xc3\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"\xc0\xaf\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"\xed\xa0\x80\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"\xf4\x90\x80\x80\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"a\x01\",\"relation\":\"r\",\"object\":\"b\"}",
      "{\"subject\":\"a\x7f\",\"relation\":\"r\",\"object\":\"b\"}",
      R"({"subject":"a","relation":"r","object":"b","span":[1,2]})",
      R"({"subject":"a","relation":"r","object":"b","span":[-0,123456789012345678]})",
      R"({"subject":"a","relation":"r","object":"b","span":[1,1234567890123456789]})",
      R"({"subject":"a","relation":"r","object":"b","span":[1,99999999999999999999]})",
      // Former bug: digits past 18 were accumulated (signed overflow) before the fast path
      // declined the number; UBSan builds of the fuzzer caught it.
      R"({"negated":77777777777777777777777777777777,"subject":"a","relation":"r","object":"b"})",
      R"({"extra":-9223372036854775808,"subject":"a","relation":"r","object":"b"})",
      R"({"subject":"a","relation":"r","object":"b","span":[1.5,2]})",
      R"({"subject":"a","relation":"r","object":"b","span":[1e2,2]})",
      R"({"subject":"a","relation":"r","object":"b","span":[01,2]})",
      R"({"subject":"a","relation":"r","object":"b","span":[1,2,3]})",
      R"({"subject":"a","relation":"r","object":"b","span":["1",2]})",
      R"({"subject":"a","relation":"r","object":"b","span":{}})",
      R"({"subject":"a","relation":"r","object":"b","span":7})",
      R"({"subject":"a","relation":"r","object":"b","span":[]})",
      R"({"subject":"a","relation":"r","object":"b","time":null})",
      R"({"subject":"a","relation":"r","object":"b","time":"x"})",
      R"({"subject":"a","relation":"r","object":"b","time":[]})",
      R"({"subject":"a","relation":"r","object":"b","time":{}})",
      R"({"subject":"a","relation":"r","object":"b","time":{"start":"2020-01-01","x":{}}})",
      R"({"subject":"a","relation":"r","object":"b","time":{"start":"2020-01-01","start":null}})",
      R"({"subject":"a","relation":"r","object":"b","time":{"end":"2019-01-01","start":"2020-01-01"}})",
      R"({"subject":"a","relation":"r","object":"b","time":{"start":"2020-13-01"}})",
      R"({"subject":"a","relation":"r","object":"b","time":{"value":5,"text":true}})",
      R"({"subject":"a","relation":"r","object":"b","subject_mention":{"text":"A","other":1}})",
      R"({"subject":"a","relation":"r","object":"b","object_mention":{"text":null}})",
      R"({"subject":"a","relation":"r","object":"b","object_mention":"x"})",
      R"({"subject":"a","relation":"r","object":"b","negated":true,"hedged":null})",
      R"({"subject":"a","relation":"r","object":"b","negated":1})",
      R"({"subject":"a","relation":"r","object":"b","negated":tru})",
      R"({"subject":"a","relation":"r","object":"b","extra":{"deep":[1,{"x":2}]}})",
      R"({"subject":"a","relation":"r","object":"b","extra":-12,"more":null})",
      R"({"subject":"a","relation":"r","object":"b","subject":"c"})",
      R"({"subject":"a","relation":"r","object":"b","doc_date":"2024-02-30"})",
      R"({"subject":"a","relation":"r"})",
      R"({"subject":"a","relation":"r","object":"b",})",
      R"({"subject":"a","relation":"r","object":"b"})"
      "}",
      R"({"subject" "a"})",
      R"([1,2])",
      R"("text")",
      R"({})",
      "",
      "{",
  };
  for (const std::string& line : lines) ExpectReadersAgree(line);
}

TEST(FactJsonTest, FastPathAgreesWithTheSaxReaderOnMutatedLines) {
  std::mt19937 rng(11);
  const std::string base = FactToJson(SampleFact());
  const std::string alphabet = "{}[]:,\"\\ -0123456789.eEtrufalsn\x80\xc3\xa9\x01";
  for (int round = 0; round < 20000; ++round) {
    std::string line = base;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
      size_t at = rng() % line.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          line[at] = c;
          break;
        case 1:
          line.insert(line.begin() + static_cast<long>(at), c);
          break;
        default:
          line.erase(at, 1 + rng() % 4);
          break;
      }
      if (line.empty()) line = "{";
    }
    ExpectReadersAgree(line);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// The batch writer gives each fact's line, as FactToJson writes it, and a
// newline: on facts with escapes, non-ASCII and invalid UTF-8 (the replacing
// path, in the middle of a batch), on long sentences that outgrow the
// writer's buffer, and on an empty list.
TEST(FactJsonTest, LinesAreEachFactsLineAndANewline) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"Musk", "\"",   "\\",       "\n", "\x01",
                                           "é",    "\xff", "\xe2\x80", " ",  "Trump's"};
  auto text = [&](int most) {
    std::string s;
    for (int n = static_cast<int>(rng() % most); n > 0; --n) s += pieces[rng() % pieces.size()];
    return s;
  };
  std::vector<Fact> facts;
  for (int i = 0; i < 400; ++i) {
    Fact f;
    f.id = text(3);
    f.doc = "doc" + std::to_string(i / 7);
    f.subject = text(4);
    f.relation = "acquired";
    f.object = text(4);
    if (rng() % 2)
      f.time = FactTime{Date{2024, 1, 2}, Date{2024, 1, 2}, "2024-01-02", text(3), "explicit"};
    f.rule = "acquired.active";
    // Now and then a sentence of tens of kilobytes, past any size the
    // buffer has reached before it.
    f.sentence = i % 97 == 5 ? std::string(20000 + 1000 * i, 'x') + text(5) : text(40);
    f.span_begin = i;
    f.span_end = i + static_cast<int64_t>(rng() % 300);
    f.subject_mention = {text(3), "name"};
    f.object_mention = {text(3), "alias"};
    facts.push_back(std::move(f));
  }
  for (size_t begin : {size_t{0}, size_t{3}, size_t{399}, size_t{400}}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{400}}) {
      count = std::min(count, facts.size() - begin);
      const std::span<const Fact> some(facts.data() + begin, count);
      std::string expected = "kept";
      for (const Fact& f : some) expected += FactToJson(f) + "\n";
      std::string lines = "kept";
      AppendFactJsonLines(some, &lines);
      ASSERT_EQ(lines, expected) << begin << " " << count;
    }
  }
}

}  // namespace
}  // namespace kg
