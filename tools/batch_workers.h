// BatchWorkers: a fixed set of threads that run one batch of indexed tasks at
// a time. ProcessDocumentsInOrder keeps one for a whole run: a thread per
// batch would start every batch with cold per-thread buffers (the extractor
// keeps its scratch per thread) and pay for thread creation each time.
//
//   BatchWorkers workers(2);
//   workers.Start(n, [&](size_t i) { results[i] = Work(inputs[i]); });
//   ...                     // this thread is free meanwhile
//   workers.Wait();         // every task of the batch has run
#ifndef KG_TOOLS_BATCH_WORKERS_H_
#define KG_TOOLS_BATCH_WORKERS_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kg {

class BatchWorkers {
 public:
  // Up to `threads` threads: fewer if the system will not start more
  // (threads() says how many; with none, a caller must do the work itself).
  explicit BatchWorkers(size_t threads);
  ~BatchWorkers();  // waits for the batch in flight, then stops the threads
  BatchWorkers(const BatchWorkers&) = delete;
  BatchWorkers& operator=(const BatchWorkers&) = delete;

  // Runs task(0) .. task(count - 1) on the threads, each index once, and
  // returns at once. The previous batch must have been waited for.
  void Start(size_t count, std::function<void(size_t)> task);
  // Blocks until every task of the batch started last has returned.
  void Wait();

  size_t threads() const { return threads_.size(); }

 private:
  void Loop();

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::function<void(size_t)> task_;
  size_t count_ = 0;
  std::atomic<size_t> next_{0};
  size_t busy_ = 0;          // threads still inside the current batch
  unsigned generation_ = 0;  // batches started; a thread runs each once
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kg

#endif  // KG_TOOLS_BATCH_WORKERS_H_
