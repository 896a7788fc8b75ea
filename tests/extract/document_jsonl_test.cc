// JSON Lines documents: the direct reader of flat string lines must decode
// exactly what nlohmann::json decodes, and hand every other line to it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "extract/document_parse.h"
#include "graph/model/text_bytes.h"

namespace kg::document_internal {
namespace {

std::string Field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

TEST(DocumentJsonlTest, DecodesWhatNlohmannDecodes) {
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "Musk bought Twitter.", "date": "2022-10-27"})",
      R"(  {"text":"tab\there, quote \" slash \/ back \\ nl \n cr \r ff \f bs \b","id":"b"}  )",
      R"({"id":"c","text":"caf\u00e9 \ud83d\ude00 snow \u2603","title":"T\u0041"})",
      R"({"id":7,"text":"integer id"})",
      R"({"id":null,"text":"null id","date":null,"title":null,"url":"http://x/y"})",
      R"({"id":"d","text":"first","text":"duplicate key: the last wins"})",
      R"({"id":"e","extra":{"nested":[1,2]},"n":1.5,"b":true,"text":"other values"})",
      R"({"te\u0078t":"escaped key","id":"f"})",
      R"({ "id" : "g" , "text" : "spaces around : and ," , "url" : "u" })",
      "{\"id\":\"h\",\"text\":\"raw UTF-8: \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80\"}",
      R"({"x":"1","x":"2","text":"a repeated unknown key","id":"i"})",
      R"({"id":"j","x":"unknown\nwith escapes\t","text":"\n\nstarts and ends with escapes\n"})",
      R"({"id":"k","text":"\"\\\/\b\f\n\r\t"})",
      R"({"id":"l","title":"a\nb","text":"x","title":"the second title"})",
  };
  for (const std::string& line : lines) {
    const nlohmann::json j = nlohmann::json::parse(line);
    Result<Document> doc = ParseJsonlLine(line, "in.jsonl", 1, "default", 64);
    ASSERT_TRUE(doc.ok()) << line << ": " << doc.status().ToString();
    EXPECT_EQ(doc->text, Field(j, "text")) << line;
    EXPECT_EQ(doc->id, Field(j, "id").empty() ? "default" : Field(j, "id")) << line;
    EXPECT_EQ(doc->title, Field(j, "title")) << line;
    EXPECT_EQ(doc->url, Field(j, "url")) << line;
    EXPECT_EQ(doc->date.has_value(), !Field(j, "date").empty()) << line;
  }
}

