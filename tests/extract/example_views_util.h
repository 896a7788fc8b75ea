// Shared by the pattern-level extraction tests: the mention views of the example
// articles in docs/examples, built as the extractor builds them (time spans,
// mentions, BuildView per sentence), to match a rule pack's patterns against.
#ifndef KG_TESTS_EXTRACT_EXAMPLE_VIEWS_UTIL_H_
#define KG_TESTS_EXTRACT_EXAMPLE_VIEWS_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/mention_view.h"
#include "extract/rule_pack.h"
#include "graph/model/status.h"

namespace kg::testing_util {

// The built-in news pack, freshly loaded: every pattern compiled at load, or
// (`deferred`) as kg extract loads it, each compiled on first use. Null (with a
// test failure recorded) if it does not load.
std::shared_ptr<const RulePack> NewsPack(bool deferred = false);

// Appends one view per sentence of every example article to `views`.
Status ExampleArticleViews(const RulePack& pack, std::vector<std::string>* views);
// The same views whole: text, tokens and source offsets.
Status ExampleArticleMentionViews(const RulePack& pack, std::vector<MentionView>* views);

}  // namespace kg::testing_util

#endif  // KG_TESTS_EXTRACT_EXAMPLE_VIEWS_UTIL_H_
