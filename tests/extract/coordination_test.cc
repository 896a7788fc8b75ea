// CoordinationReader: list members beside a slot that carry titles or
// determiners, read from a view built by hand.
#include "extract/coordination.h"

#include <gtest/gtest.h>

#include "extract/rule_pack.h"

namespace kg {
namespace {

// A view of `parts`: "<eN:type>" pieces become entity tokens (entity N), the
// rest stays text.
MentionView ViewOf(const std::vector<std::string>& parts) {
  MentionView view;
  for (const std::string& p : parts) {
    if (p.starts_with("<e")) {
      ViewToken t;
      t.begin = view.text.size();
      t.end = t.begin + p.find('>') + 1;
      t.entity = std::stoi(p.substr(2));
      t.mention = t.entity;
      view.tokens.push_back(t);
    }
    view.text += p;
  }
  return view;
}

RulePack Pack() {
  RulePack pack;
  pack.titles = {"chief executive", "spokesman"};
  pack.names.person_titles = {"Mayor", "Sen", "Prime", "Minister"};
  pack.names.demonyms = {"Canadian"};
  return pack;
}

// Slots as patterns expand them (extract/pattern_macros.cc).
const SlotTypes kAnyType("(?P<subj><e\\d+:[a-z_]+>)", "(?P<subj>");
const SlotTypes kPerson("(?P<subj><e\\d+:(?:person|unknown)>)", "(?P<subj>");
const SlotTypes kPlace("(?P<subj><e\\d+:(?:place|unknown)>)", "(?P<subj>");

std::vector<int> Entities(const std::vector<const ViewToken*>& tokens) {
  std::vector<int> out;
  for (const ViewToken* t : tokens) out.push_back(t->entity);
  return out;
}

TEST(CoordinationTest, MembersWithTitlesBeforeTheSlot) {
  const RulePack pack = Pack();
  const CoordinationReader reader(pack);
  // "Mayor A, Sen. B and Canadian Prime Minister C flew": from C, B then A.
  const MentionView view = ViewOf({"mayor ", "<e1:person>", ", sen. ", "<e2:person>",
                                   " and canadian prime minister ", "<e3:person>", " flew"});
  const size_t c = view.tokens[2].begin;
  EXPECT_EQ(Entities(reader.Before(view, c, kAnyType)), (std::vector<int>{2, 1}));
  EXPECT_EQ(Entities(reader.Before(view, c, kPerson)), (std::vector<int>{2, 1}));
  EXPECT_TRUE(reader.Before(view, c, kPlace).empty());
  // A slot that takes only persons ("{subj:person!}") takes no untyped name.
  const MentionView untyped = ViewOf({"<e1:unknown>", " and mayor ", "<e2:person>", " flew"});
  EXPECT_TRUE(reader
                  .Before(untyped, untyped.tokens[1].begin,
                          SlotTypes("(?P<obj><e\\d+:(?:person)>", "(?P<obj>"))
                  .empty());
  EXPECT_EQ(Entities(reader.Before(untyped, untyped.tokens[1].begin, kPerson)),
            (std::vector<int>{1}));
  // A place before a title: "A and Ottawa Mayor B".
  const MentionView place =
      ViewOf({"<e1:person>", " and ", "<e4:place>", " mayor ", "<e2:person>", " flew"});
  EXPECT_EQ(Entities(reader.Before(place, place.tokens[2].begin, kPerson)), (std::vector<int>{1}));
}

TEST(CoordinationTest, AListAfterBetweenNamesTwoSides) {
  const RulePack pack = Pack();
  const CoordinationReader reader(pack);
  const MentionView view =
      ViewOf({"talks between sen. ", "<e1:person>", " and mayor ", "<e2:person>", " during"});
  EXPECT_TRUE(reader.Before(view, view.tokens[1].begin, kAnyType).empty());
}

TEST(CoordinationTest, OtherWordsBetweenMembersJoinNoList) {
  const RulePack pack = Pack();
  const CoordinationReader reader(pack);
  // "A met voters and Mayor B flew": a clause, not a list.
  const MentionView clause =
      ViewOf({"<e1:person>", " met voters and mayor ", "<e2:person>", " flew"});
  EXPECT_TRUE(reader.Before(clause, clause.tokens[1].begin, kAnyType).empty());
  // A comma alone does not start a list from its last member: "In A, Mayor B flew".
  const MentionView comma = ViewOf({"in ", "<e1:place>", ", mayor ", "<e2:person>", " flew"});
  EXPECT_TRUE(reader.Before(comma, comma.tokens[1].begin, kAnyType).empty());
  // Five words are more than a title.
  const MentionView longer =
      ViewOf({"<e1:person>", " and the former canadian prime minister ", "<e2:person>", " flew"});
  EXPECT_TRUE(reader.Before(longer, longer.tokens[1].begin, kAnyType).empty());
}

TEST(CoordinationTest, MembersAfterTheSlotEndInAnd) {
  const RulePack pack = Pack();
  const CoordinationReader reader(pack);
  // "sued A and its chief executive B": "its" is A's possessive token.
  const MentionView owned = ViewOf({"<e9:organization>", " sued ", "<e1:organization>", " and ",
                                    "<e1:organization>", "'s chief executive ", "<e2:person>"});
  EXPECT_EQ(Entities(reader.After(owned, owned.tokens[1].end, kAnyType)), (std::vector<int>{2}));
  const MentionView list = ViewOf(
      {"met ", "<e1:person>", ", mayor ", "<e2:person>", " and the ", "<e3:organization>", "."});
  EXPECT_EQ(Entities(reader.After(list, list.tokens[0].end, kAnyType)), (std::vector<int>{2, 3}));
  // Commas alone: "met A, Mayor B said".
  const MentionView said = ViewOf({"met ", "<e1:person>", ", mayor ", "<e2:person>", " said"});
  EXPECT_TRUE(reader.After(said, said.tokens[0].end, kAnyType).empty());
  // A member with an owner of its own: "Tesla's A, Apple's B and Google's C".
  const MentionView owners =
      ViewOf({"<e5:organization>", "'s ", "<e1:person>", ", ", "<e6:organization>", "'s ",
              "<e2:person>", " and ", "<e7:organization>", "'s ", "<e3:person>"});
  EXPECT_TRUE(reader.After(owners, owners.tokens[1].end, kAnyType).empty());
  // A possessor is no member: "met A and Mayor B's aide" lists none.
  const MentionView possessor =
      ViewOf({"met ", "<e1:person>", " and mayor ", "<e2:person>", "'s aide"});
  EXPECT_TRUE(reader.After(possessor, possessor.tokens[0].end, kAnyType).empty());
}

}  // namespace
}  // namespace kg
