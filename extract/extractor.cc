// The extraction pipeline: rule packs -> (per document) time tagging,
// sentences, mentions, mention views, relation matches -> facts.
#include "extract/extractor.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <system_error>

#include "extract/ascii.h"
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
  // Per sentence: its mentions (MentionTracker::Find reuses them). Only the
  // first sentences.size() are the current document's.
  std::vector<std::vector<Mention>> mentions;
  std::vector<size_t> viewed;  // sentences that name two entities, in order
  // (sentence, entity) pairs whose entity was still "unknown" when the
  // sentence was read: a later sentence may give it a type.
  std::vector<std::pair<size_t, int>> untyped;
  MentionView view;
};

DocumentScratch& ThreadScratch() {
  thread_local DocumentScratch scratch;
  return scratch;
}

// One document's extraction steps over the thread's scratch buffers.
struct DocumentReader {
  const RulePack& pack;
  const Document& document;
  DocumentScratch* scratch;
  FactList* out;

  // Splits the text into scratch->sentences and forgets the last document's times.
  const std::vector<SentenceSpan>& Split() const {
    SplitSentences(document.text, &scratch->sentences);
    scratch->times.clear();
    scratch->time_spans.clear();
    return scratch->sentences;
  }

  // Appends the time expressions of sentence `s` that name days: only those
  // can date a fact; the rest ("formerly", "nearly two years") stay words in
  // the view. Only a sentence with a view uses its times (a fact is dated from
  // its own sentence, a relative date from the document's), so only those
  // sentences are scanned, each on its own: an expression never runs over a
  // sentence's end into the next ("Stocks fell Monday" / "Morning trade was
  // thin" are two). The bytes around the sentence are still read as context.
  void TagTimes(const TimeScan& scan, const SentenceSpan& s) const {
    std::vector<TimeExpression>& times = scratch->times;
    const size_t first_new = times.size();
    scan.Within(s.begin, s.end, &times);
    times.erase(std::remove_if(times.begin() + first_new, times.end(),
                               [](const TimeExpression& t) { return !t.days.has_value(); }),
                times.end());
    for (size_t i = first_new; i < times.size(); ++i) {
      scratch->time_spans.push_back({times[i].begin, times[i].end});
    }
  }

  // The facts of sentence `s`, whose times are tagged, appended to *out.
  void Match(const SentenceSpan& s, const std::vector<Mention>& mentions,
             const MentionTracker& tracker) const {
    BuildView(document.text, s.begin, s.end, mentions, scratch->time_spans, tracker,
              &scratch->view);
    SentenceInput in;
    in.document = document.text;
    in.begin = s.begin;
    in.end = s.end;
    in.mentions = &mentions;
    in.view = &scratch->view;
    in.times = &scratch->times;
    in.doc_date = document.date;
    const size_t first_new = out->size();
    MatchSentence(pack, tracker, in, out);
    for (size_t i = first_new; i < out->size(); ++i) {
      Fact& f = (*out)[i];
      f.doc = document.id;
      f.doc_date = document.date;
      WriteFactId(f, &f.id);
    }
  }
};

// Reads the mentions of sentence `s` into *mentions; false when the sentence
// is over the cap (then listed in *skipped) or names fewer than two entities.
bool ReadMentions(const Document& document, const SentenceSpan& s, size_t max_sentence_bytes,
                  MentionTracker* tracker, std::vector<Mention>* mentions,
                  std::vector<SkippedSentence>* skipped) {
  if (s.end - s.begin > max_sentence_bytes) {
    if (skipped) skipped->push_back({s.begin, s.end});
    return false;
  }
  tracker->Find(document.text, s.begin, s.end, mentions);
  return NamesTwoEntities(*mentions);
}

// The facts of reading each sentence completely (mentions, its times,
// view, matches) before the next: what Extract's phases give when no entity
// changes type. `reader` has split the text (forgetting the last document's
// times) and nothing has been written to its output yet.
void ExtractSentenceBySentence(const DocumentReader& reader, const Gazetteer& gazetteer,
                               const TimeTagger& tagger, size_t max_sentence_bytes,
                               std::vector<SkippedSentence>* skipped) {
  const Document& document = reader.document;
  DocumentScratch& scratch = *reader.scratch;
  if (scratch.mentions.empty()) scratch.mentions.resize(1);
  std::vector<Mention>& mentions = scratch.mentions[0];
  const TimeScan time_scan(tagger, document.text, document.date);
  MentionTracker tracker(gazetteer, document.date);
  for (const SentenceSpan& s : scratch.sentences) {
    if (!ReadMentions(document, s, max_sentence_bytes, &tracker, &mentions, skipped)) continue;
    reader.TagTimes(time_scan, s);
    reader.Match(s, mentions, tracker);
  }
}

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
  auto pack = LoadRulePack(sources, options.re2_max_mem, options.defer_known_patterns,
                           options.load_in_parallel);
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

void Extractor::Extract(const Document& document, std::vector<Fact>* facts,
                        std::vector<SkippedSentence>* skipped) const {
  FactList list;
  Extract(document, &list, skipped);
  facts->assign(std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
}

// A document is read in phases: mentions sentence by sentence, then the time
// expressions of each sentence that names two entities, then a view and
// matches for each such sentence. Each phase's code and tables stay
// in the caches for the whole document instead of taking turns every
// sentence. The facts are those of reading each sentence completely before
// the next, as long as no entity changes type between a sentence and the end
// of the document (a name first "unknown" may be typed by a later sentence,
// and a view shows the type known at its sentence): a document where that
// happens is read again sentence by sentence.
void Extractor::Extract(const Document& document, FactList* out,
                        std::vector<SkippedSentence>* skipped) const {
  out->Clear();
  const size_t skipped_before = skipped ? skipped->size() : 0;
  DocumentScratch& scratch = ThreadScratch();
  const DocumentReader reader{*impl_->pack, document, &scratch, out};
  const std::vector<SentenceSpan>& sentences = reader.Split();
  if (scratch.mentions.size() < sentences.size()) scratch.mentions.resize(sentences.size());
  scratch.viewed.clear();
  scratch.untyped.clear();
  MentionTracker tracker(*impl_->gazetteer, document.date);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!ReadMentions(document, sentences[i], impl_->options.max_sentence_bytes, &tracker,
                      &scratch.mentions[i], skipped)) {
      continue;
    }
    scratch.viewed.push_back(i);
    for (const Mention& m : scratch.mentions[i]) {
      for (int e : m.entities) {
        if (ascii::Is(tracker.entity(e).type, "unknown")) scratch.untyped.emplace_back(i, e);
      }
    }
  }
  for (const auto& [sentence, entity] : scratch.untyped) {
    if (!ascii::Is(tracker.entity(entity).type, "unknown")) {
      if (skipped) skipped->resize(skipped_before);
      ExtractSentenceBySentence(reader, *impl_->gazetteer, *impl_->tagger,
                                impl_->options.max_sentence_bytes, skipped);
      return;
    }
  }
  if (scratch.viewed.empty()) return;
  const TimeScan time_scan(*impl_->tagger, document.text, document.date);
  for (size_t i : scratch.viewed) reader.TagTimes(time_scan, sentences[i]);
  // News gives well under a fact a sentence; growing would move every fact
  // (a list kept across documents seldom grows at all).
  out->Reserve(scratch.viewed.size());
  for (size_t i : scratch.viewed) reader.Match(sentences[i], scratch.mentions[i], tracker);
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
