// Extractor: documents in, facts out — the whole extraction pipeline
// (sentences -> entity mentions -> relation matches -> polarity -> time).
//
//   Result<Extractor> ex = Extractor::Create({}, std::nullopt);  // built-in packs
//   if (!ex.ok()) return ex.status();     // e.g. "my.yaml:12:5: unknown key 'patern' ..."
//   std::vector<Fact> facts = ex->Extract(document);
//
// Create loads and validates every rule file completely before returning: a rule
// set is never half-loaded. Extract is const and thread-safe, so one Extractor
// serves many threads; its output order is deterministic.
#ifndef KG_EXTRACT_EXTRACTOR_H_
#define KG_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/fact_list.h"
#include "graph/model/fact.h"
#include "graph/model/status.h"

namespace kg {

// A rule file's name (for error messages) and its YAML text.
struct RuleSource {
  std::string name;
  std::string text;
};

// One example written in a rule file that did not come out as written.
struct RuleExampleFailure {
  std::string file;
  int line = 0;
  std::string rule;
  std::string message;  // what was expected and what was extracted
};

struct RuleTestReport {
  int passed = 0;
  std::vector<RuleExampleFailure> failures;
};

// Caps that keep one rule or one document from taking unbounded memory or
// time; docs/reliability.md lists them with their kg flags.
struct ExtractorOptions {
  // Longer sentences are skipped, not matched, and reported by Extract
  // (kg --max-sentence-bytes); news sentences are well under 2 KiB.
  size_t max_sentence_bytes = size_t{64} << 10;
  // RE2 memory budget of each relation pattern: a pattern that needs more is a
  // load error (kg --re2-max-mem).
  int64_t re2_max_mem = int64_t{4} << 20;
  // Compile the built-in pack's relation patterns on first use rather than at
  // load (LoadRulePack): start-up for `kg extract`; `kg rules` compiles all.
  bool defer_known_patterns = false;
  // Read the time rules on a second thread while the rule pack loads, and
  // build the pack's prefilter on a third (LoadRulePack). For callers that
  // will run several jobs anyway (kg extract --jobs 2 and up): start-up is
  // otherwise serial and caps what a second job adds.
  bool load_in_parallel = false;
};

// A sentence Extract passed over because it is longer than the cap.
struct SkippedSentence {
  size_t begin = 0;  // byte offsets into Document::text
  size_t end = 0;
};

class Extractor {
 public:
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // `packs`: relation/entity rule files (empty: the built-in rules/news.yaml).
  // `time_rules`: the time expression rules (nullopt: the built-in rules/time.yaml).
  static Result<Extractor> Create(const std::vector<RuleSource>& packs,
                                  const std::optional<RuleSource>& time_rules);
  static Result<Extractor> Create(const std::vector<RuleSource>& packs,
                                  const std::optional<RuleSource>& time_rules,
                                  const ExtractorOptions& options);

  // Facts of one document, in document order. Sentences over the cap are
  // appended to `skipped` when it is not null.
  std::vector<Fact> Extract(const Document& document) const;
  std::vector<Fact> Extract(const Document& document, std::vector<SkippedSentence>* skipped) const;
  // The same, written into `*facts` (its old contents replaced).
  void Extract(const Document& document, std::vector<Fact>* facts,
               std::vector<SkippedSentence>* skipped) const;
  // The same, into a FactList (its old facts forgotten): a caller that
  // extracts many documents keeps one list, and its records' strings keep
  // their buffers from one document to the next.
  void Extract(const Document& document, FactList* facts,
               std::vector<SkippedSentence>* skipped) const;

  // Runs the examples written inside the loaded rule files (`kg rules test`).
  RuleTestReport TestExamples() const;

  // Entity names and aliases from the gazetteer, so a graph can resolve them.
  std::vector<std::pair<std::string, std::string>> Aliases() const;  // (canonical, alias)

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

#endif  // KG_EXTRACT_EXTRACTOR_H_
