// BatchWorkers: see batch_workers.h.
#include "tools/batch_workers.h"

#include <system_error>

namespace kg {

BatchWorkers::BatchWorkers(size_t threads) {
  for (size_t t = 0; t < threads; ++t) {
    try {
      threads_.emplace_back([this] { Loop(); });
    } catch (const std::system_error&) {
      break;  // the system gives no more: work with those there are
    }
  }
}

BatchWorkers::~BatchWorkers() {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void BatchWorkers::Start(size_t count, std::function<void(size_t)> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = std::move(task);
    count_ = count;
    next_ = 0;
    busy_ = threads_.size();
    ++generation_;
  }
  work_ready_.notify_all();
}

void BatchWorkers::Wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  batch_done_.wait(lock, [this] { return busy_ == 0; });
}

void BatchWorkers::Loop() {
  unsigned seen = 0;
  for (;;) {
    size_t count;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      count = count_;
    }
    // task_ and count_ change only in Start, after every thread has left
    // this loop's body (Wait saw busy_ == 0).
    for (size_t i = next_++; i < count; i = next_++) task_(i);
    std::lock_guard<std::mutex> lock(mutex_);
    if (--busy_ == 0) batch_done_.notify_all();
  }
}

}  // namespace kg
