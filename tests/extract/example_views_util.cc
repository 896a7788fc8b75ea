#include "tests/extract/example_views_util.h"

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"

namespace kg::testing_util {

std::shared_ptr<const RulePack> NewsPack(bool deferred) {
  auto pack = LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}},
                           ExtractorOptions().re2_max_mem, deferred);
  EXPECT_TRUE(pack.ok()) << pack.status().ToString();
  return pack.ok() ? *pack : nullptr;
}

Status ExampleArticleViews(const RulePack& pack, std::vector<std::string>* views) {
  std::vector<MentionView> whole;
  Status read = ExampleArticleMentionViews(pack, &whole);
  for (MentionView& v : whole) views->push_back(std::move(v.text));
  return read;
}

Status ExampleArticleMentionViews(const RulePack& pack, std::vector<MentionView>* views) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  if (!tagger.ok()) return tagger.status();
  Gazetteer gazetteer(pack);
  ReadOptions options;
  options.default_date = Date{2024, 1, 1};
  return ForEachDocument(
      {std::string(KG_SOURCE_DIR) + "/docs/examples"}, options, [&](Document&& doc) {
        std::vector<TimeSpanRef> spans;
        for (const TimeExpression& t : tagger->Find(doc.text, doc.date))
          spans.push_back({t.begin, t.end});
        MentionTracker tracker(gazetteer, doc.date);
        for (const SentenceSpan& s : SplitSentences(doc.text)) {
          const auto mentions = tracker.Find(doc.text, s.begin, s.end);
          views->push_back(BuildView(doc.text, s.begin, s.end, mentions, spans, tracker));
        }
        return Status::Ok();
      });
}

}  // namespace kg::testing_util
