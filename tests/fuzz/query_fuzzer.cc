// Fuzz target for the query language: the input is one query, parsed
// (TokenizeQuery, ParseQuery), run by the QueryEngine against a small fixed
// graph (dated, undated, negated and hedged facts, aliases, a cycle), and its
// answer or error rendered in every output format, as `kg query` does.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/query_answer.h"
#include "graph/query_engine.h"
#include "graph/query_parser.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

kg::Fact MakeFact(const char* subject, const char* relation, const char* object,
                  std::optional<kg::DaySpan> when, bool negated = false) {
  static int n = 0;
  kg::Fact f;
  f.doc = "doc" + std::to_string(n % 3) + ".txt";
  f.subject = subject;
  f.subject_type = "person";
  f.relation = relation;
  f.object = object;
  f.object_type = "organization";
  if (when) {
    f.time = kg::FactTime{when->start, when->end, "value", "text", "explicit"};
  }
  f.negated = negated;
  f.hedged = n % 4 == 1;
  f.rule = std::string(relation) + ".active";
  f.sentence = std::string(subject) + " " + relation + " " + object + ".";
  f.span_begin = n * 10;
  f.span_end = n * 10 + 9;
  f.id = "fact" + std::to_string(n++);
  return f;
}

kg::TemporalGraph* MakeGraph() {
  auto* g = new kg::TemporalGraph;
  auto span = [](int y1, int m1, int d1, int y2, int m2, int d2) {
    return kg::DaySpan{kg::Date{y1, m1, d1}, kg::Date{y2, m2, d2}};
  };
  g->AddFact(MakeFact("Elon Musk", "acquired", "X", span(2022, 10, 27, 2022, 10, 27)));
  g->AddFact(MakeFact("X", "banned", "Donald Trump", span(2021, 1, 8, 2021, 1, 8)));
  g->AddFact(MakeFact("X", "reinstated", "Donald Trump", span(2022, 11, 19, 2022, 11, 19)));
  g->AddFact(MakeFact("Elon Musk", "ceo_of", "Tesla", span(2008, 1, 1, 2024, 12, 31)));
  g->AddFact(MakeFact("Donald Trump", "met", "Elon Musk", std::nullopt));
  g->AddFact(MakeFact("Mark Zuckerberg", "criticized", "Elon Musk", span(2023, 6, 1, 2023, 8, 31)));
  g->AddFact(MakeFact("Meta", "sued", "X", span(2023, 7, 1, 2023, 7, 31), /*negated=*/true));
  g->AddFact(MakeFact("Tesla", "partnered_with", "SpaceX", span(2020, 1, 1, 2020, 12, 31)));
  g->AddFact(MakeFact("SpaceX", "called", "Elon Musk", span(2019, 5, 1, 2019, 5, 1)));
  g->AddEntity("Isolated Entity", "place");
  g->AddAlias("Elon Musk", "Musk");
  g->AddAlias("Donald Trump", "Trump");
  g->AddAlias("X", "Twitter");
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kg::TemporalGraph* graph = MakeGraph();
  static kg::QueryEngine* engine = new kg::QueryEngine(*graph);
  std::string text(reinterpret_cast<const char*>(data), size);

  kg::QueryTokens tokens;
  kg::QueryError error;
  if (kg::TokenizeQuery(text, &tokens, &error)) {
    for (const kg::QueryToken& t : tokens.list) {
      FUZZ_CHECK(t.range.offset + t.range.length <= text.size());
      // A token's text is a piece of the query, or of the unescaped texts.
      const bool in_query = t.text.data() >= text.data() &&
                            t.text.data() + t.text.size() <= text.data() + text.size();
      const bool in_unescaped =
          t.text.data() >= tokens.unescaped.data() &&
          t.text.data() + t.text.size() <= tokens.unescaped.data() + tokens.unescaped.size();
      FUZZ_CHECK(in_query || in_unescaped);
    }
  }
  kg::Query parsed;
  kg::ParseQuery(text, &parsed, &error);

  kg::Answer answer;
  error = kg::QueryError();
  const bool ok = engine->Run(text, &answer, &error);
  if (!ok) {
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.range.offset <= text.size());
  }
  for (kg::AnswerFormat format :
       {kg::AnswerFormat::kTable, kg::AnswerFormat::kJson, kg::AnswerFormat::kTsv}) {
    kg::FormatOptions options;
    options.format = format;
    std::string out = ok ? kg::FormatAnswer(answer, *graph, text, options)
                         : kg::FormatQueryError(error, text, options);
    FUZZ_CHECK(!out.empty());
  }
  if (!ok) kg::CaretLine(text, error);
  return 0;
}
