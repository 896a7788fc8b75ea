// ProcessDocumentsInOrder: reads documents, runs `work` on each on up to
// `jobs` threads, and hands the results to `sink` in input order, on the
// calling thread. The output is therefore identical for any number of jobs.
//
// Documents stream through a window of bounded size (PipelineLimits), so
// memory stays bounded however large the corpus is, and nothing waits for a
// whole batch: a worker that finishes a document takes the next one at once,
// and results are written in order as they come in. (Batches with a barrier
// between them left a core idle whenever the scheduler paused the worker
// holding a batch's last document: with two jobs on two cores, 15-50% of the
// runs took a third longer.) When the window is full, the reading thread
// sleeps until half of it is done, then writes and reads in a run: waking for
// every document that finished cost two context switches a document.
//
//   Status s = ProcessDocumentsInOrder<Facts>(paths, read_options, jobs,
//       [&](const Document& d) { return Extract(d); },
//       [&](const Document& d, Facts&& f) { return Write(d, f); });
#ifndef KG_TOOLS_ORDERED_PIPELINE_H_
#define KG_TOOLS_ORDERED_PIPELINE_H_

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "extract/document.h"

namespace kg {

struct PipelineLimits {
  // Documents read and not yet written: being worked on, or done and waiting
  // for an earlier one. A slow document holds back the writing of those
  // after it, not the work on them, until the window is full.
  size_t max_documents_in_flight = 512;
  // Their text; a single larger document still goes through, alone.
  size_t max_bytes_in_flight = 64u << 20;
};

namespace pipeline_internal {

// The window: a ring of slots filled by the reading thread, worked on by the
// worker threads in any order, and emptied by the reading thread in order.
// Slots between head_ and tail_ are in flight; claimed_ is the next one a
// worker takes. A slot is touched only by the thread that owns its stage,
// and the stage changes under the mutex.
template <typename Output>
class OrderedWindow {
 public:
  using Work = std::function<Output(const Document&)>;
  using Sink = std::function<Status(const Document&, Output&&)>;

  OrderedWindow(size_t jobs, const PipelineLimits& limits, const Work& work, const Sink& sink)
      : jobs_(jobs),
        max_bytes_(limits.max_bytes_in_flight),
        work_(work),
        sink_(sink),
        slots_(std::max<size_t>(limits.max_documents_in_flight, 1)),
        refill_(std::max<size_t>(slots_.size() / 2, 1)) {}

  // Stops the workers once their current documents are done; documents not
  // yet taken are dropped (after an error; Finish has written all others).
  ~OrderedWindow() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      claimed_ = tail_;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  OrderedWindow(const OrderedWindow&) = delete;
  OrderedWindow& operator=(const OrderedWindow&) = delete;

  // Puts a document in the window, first writing finished results to make
  // room if it is full, then any that are ready. Returns the sink's error.
  Status Add(Document&& document) {
    std::unique_lock<std::mutex> lock(mutex_);
    const size_t bytes = document.text.size();
    while (tail_ - head_ == slots_.size() || (tail_ > head_ && bytes_ + bytes > max_bytes_)) {
      WaitForHead(lock, /*eager=*/false);
      if (Status s = WriteDone(lock); !s.ok()) return s;
    }
    Slot& slot = At(tail_);
    slot.document = std::move(document);
    slot.done = false;
    bytes_ += bytes;
    ++tail_;
    if (tail_ - claimed_ > idle_ && threads_.size() < jobs_) StartThread();
    if (threads_.empty()) {
      WorkOnNext(lock, 1);  // no thread at all: the reading thread works itself
    } else {
      work_ready_.notify_one();
    }
    return WriteDone(lock);
  }

