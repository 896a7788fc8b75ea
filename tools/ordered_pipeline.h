// ProcessDocumentsInOrder: reads documents in batches, runs `work` on each
// document of a batch in parallel, then hands the results to `sink` in input
// order. The output is therefore identical for any number of jobs, and memory
// stays bounded by one batch however large the corpus is.
#ifndef KG_TOOLS_ORDERED_PIPELINE_H_
#define KG_TOOLS_ORDERED_PIPELINE_H_

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "extract/document.h"

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
  std::vector<Document> batch;
  std::vector<Output> results;
  size_t batch_bytes = 0;

  auto flush = [&]() -> Status {
    results.assign(batch.size(), Output());
    std::atomic<size_t> next{0};
    auto run = [&] {
      for (size_t i = next++; i < batch.size(); i = next++) results[i] = work(batch[i]);
    };
    const size_t threads = std::min<size_t>(static_cast<size_t>(jobs), batch.size());
    if (threads <= 1) {
      run();
    } else {
      std::vector<std::thread> pool;
      for (size_t t = 0; t < threads; ++t) pool.emplace_back(run);
      for (std::thread& t : pool) t.join();
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (Status s = sink(batch[i], std::move(results[i])); !s.ok()) return s;
    }
    batch.clear();
    batch_bytes = 0;
    return Status::Ok();
  };

  Status read = ForEachDocument(paths, options, [&](Document&& doc) -> Status {
    batch_bytes += doc.text.size();
    batch.push_back(std::move(doc));
    if (batch.size() >= limits.max_batch_documents || batch_bytes >= limits.max_batch_bytes) {
      return flush();
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return flush();
}

}  // namespace kg

#endif  // KG_TOOLS_ORDERED_PIPELINE_H_