// Texts of escapes, raw UTF-8 and plain runs of every length up to past two
// 16-byte blocks, so each escape falls at every offset of a block and the
// text ends at every distance from the line's end; and lines the direct
// reader must refuse (raw control bytes, \u, a cut-off escape).
TEST(DocumentJsonlTest, DecodesWhatNlohmannDecodesAtEveryBlockOffset) {
  const std::vector<std::string> pieces = {"\\n", "\\\"",     "\\\\",    "\\/", "\\t", "\\b", "\\f",
                                           "\\r", "\xc3\xa9", "\\u00e9", "'",   "<",   " "};
  std::mt19937 rng(5);
  int checked = 0;
  for (size_t run = 0; run <= 40; ++run) {
    for (const std::string& piece : pieces) {
      for (int variant = 0; variant < 4; ++variant) {
        std::string text = "x" + std::string(run, 'a') + piece;
        for (int k = static_cast<int>(rng() % 4); k > 0; --k) {
          text += std::string(rng() % 20, 'b') + pieces[rng() % pieces.size()];
        }
        const std::string tail = variant % 2 ? "" : std::string(run % 17, 'c');
        const std::string line =
            variant < 2 ? R"({"id":"x","text":")" + text + tail + R"("})"
                        : R"({"text":")" + text + tail + R"(","title":")" + text + R"("})";
        const nlohmann::json j = nlohmann::json::parse(line);
        Result<Document> doc = ParseJsonlLine(line, "in.jsonl", 1, "default", 64);
        ASSERT_TRUE(doc.ok()) << line << ": " << doc.status().ToString();
        ASSERT_EQ(doc->text, Field(j, "text")) << line;
        ASSERT_EQ(doc->title, Field(j, "title")) << line;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 41 * 13 * 4);
  // Not direct lines: nlohmann's answer (an error) stands.
  for (const std::string& line : {std::string("{\"id\":\"a\",\"text\":\"") + std::string(20, 'a') +
                                      "\\n" + std::string(20, 'a') + "\x01\"}",
                                  std::string("{\"id\":\"a\",\"text\":\"") + std::string(20, 'a') +
                                      "\\n" + std::string(20, 'a') + "\\\"}",
                                  std::string("{\"id\":\"a\",\"text\":\"") + std::string(20, 'a') +
                                      "\\n" + std::string(20, 'a') + "\\x\"}"}) {
    EXPECT_FALSE(ParseJsonlLine(line, "in.jsonl", 1, "default", 64).ok()) << line;
  }
}

// The bytes of a line are checked before anything else is said about it, for
// lines the direct reader reads (the check is skipped only for those without
// a byte >= 0x80) and for the others: a bad byte anywhere, in a key, in a
// value, past the first 64 bytes, in a line with another fault too, gives
// CheckTextBytes' own error.
TEST(DocumentJsonlTest, BadBytesAreReportedFirst) {
  const std::vector<std::string> bad = {"\xff", "\x80", "\xc0\xaf", "\xe2\x80",
                                        std::string(1, '\0')};
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"Plain text of a document that runs past sixty-four bytes.","title":"T"})",
      R"({"id":"a","text":"x","date":"2022-02-30","title":"a title long enough to pass a block"})",
      R"({"id":"a","extra":[1,2],"text":"not a flat line: nlohmann reads it, after the check"})",
      R"({"id":"a","text":"an escape \n then more text, and an unknown key","zz":"value"})",
      R"({"id":"a","title":"no text field at all, and more bytes to pass a block of 64"})",
  };
  int checked = 0;
  for (const std::string& line : lines) {
    ASSERT_TRUE(CheckTextBytes(line, "in.jsonl", 1).ok()) << line;
    for (const std::string& bytes : bad) {
      for (size_t at = 1; at + 1 < line.size(); ++at) {
        const std::string broken = line.substr(0, at) + bytes + line.substr(at);
        const Status expected = CheckTextBytes(broken, "in.jsonl", 1);
        ASSERT_FALSE(expected.ok()) << broken;
        Result<Document> doc = ParseJsonlLine(broken, "in.jsonl", 1, "default", 64);
        ASSERT_FALSE(doc.ok()) << broken;
        ASSERT_EQ(doc.status().ToString(), expected.ToString()) << broken;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1500);
  // Valid UTF-8 in a flat line, early and past the first block, reads as it is.
  const std::string text =
      "caf\xc3\xa9 " + std::string(70, 'x') + " \xe2\x80\x9cquoted\xe2\x80\x9d";
  Result<Document> doc =
      ParseJsonlLine("{\"id\":\"\xc3\xa9\",\"text\":\"" + text + "\"}", "in.jsonl", 1, "d", 64);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text, text);
  EXPECT_EQ(doc->id, "\xc3\xa9");
}

TEST(DocumentJsonlTest, MalformedLinesKeepTheirMessages) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"id":"a","text":"unterminated})", "in.jsonl:1:"},
      {R"({"id":"a","text":"x"} trailing)", "bad JSON"},
      {"{\"id\":\"a\",\"text\":\"raw\ttab\"}", "bad JSON"},
      {R"({"id":"a"})", "missing \"text\" field"},
      {R"({"id":"a","text":null})", "\"text\" must be a string"},
      {R"({"id":"","text":"x"})", "\"id\" is empty"},
      {R"({"id":"a","text":"x","date":"2022-02-30"})", "bad \"date\""},
      {R"({"id":"a","text":"x","title":3})", "\"title\" must be a string"},
      {R"(["text"])", "expected a JSON object, got array"},
      {R"({"id":"a","text":"   "})", "empty \"text\""},
  };
  for (const auto& [line, want] : cases) {
    Result<Document> doc = ParseJsonlLine(line, "in.jsonl", 1, "default", 64);
    ASSERT_FALSE(doc.ok()) << line;
    EXPECT_NE(doc.status().ToString().find(want), std::string::npos)
        << line << " -> " << doc.status().ToString();
  }
}

}  // namespace
}  // namespace kg::document_internal
