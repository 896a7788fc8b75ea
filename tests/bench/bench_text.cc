// Google Benchmark: the text side of kg in MB/s of document text — sentence
// splitting, time tagging (TimeTagger::Find) and the whole extraction
// (Extractor::Extract), one thread, on one corpus held in memory.
//
//   python3 tests/bench/gen_corpus.py --mb 5 -o /tmp/corpus.jsonl
//   KG_BENCH_CORPUS=/tmp/corpus.jsonl kg_bench_text
//
// KG_BENCH_CORPUS is any PATH kg reads (.jsonl, .txt, a directory); without it
// the shared dev articles are used, and the run is skipped when they are absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"

namespace kg::bench {
namespace {

struct Corpus {
  std::vector<Document> documents;
  size_t bytes = 0;
  std::string error;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    const char* env = std::getenv("KG_BENCH_CORPUS");
    const std::string path = env ? env : std::string(KG_SHARED_DIR) + "/corpus/dev";
    ReadOptions options;
    options.default_date = Date{2024, 1, 1};
    Result<std::vector<Document>> docs = ReadDocuments({path}, options);
    if (!docs.ok()) {
      c.error = "no corpus (set KG_BENCH_CORPUS): " + docs.status().ToString();
      return c;
    }
    c.documents = std::move(docs).value();
    for (const Document& d : c.documents) c.bytes += d.text.size();
    return c;
  }();
  return corpus;
}

// Runs `fn` over every document per iteration and reports document bytes/s.
template <typename Fn>
void OverCorpus(benchmark::State& state, Fn&& fn) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  size_t items = 0;
  for (auto _ : state) {
    for (const Document& d : corpus.documents) items += fn(d);
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["docs"] = static_cast<double>(corpus.documents.size());
  state.counters["items_per_pass"] = static_cast<double>(items) / state.iterations();
}

void BM_SplitSentences(benchmark::State& state) {
  OverCorpus(state, [](const Document& d) { return SplitSentences(d.text).size(); });
}

void BM_TimeTaggerFind(benchmark::State& state) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().ToString().c_str());
    return;
  }
  OverCorpus(state, [&](const Document& d) { return tagger->Find(d.text, d.date).size(); });
}

void BM_Extract(benchmark::State& state) {
  Result<Extractor> extractor = Extractor::Create({}, std::nullopt);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  OverCorpus(state, [&](const Document& d) { return extractor->Extract(d).size(); });
}

BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimeTaggerFind)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kg::bench

BENCHMARK_MAIN();
