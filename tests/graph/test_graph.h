// A small hand-built news graph shared by the graph query tests.
#ifndef KG_TESTS_GRAPH_TEST_GRAPH_H_
#define KG_TESTS_GRAPH_TEST_GRAPH_H_

#include <string>

#include "graph/model/fact.h"
#include "graph/temporal_graph.h"

namespace kg {

// `time` is "" (undated), "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `doc_date` likewise "" or a day.
inline Fact TestFact(const std::string& s, const std::string& rel, const std::string& o,
                     const std::string& time, const std::string& doc,
                     const std::string& doc_date = "", bool negated = false) {
  Fact f;
  f.subject = s;
  f.relation = rel;
  f.object = o;
  f.doc = doc;
  f.negated = negated;
  f.rule = rel + ".active";
  f.sentence = s + " " + rel + " " + o + ".";
  if (!time.empty()) {
    std::optional<DaySpan> span = ParseDateSpan(time);
    f.time = FactTime{span->start, span->end, time, "in " + time, "explicit"};
  }
  if (!doc_date.empty()) f.doc_date = ParseDate(doc_date);
  f.id = MakeFactId(f);
  return f;
}

//   X --banned(2021-01-08)--> Donald Trump, X --reinstated(2022-11-19)--> Donald Trump
//   Elon Musk --acquired(2022-10-27)--> X   (reported twice, two documents)
//   Elon Musk --ceo_of(2008)--> Tesla
//   Donald Trump --met(2024-03)--> Elon Musk
//   Elon Musk --criticized(undated)--> Joe Biden
//   Donald Trump --met(2020-09, negated)--> Joe Biden
//   Joe Biden --visited(2023-05)--> Kyiv
inline TemporalGraph MakeNewsGraph() {
  TemporalGraph g;
  g.AddEntity("Donald Trump", "person");
  g.AddEntity("Elon Musk", "person");
  g.AddEntity("X", "platform");
  g.AddEntity("Tesla", "organization");
  g.AddEntity("Joe Biden", "person");
  g.AddEntity("Kyiv", "place");
  g.AddFact(TestFact("X", "banned", "Donald Trump", "2021-01-08", "a.txt", "2021-01-09"));
  g.AddFact(TestFact("X", "reinstated", "Donald Trump", "2022-11-19", "b.txt", "2022-11-20"));
  g.AddFact(TestFact("Elon Musk", "acquired", "X", "2022-10-27", "c.txt", "2022-10-28"));
  g.AddFact(TestFact("Elon Musk", "acquired", "X", "2022-10-27", "d.txt", "2022-11-02"));
  g.AddFact(TestFact("Elon Musk", "ceo_of", "Tesla", "2008", "e.txt", "2010-01-01"));
  g.AddFact(TestFact("Donald Trump", "met", "Elon Musk", "2024-03", "f.txt", "2024-03-05"));
  g.AddFact(TestFact("Elon Musk", "criticized", "Joe Biden", "", "g.txt", "2023-02-01"));
  g.AddFact(TestFact("Donald Trump", "met", "Joe Biden", "2020-09", "h.txt", "2020-09-30", true));
  g.AddFact(TestFact("Joe Biden", "visited", "Kyiv", "2023-05", "i.txt", "2023-05-02"));
  g.AddAlias("Donald Trump", "Trump");
  g.AddAlias("Elon Musk", "Musk");
  g.AddAlias("X", "Twitter");
  return g;
}

}  // namespace kg

#endif  // KG_TESTS_GRAPH_TEST_GRAPH_H_
