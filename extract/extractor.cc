// The extraction pipeline: rule packs -> (per document) time tagging,
// sentences, mentions, mention views, relation matches -> facts.
#include "extract/extractor.h"

#include <algorithm>
#include <future>
#include <system_error>

#include "extract/matcher.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/rule_pack.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

// What one document's extraction fills and the next one's refills. Kept per
// thread (a thread extracts one document at a time, and Extract is const and
// shared between threads) so that their capacity outlives the document: a
// fresh set cost a dozen allocations a document.
struct DocumentScratch {
  std::vector<SentenceSpan> sentences;
  std::vector<TimeExpression> times;
  std::vector<TimeSpanRef> time_spans;
  std::vector<Mention> mentions;  // a sentence's; MentionTracker::Find reuses them
  MentionView view;
};

}  // namespace

struct Extractor::Impl {
  std::shared_ptr<const RulePack> pack;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<TimeTagger> tagger;
  ExtractorOptions options;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Result<Extractor> Extractor::Create(const std::vector<RuleSource>& packs,
                                    const std::optional<RuleSource>& time_rules) {
  return Create(packs, time_rules, ExtractorOptions());
}

Result<Extractor> Extractor::Create(const std::vector<RuleSource>& packs,
                                    const std::optional<RuleSource>& time_rules,
                                    const ExtractorOptions& options) {
  std::vector<RuleSource> sources = packs;
  if (sources.empty()) {
    sources.push_back(RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))});
  }
  const RuleSource time_source =
      time_rules ? *time_rules
                 : RuleSource{"time.yaml", std::string(EmbeddedRuleFile("time.yaml"))};
  auto read_time_rules = [&time_source] {
    return TimeTagger::FromYaml(time_source.text, time_source.name);
  };
  // The two loads share nothing; the pack's errors are still reported first.
  std::future<Result<TimeTagger>> tagger_later;
  if (options.load_in_parallel) {
    try {
      tagger_later = std::async(std::launch::async, read_time_rules);
    } catch (const std::system_error&) {
      // No thread to be had: load one after the other.
    }
  }
  auto pack = LoadRulePack(sources, options.re2_max_mem, options.defer_known_patterns);
  Result<TimeTagger> tagger = tagger_later.valid() ? tagger_later.get() : read_time_rules();
  if (!pack.ok()) return pack.status();
  if (!tagger.ok()) return tagger.status();
  auto impl = std::make_unique<Impl>();
  impl->pack = std::move(pack.value());
  impl->gazetteer = std::make_unique<Gazetteer>(*impl->pack);
  impl->tagger = std::make_unique<TimeTagger>(std::move(tagger.value()));
  impl->options = options;
  return Extractor(std::move(impl));
}

std::vector<Fact> Extractor::Extract(const Document& document) const {
  return Extract(document, nullptr);
}

std::vector<Fact> Extractor::Extract(const Document& document,
                                     std::vector<SkippedSentence>* skipped) const {
  std::vector<Fact> facts;
  Extract(document, &facts, skipped);
  return facts;
}

void Extractor::Extract(const Document& document, std::vector<Fact>* out,
                        std::vector<SkippedSentence>* skipped) const {
  std::vector<Fact>& facts = *out;
  facts.clear();
  const std::string_view text = document.text;
  // Times are tagged only as far as the last sentence that gets a view: past
  // it they could change nothing (a tail without two entities, or a document
  // without any, is never tagged). The list so far is always a prefix of the
  // whole document's, so a view's time indices are the same either way.
  TimeScan time_scan(*impl_->tagger, text, document.date);
  thread_local DocumentScratch scratch;
  std::vector<TimeExpression>& times = scratch.times;
  std::vector<TimeSpanRef>& time_spans = scratch.time_spans;
  times.clear();
  time_spans.clear();
  auto tag_until = [&](size_t limit) {
    const size_t first_new = times.size();
    time_scan.Until(limit, &times);
    // Only expressions that name days can date a fact; the rest ("formerly",
    // "nearly two years") stay words in the view.
    times.erase(std::remove_if(times.begin() + first_new, times.end(),
                               [](const TimeExpression& t) { return !t.days.has_value(); }),
                times.end());
    for (size_t i = first_new; i < times.size(); ++i) {
      time_spans.push_back({times[i].begin, times[i].end});
    }
  };

  MentionTracker tracker(*impl_->gazetteer, document.date);
  std::vector<SentenceSpan>& sentences = scratch.sentences;
  SplitSentences(text, &sentences);
  // News gives well under a fact a sentence; growing would move every fact.
  if (facts.capacity() < sentences.size()) facts.reserve(sentences.size());
  MentionView& view = scratch.view;  // BuildView reuses its buffers
  for (const SentenceSpan& s : sentences) {
    if (s.end - s.begin > impl_->options.max_sentence_bytes) {
      if (skipped) skipped->push_back({s.begin, s.end});
      continue;
    }
    std::vector<Mention>& mentions = scratch.mentions;
    tracker.Find(text, s.begin, s.end, &mentions);
    if (!NamesTwoEntities(mentions)) continue;
    tag_until(s.end);
    BuildView(text, s.begin, s.end, mentions, time_spans, tracker, &view);
    SentenceInput in;
    in.document = text;
    in.begin = s.begin;
    in.end = s.end;
    in.mentions = &mentions;
    in.view = &view;
    in.times = &times;
    in.doc_date = document.date;
    const size_t first_new = facts.size();
    MatchSentence(*impl_->pack, tracker, in, &facts);
    for (size_t i = first_new; i < facts.size(); ++i) {
      Fact& f = facts[i];
      f.doc = document.id;
      f.doc_date = document.date;
      f.id = MakeFactId(f);
    }
  }
}

RuleTestReport Extractor::TestExamples() const { return RunRuleExamples(*this, *impl_->pack); }

std::vector<std::pair<std::string, std::string>> Extractor::Aliases() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const EntityDef& e : impl_->pack->entities) {
    for (const std::string& a : e.aliases) out.emplace_back(e.name, a);
  }
  return out;
}

}  // namespace kg