  // Writes every document still in the window, in order.
  Status Finish() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (head_ < tail_) {
      WaitForHead(lock, /*eager=*/true);
      if (Status s = WriteDone(lock); !s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  struct Slot {
    Document document;
    Output result;
    bool done = false;
  };

  Slot& At(uint64_t sequence) { return slots_[sequence % slots_.size()]; }

  // Whether the reading thread, waiting, should go on: the oldest document
  // is done and, unless it is `eager_`, so is half the window (or all of it).
  bool ReaderMayGo() const {
    if (!slots_[head_ % slots_.size()].done) return false;
    return eager_ || done_ >= refill_ || done_ == tail_ - head_;
  }

  void WaitForHead(std::unique_lock<std::mutex>& lock, bool eager) {
    eager_ = eager;
    if (ReaderMayGo()) return;
    reader_waiting_ = true;
    head_done_.wait(lock, [this] { return ReaderMayGo(); });
    reader_waiting_ = false;
  }

  // Hands the done documents at the head of the window to the sink, in
  // order, with the mutex released so the workers go on meanwhile.
  Status WriteDone(std::unique_lock<std::mutex>& lock) {
    while (head_ < tail_ && At(head_).done) {
      Slot& slot = At(head_);
      Document document = std::move(slot.document);
      Output result = std::move(slot.result);
      bytes_ -= document.text.size();
      --done_;
      ++head_;
      lock.unlock();
      Status s = sink_(document, std::move(result));
      lock.lock();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  // A thread counts as idle from its start: it will take a document at once.
  void StartThread() {
    try {
      threads_.emplace_back([this] { Loop(); });
      ++idle_;
    } catch (const std::system_error&) {
      jobs_ = threads_.size();  // the system gives no more: work with those there are
    }
  }

  // Works on the next `count` documents not yet taken, with the mutex
  // released meanwhile.
  void WorkOnNext(std::unique_lock<std::mutex>& lock, uint64_t count) {
    const uint64_t first = claimed_;
    claimed_ += count;
    lock.unlock();
    // The slots are this thread's until marked done under the mutex.
    for (uint64_t s = first; s < first + count; ++s) At(s).result = work_(At(s).document);
    lock.lock();
    for (uint64_t s = first; s < first + count; ++s) At(s).done = true;
    done_ += count;
  }

  void Loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return stopping_ || claimed_ < tail_; });
      if (claimed_ == tail_) return;
      --idle_;
      // Several documents a claim when many wait (one lock for all), but
      // no more than a share that leaves the other threads work.
      const uint64_t share = (tail_ - claimed_) / (2 * threads_.size());
      WorkOnNext(lock, std::clamp<uint64_t>(share, 1, kMostAClaim));
      ++idle_;
      if (reader_waiting_ && ReaderMayGo()) head_done_.notify_one();
    }
  }

  static constexpr uint64_t kMostAClaim = 8;

  size_t jobs_;
  const size_t max_bytes_;
  const Work& work_;
  const Sink& sink_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a document to take, or stop
  std::condition_variable head_done_;   // the reading thread may go on
  std::vector<Slot> slots_;
  const size_t refill_;  // documents done before a full window is written
  uint64_t head_ = 0, claimed_ = 0, tail_ = 0;
  size_t bytes_ = 0;  // text of the documents in flight
  size_t idle_ = 0;   // threads free to take a document
  size_t done_ = 0;   // documents in the window that are done
  bool reader_waiting_ = false;
  bool eager_ = false;  // the reading thread waits for the head alone
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pipeline_internal

template <typename Output>
Status ProcessDocumentsInOrder(const std::vector<std::string>& paths, const ReadOptions& options,
                               int jobs, const std::function<Output(const Document&)>& work,
                               const std::function<Status(const Document&, Output&&)>& sink,
                               const PipelineLimits& limits = PipelineLimits()) {
  // One job: each document is worked on and written before the next is read.
  if (jobs <= 1) {
    return ForEachDocument(paths, options, [&](Document&& document) -> Status {
      return sink(document, work(document));
    });
  }
  // Threads are started as documents arrive, so a small input (or an absurd
  // --jobs) starts no more threads than it has documents in flight.
  pipeline_internal::OrderedWindow<Output> window(static_cast<size_t>(jobs), limits, work, sink);
  Status written = Status::Ok();
  Status read = ForEachDocument(paths, options, [&](Document&& document) {
    written = window.Add(std::move(document));
    return written;
  });
  if (!written.ok()) return written;
  // The documents before a reading error are written, as with one job.
  written = window.Finish();
  return read.ok() ? written : read;
}

}  // namespace kg

#endif  // KG_TOOLS_ORDERED_PIPELINE_H_
