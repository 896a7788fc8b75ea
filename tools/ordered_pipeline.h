// ProcessDocumentsInOrder: reads documents in batches, runs `work` on each
// document of a batch in parallel, then hands the results to `sink` in input
// order. The output is therefore identical for any number of jobs, and memory
// stays bounded by two batches however large the corpus is.
#ifndef KG_TOOLS_ORDERED_PIPELINE_H_
#define KG_TOOLS_ORDERED_PIPELINE_H_

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "tools/batch_workers.h"

namespace kg {

struct PipelineLimits {
  size_t max_batch_documents = 256;
  size_t max_batch_bytes = 32u << 20;
};

template <typename Output>
Status ProcessDocumentsInOrder(const std::vector<std::string>& paths, const ReadOptions& options,
                               int jobs, const std::function<Output(const Document&)>& work,
                               const std::function<Status(const Document&, Output&&)>& sink,
                               const PipelineLimits& limits = PipelineLimits()) {
  // Two batches in flight: while `jobs` threads work on one, this thread
  // writes the results of the one before and reads the next, so neither
  // reading nor writing leaves a core idle.
  struct Batch {
    std::vector<Document> documents;
    std::vector<Output> results;
    size_t bytes = 0;
  };
  Batch reading, working;
  // With one job the work runs on this thread, in order, as it always did.
  // More start with the first batch: no more threads than it has documents
  // (an absurd --jobs costs nothing), nor than the system will start.
  std::unique_ptr<BatchWorkers> workers;
  bool inline_work = jobs <= 1;

  auto start = [&](Batch* b) {
    b->results.assign(b->documents.size(), Output());
    auto run = [&work, b](size_t i) { b->results[i] = work(b->documents[i]); };
    if (!inline_work && !workers) {
      workers = std::make_unique<BatchWorkers>(
          std::min(static_cast<size_t>(jobs), std::max<size_t>(b->documents.size(), 1)));
      if (workers->threads() == 0) {
        workers.reset();
        inline_work = true;
      }
    }
    if (inline_work) {
      for (size_t i = 0; i < b->documents.size(); ++i) run(i);
      return;
    }
    workers->Start(b->documents.size(), run);
  };
  // The batch read so far goes to the workers once the previous one is done.
  auto hand_over = [&]() -> Status {
    Status status = Status::Ok();
    if (workers) workers->Wait();
    std::swap(reading, working);
    // `reading` now holds the finished batch: start the new one, then write.
    start(&working);
    for (size_t i = 0; i < reading.documents.size() && status.ok(); ++i) {
      status = sink(reading.documents[i], std::move(reading.results[i]));
    }
    reading.documents.clear();
    reading.results.clear();
    reading.bytes = 0;
    return status;
  };

  Status read = ForEachDocument(paths, options, [&](Document&& doc) -> Status {
    reading.bytes += doc.text.size();
    reading.documents.push_back(std::move(doc));
    if (reading.documents.size() >= limits.max_batch_documents ||
        reading.bytes >= limits.max_batch_bytes) {
      return hand_over();
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;  // the workers' destructor waits for their batch
  // Twice: the last batch read goes to work, then the worked one is written.
  for (int i = 0; i < 2; ++i) {
    if (Status s = hand_over(); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace kg

#endif  // KG_TOOLS_ORDERED_PIPELINE_H_
