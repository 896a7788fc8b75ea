// ProcessDocumentsInOrder: every document is worked on once and written in
// input order for any number of jobs; the window bounds what is in flight;
// a slow document does not stop the work on the ones after it.
#include "tools/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/tools/run_command.h"

namespace kg {
namespace {

// A JSON Lines file of documents "0".."n-1", each with `text_bytes` of text.
class DocumentsFile {
 public:
  explicit DocumentsFile(int n, size_t text_bytes = 20, const std::string& tail = "")
      : dir_(testing::MakeTempDir("pipeline")) {
    std::string jsonl;
    for (int i = 0; i < n; ++i) {
      std::string text = "Document " + std::to_string(i) + ".";
      text.resize(std::max(text.size(), text_bytes), 'x');
      jsonl += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
    }
    testing::WriteFile(path(), jsonl + tail);
  }
  ~DocumentsFile() { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_ + "/docs.jsonl"; }

 private:
  std::string dir_;
};

int Index(const Document& d) { return std::stoi(d.id); }

TEST(OrderedPipelineTest, ResultsComeOutInInputOrderForAnyJobs) {
  const int n = 103;
  DocumentsFile file(n);
  PipelineLimits limits;
  limits.max_documents_in_flight = 4;
  for (int jobs : {1, 2, 5, 100000000}) {
    std::vector<std::string> seen;
    std::function<std::string(const Document&)> work = [](const Document& d) {
      return d.id + ":" + d.text;
    };
    std::function<Status(const Document&, std::string&&)> sink = [&](const Document& d,
                                                                     std::string&& out) {
      EXPECT_EQ(out, d.id + ":" + d.text);
      seen.push_back(d.id);
      return Status::Ok();
    };
    Status s = ProcessDocumentsInOrder({file.path()}, ReadOptions(), jobs, work, sink, limits);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(seen.size(), static_cast<size_t>(n)) << "jobs " << jobs;
    for (int i = 0; i < n; ++i) EXPECT_EQ(seen[i], std::to_string(i)) << "jobs " << jobs;
  }
}

// No document is read while the window holds max_documents_in_flight, or
// its text would pass max_bytes_in_flight (unless it goes alone).
TEST(OrderedPipelineTest, TheWindowBoundsWhatIsInFlight) {
  DocumentsFile small(200, 30);
  DocumentsFile large(20, 500);
  for (const DocumentsFile* file : {&small, &large}) {
    for (size_t max_documents : {1u, 3u, 16u}) {
      PipelineLimits limits;
      limits.max_documents_in_flight = max_documents;
      limits.max_bytes_in_flight = 100;
      std::atomic<int> written{0};
      std::atomic<int> worst{0};
      std::function<int(const Document&)> work = [&](const Document& d) {
        // Documents this one's reading found in flight, itself included.
        const int in_flight = Index(d) - written.load() + 1;
        int w = worst.load();
        while (in_flight > w && !worst.compare_exchange_weak(w, in_flight)) {
        }
        return Index(d);
      };
      std::function<Status(const Document&, int&&)> sink = [&](const Document& d, int&& i) {
        EXPECT_EQ(i, Index(d));
        ++written;
        return Status::Ok();
      };
      Status s = ProcessDocumentsInOrder({file->path()}, ReadOptions(), 2, work, sink, limits);
      ASSERT_TRUE(s.ok()) << s.ToString();
      const int by_bytes = file == &small ? 3 : 1;  // 100 bytes hold three texts of 30
      EXPECT_LE(worst.load(), std::min<int>(max_documents, by_bytes))
          << "window of " << max_documents;
    }
  }
}

// The work on document 0 waits until document 5's is done. With batches and
// a barrier between them (documents 0-3, then 4-7) it would wait forever;
// in the window, the other thread goes on past it.
TEST(OrderedPipelineTest, ASlowDocumentDoesNotHoldBackTheWorkAfterIt) {
  DocumentsFile file(12);
  PipelineLimits limits;
  limits.max_documents_in_flight = 8;
  std::mutex mutex;
  std::condition_variable fifth_done;
  bool fifth = false;
  bool waited_in_vain = false;
  std::vector<int> order;
  std::function<int(const Document&)> work = [&](const Document& d) {
    std::unique_lock<std::mutex> lock(mutex);
    if (Index(d) == 0) {
      waited_in_vain = !fifth_done.wait_for(lock, std::chrono::seconds(20), [&] { return fifth; });
    }
    if (Index(d) == 5) {
      fifth = true;
      fifth_done.notify_all();
    }
    return Index(d);
  };
  std::function<Status(const Document&, int&&)> sink = [&](const Document&, int&& i) {
    order.push_back(i);
    return Status::Ok();
  };
  Status s = ProcessDocumentsInOrder({file.path()}, ReadOptions(), 2, work, sink, limits);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(waited_in_vain);
  ASSERT_EQ(order.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(order[i], i);
}

// A sink error stops the run with that error, whatever the workers are doing.
TEST(OrderedPipelineTest, ASinkErrorStopsTheRun) {
  DocumentsFile file(40);
  PipelineLimits limits;
  limits.max_documents_in_flight = 3;
  for (int jobs : {1, 2}) {
    int written = 0;
    std::function<int(const Document&)> work = [](const Document&) { return 1; };
    std::function<Status(const Document&, int&&)> sink = [&](const Document&, int&&) {
      return ++written == 7 ? Status::Error("disk full") : Status::Ok();
    };
    Status s = ProcessDocumentsInOrder({file.path()}, ReadOptions(), jobs, work, sink, limits);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.message(), "disk full");
    EXPECT_EQ(written, 7) << "jobs " << jobs;
  }
}

// A line that is no document ends the run with its error, after the
// documents before it are written: the same output for any number of jobs.
TEST(OrderedPipelineTest, DocumentsBeforeAReadingErrorAreWritten) {
  DocumentsFile file(20, 20, "{\"id\": \"broken\n{\"id\":\"after\",\"text\":\"x\"}\n");
  for (int jobs : {1, 2, 4}) {
    std::vector<int> seen;
    std::function<int(const Document&)> work = [](const Document& d) { return Index(d); };
    std::function<Status(const Document&, int&&)> sink = [&](const Document&, int&& i) {
      seen.push_back(i);
      return Status::Ok();
    };
    Status s = ProcessDocumentsInOrder({file.path()}, ReadOptions(), jobs, work, sink);
    EXPECT_FALSE(s.ok()) << "jobs " << jobs;
    ASSERT_EQ(seen.size(), 20u) << "jobs " << jobs;
    for (int i = 0; i < 20; ++i) EXPECT_EQ(seen[i], i);
  }
}

// Threads start as documents arrive: three documents never need more than
// three, whatever --jobs says, and the work never runs on the reading thread.
TEST(OrderedPipelineTest, StartsNoMoreThreadsThanItHasDocuments) {
  DocumentsFile file(3);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::function<int(const Document&)> work = [&](const Document& d) {
    std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
    return Index(d);
  };
  std::function<Status(const Document&, int&&)> sink = [](const Document&, int&&) {
    return Status::Ok();
  };
  Status s = ProcessDocumentsInOrder({file.path()}, ReadOptions(), 1000, work, sink);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_LE(threads.size(), 3u);
  EXPECT_GE(threads.size(), 1u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);
}

}  // namespace
}  // namespace kg
