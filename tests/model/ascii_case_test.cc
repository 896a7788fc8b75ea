#include "graph/model/ascii_case.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(AsciiCaseTest, LowersOnlyAsciiCapitals) {
  EXPECT_EQ(LowerAscii("Élan AT-Zürich 9@[`"), "Élan at-zürich 9@[`");
  EXPECT_EQ(LowerAscii('A'), 'a');
  EXPECT_EQ(LowerAscii('Z'), 'z');
  EXPECT_EQ(LowerAscii('@'), '@');  // the byte before 'A'
  EXPECT_EQ(LowerAscii('['), '[');  // the byte after 'Z'
  EXPECT_EQ(LowerAscii('\xc3'), '\xc3');
}

TEST(AsciiCaseTest, FoldsToComparesTheFoldedText) {
  EXPECT_TRUE(FoldsTo("Person", "person"));
  EXPECT_TRUE(FoldsTo("", ""));
  EXPECT_FALSE(FoldsTo("Person", "persons"));
  EXPECT_FALSE(FoldsTo("Persona", "person"));
  EXPECT_FALSE(FoldsTo("Person", "Person"));  // the wanted text is lower-case already
  EXPECT_FALSE(FoldsTo("P\xc3\xa9", "p\xc3\x89"));
}

}  // namespace
}  // namespace kg
