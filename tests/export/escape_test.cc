#include "graph/export/escape.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(EscapeTest, RepairUtf8KeepsValidAndReplacesEachBadByte) {
  EXPECT_EQ(RepairUtf8("plain"), "plain");
  EXPECT_EQ(RepairUtf8("Jos\xC3\xA9 \xF0\x9F\x98\x80"), "Jos\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(RepairUtf8("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(RepairUtf8("\xC3"), "\xEF\xBF\xBD");                                  // truncated
  EXPECT_EQ(RepairUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(RepairUtf8("\xF4\x90\x80\x80").size(), 12u);                          // beyond U+10FFFF
}

TEST(EscapeTest, XmlEscapesMarkupAndDropsForbiddenCharacters) {
  EXPECT_EQ(XmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(XmlEscape("t\tn\nr\r"), "t&#9;n&#10;r&#13;");
  EXPECT_EQ(XmlEscape(std::string("\x00\x01\x1F", 3) + "ok"), "ok");
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE\xEF\xBF\xBF"), "");  // U+FFFE, U+FFFF
  EXPECT_EQ(XmlEscape("\xC3\xA9"), "\xC3\xA9");
}

TEST(EscapeTest, DotEscapeKeepsQuotedStringsValidAndAscii) {
  EXPECT_EQ(DotEscape("say \"hi\""), "say \\\"hi\\\"");
  EXPECT_EQ(DotEscape("a\\b"), "a\\\\b");
  EXPECT_EQ(DotEscape("one\ntwo"), "one\\ntwo");
  EXPECT_EQ(DotEscape("tab\there"), "tab here");
  EXPECT_EQ(DotEscape("AT&T"), "AT&amp;T");
  EXPECT_EQ(DotEscape("Jos\xC3\xA9"), "Jos&#233;");
  EXPECT_EQ(DotEscape("\xF0\x9F\x98\x80"), "&#128512;");
  EXPECT_EQ(DotEscape("\\"), "\\\\");  // a trailing backslash cannot eat the closing quote
}

TEST(EscapeTest, PercentEncodeLeavesOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("Elon Musk"), "Elon%20Musk");
  EXPECT_EQ(PercentEncode("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
  EXPECT_EQ(PercentEncode("Jos\xC3\xA9"), "Jos%C3%A9");
  EXPECT_EQ(PercentEncode("A-z_0.9~"), "A-z_0.9~");
  EXPECT_EQ(PercentEncode("<>"), "%3C%3E");
}

TEST(EscapeTest, NTriplesEscapeIsAscii) {
  EXPECT_EQ(NTriplesEscape("q\"b\\n\nr\rt\t"), "q\\\"b\\\\n\\nr\\rt\\t");
  EXPECT_EQ(NTriplesEscape("Jos\xC3\xA9"), "Jos\\u00E9");
  EXPECT_EQ(NTriplesEscape("\xF0\x9F\x98\x80"), "\\U0001F600");
  EXPECT_EQ(NTriplesEscape(std::string("\x01", 1)), "\\u0001");
  EXPECT_EQ(NTriplesEscape("\x7F"), "\\u007F");
}

TEST(EscapeTest, CsvFieldQuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a;b", ';'), "\"a;b\"");
}

}  // namespace
}  // namespace kg
