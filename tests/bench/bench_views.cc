// kg_bench_views: the relation-matching stage of kg, isolated so compare.sh
// can give Python's `re` exactly the same work. It runs kg's pipeline up to
// the mention views (time tagging, sentences, mentions, views — the same calls
// Extractor::Extract makes), writes the views and the expanded relation
// patterns, and times kg's matching of those patterns over those views the way
// extract/matcher.cc does it: the pack's prefilter picks candidate patterns,
// each candidate is searched from every match start + 1 (overlapping starts).
//
//   kg_bench_views CORPUS --views V.txt --patterns P.jsonl [--repeat 5]
//
// Prints one JSON object: view and document bytes, the number of matches and a
// checksum over (pattern, match start, match end), and the median seconds of
// the matching passes, with the prefilter (as kg runs) and without it (every
// pattern on every view, as bench_re.py runs Python's `re`, which has none).
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/prefilter.h"
#include "extract/rule_pack.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"

namespace kg::bench {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "kg_bench_views: %s\n", message.c_str());
  return 1;
}

struct Args {
  std::string corpus, views, patterns;
  int repeat = 5;
};

bool ParseArgs(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 < argc && a == "--views") {
      args->views = argv[++i];
    } else if (i + 1 < argc && a == "--patterns") {
      args->patterns = argv[++i];
    } else if (i + 1 < argc && a == "--repeat") {
      args->repeat = std::max(1, std::atoi(argv[++i]));
    } else if (args->corpus.empty() && a.rfind("--", 0) != 0) {
      args->corpus = a;
    } else {
      return false;
    }
  }
  return !args->corpus.empty();
}

// The views of every sentence that has a mention (others never reach the matcher).
Status CollectViews(const std::string& corpus, const RulePack& pack,
                    std::vector<std::string>* views, size_t* doc_bytes) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  if (!tagger.ok()) return tagger.status();
  Gazetteer gazetteer(pack);
  ReadOptions options;
  options.default_date = Date{2024, 1, 1};
  return ForEachDocument({corpus}, options, [&](Document&& doc) {
    *doc_bytes += doc.text.size();
    std::vector<TimeSpanRef> spans;
    for (const TimeExpression& t : tagger->Find(doc.text, doc.date))
      spans.push_back({t.begin, t.end});
    MentionTracker tracker(gazetteer, doc.date);
    for (const SentenceSpan& s : SplitSentences(doc.text)) {
      const std::vector<Mention> mentions = tracker.Find(doc.text, s.begin, s.end);
      if (mentions.empty()) continue;
      views->push_back(BuildView(doc.text, s.begin, s.end, mentions, spans, tracker).text);
    }
    return Status::Ok();
  });
}

struct MatchStats {
  uint64_t candidates = 0;  // patterns searched, summed over views
  uint64_t searches = 0;    // RE2 calls, the ones that find nothing included
  uint64_t matches = 0;
  uint64_t checksum = 0;
};

// With `use_prefilter` false every pattern runs on every view, as bench_re.py does:
// the engines compared with the same algorithm.
MatchStats MatchAll(const RulePack& pack, const std::vector<std::string>& views,
                    bool use_prefilter) {
  MatchStats stats;
  std::vector<int> candidates;
  std::vector<int> every(pack.patterns.size());
  for (size_t i = 0; i < every.size(); ++i) every[i] = static_cast<int>(i);
  re2::StringPiece whole;
  for (const std::string& view : views) {
    candidates.clear();
    if (!use_prefilter) {
      candidates = every;
    } else {
      pack.prefilter->Candidates(view, &candidates);
    }
    const re2::StringPiece text(view);
    stats.candidates += candidates.size();
    for (int p : candidates) {
      size_t pos = 0;
      while (pos < text.size() &&
             (++stats.searches,
              pack.patterns[p].re->Match(text, pos, text.size(), RE2::UNANCHORED, &whole, 1))) {
        const uint64_t begin = whole.data() - text.data();
        ++stats.matches;
        stats.checksum =
            (stats.checksum * 1000003 + p * 65537 + begin * 257 + whole.size()) % 1000000007;
        pos = begin + 1;
      }
    }
  }
  return stats;
}

template <typename Fn>
double MedianSeconds(int repeat, Fn&& fn) {
  std::vector<double> seconds;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

int Run(const Args& args) {
  std::vector<RuleSource> sources = {
      RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}};
  Result<std::shared_ptr<const RulePack>> pack = LoadRulePack(sources);
  if (!pack.ok()) return Fail(pack.status().ToString());
  std::vector<std::string> views;
  size_t doc_bytes = 0;
  if (Status s = CollectViews(args.corpus, **pack, &views, &doc_bytes); !s.ok()) {
    return Fail(s.ToString());
  }
  if (!args.views.empty()) {
    std::ofstream out(args.views, std::ios::binary);
    for (const std::string& v : views) out << v << '\n';
    if (!out) return Fail("cannot write " + args.views);
  }
  if (!args.patterns.empty()) {
    std::ofstream out(args.patterns, std::ios::binary);
    for (const PatternDef& p : (*pack)->patterns) {
      out << nlohmann::json{{"rule", p.rule}, {"re", p.source}}.dump() << '\n';
    }
    if (!out) return Fail("cannot write " + args.patterns);
  }
  size_t view_bytes = 0;
  for (const std::string& v : views) view_bytes += v.size();

  MatchStats stats, stats_no_set;
  // One untimed pass first: RE2 builds its DFA states lazily, on first use.
  stats = MatchAll(**pack, views, true);
  const double seconds = MedianSeconds(args.repeat, [&] { stats = MatchAll(**pack, views, true); });
  const double seconds_no_set =
      MedianSeconds(args.repeat, [&] { stats_no_set = MatchAll(**pack, views, false); });
  if (stats.matches != stats_no_set.matches || stats.checksum != stats_no_set.checksum) {
    return Fail("the prefilter changed the matches");
  }
  nlohmann::json out = {{"engine", "RE2 (kg: literal prefilter + Match)"},
                        {"patterns", (*pack)->patterns.size()},
                        {"views", views.size()},
                        {"view_bytes", view_bytes},
                        {"doc_bytes", doc_bytes},
                        {"candidates", stats.candidates},
                        {"searches", stats.searches},
                        {"matches", stats.matches},
                        {"checksum", stats.checksum},
                        {"seconds", seconds},
                        {"seconds_no_set", seconds_no_set}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  kg::bench::Args args;
  if (!kg::bench::ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr, "usage: kg_bench_views CORPUS [--views V] [--patterns P] [--repeat N]\n");
    return 2;
  }
  return kg::bench::Run(args);
}
