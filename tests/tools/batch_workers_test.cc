// BatchWorkers and ProcessDocumentsInOrder: every task of every batch runs
// exactly once, and results come out in input order for any number of jobs.
#include "tools/batch_workers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/tools/run_command.h"
#include "tools/ordered_pipeline.h"

namespace kg {
namespace {

TEST(BatchWorkersTest, EveryTaskOfEveryBatchRunsOnce) {
  for (size_t threads : {1u, 2u, 7u}) {
    BatchWorkers workers(threads);
    for (size_t count : {0u, 1u, 5u, 1000u, 3u}) {
      std::vector<std::atomic<int>> runs(count);
      workers.Start(count, [&](size_t i) { ++runs[i]; });
      workers.Wait();
      for (size_t i = 0; i < count; ++i) {
        EXPECT_EQ(runs[i].load(), 1) << "threads " << threads << ", task " << i << " of " << count;
      }
    }
  }
}

TEST(BatchWorkersTest, TasksRunOnTheSameThreadsFromBatchToBatch) {
  BatchWorkers workers(2);
  std::mutex mutex;
  std::set<std::thread::id> seen;
  for (int batch = 0; batch < 50; ++batch) {
    workers.Start(20, [&](size_t) {
      std::lock_guard<std::mutex> lock(mutex);
      seen.insert(std::this_thread::get_id());
    });
    workers.Wait();
  }
  EXPECT_LE(seen.size(), 2u);
  EXPECT_EQ(seen.count(std::this_thread::get_id()), 0u);
}

TEST(BatchWorkersTest, StopsWithABatchInFlightOrNone) {
  { BatchWorkers idle(3); }
  std::atomic<int> runs{0};
  {
    BatchWorkers busy(2);
    busy.Start(100, [&](size_t) { ++runs; });
  }  // the destructor waits for the batch
  EXPECT_EQ(runs.load(), 100);
}

// Documents "0".."n-1" through the pipeline with small batches: the sink sees
// each document once, in input order, with its own result.
TEST(OrderedPipelineTest, ResultsComeOutInInputOrderForAnyJobs) {
  const std::string dir = testing::MakeTempDir("pipeline");
  std::string jsonl;
  const int n = 103;
  for (int i = 0; i < n; ++i) {
    jsonl += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Document number " +
             std::to_string(i) + ".\"}\n";
  }
  const std::string path = dir + "/docs.jsonl";
  testing::WriteFile(path, jsonl);
  PipelineLimits limits;
  limits.max_batch_documents = 4;
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
    Status s = ProcessDocumentsInOrder({path}, ReadOptions(), jobs, work, sink, limits);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(seen.size(), static_cast<size_t>(n)) << "jobs " << jobs;
    for (int i = 0; i < n; ++i) EXPECT_EQ(seen[i], std::to_string(i)) << "jobs " << jobs;
  }
  std::filesystem::remove_all(dir);
}

// A sink error stops the run with that error, whatever the workers are doing.
TEST(OrderedPipelineTest, ASinkErrorStopsTheRun) {
  const std::string dir = testing::MakeTempDir("pipeline");
  std::string jsonl;
  for (int i = 0; i < 40; ++i) jsonl += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"x.\"}\n";
  testing::WriteFile(dir + "/docs.jsonl", jsonl);
  PipelineLimits limits;
  limits.max_batch_documents = 3;
  int written = 0;
  std::function<int(const Document&)> work = [](const Document&) { return 1; };
  std::function<Status(const Document&, int&&)> sink = [&](const Document&, int&&) {
    return ++written == 7 ? Status::Error("disk full") : Status::Ok();
  };
  Status s = ProcessDocumentsInOrder({dir + "/docs.jsonl"}, ReadOptions(), 2, work, sink, limits);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(written, 7);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kg
