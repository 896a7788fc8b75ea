// Throughput of TimeTagger::Find on the TempEval-3 training texts (the figure
// quoted in docs/time.md). The bound is loose: it catches the tagger falling
// off RE2's DFA (e.g. a rule that blows the DFA budget), not small slowdowns.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/time/time_expression.h"

namespace kg {
namespace {

// The text inside <TEXT>...</TEXT> of each .tml file, tags removed.
std::vector<std::string> LoadTexts(const std::filesystem::path& dir) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tml") continue;
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string xml = buf.str();
    size_t begin = xml.find("<TEXT>");
    size_t end = xml.find("</TEXT>");
    if (begin == std::string::npos || end == std::string::npos) continue;
    std::string text;
    bool in_tag = false;
    for (size_t i = begin + 6; i < end; ++i) {
      if (xml[i] == '<') in_tag = true;
      if (!in_tag) text += xml[i];
      if (xml[i] == '>') in_tag = false;
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

TEST(TimeSpeedTest, ThroughputOnTempEvalTraining) {
  const std::filesystem::path dir =
      std::filesystem::path(KG_SHARED_DIR) / "data/tempeval3/train-timebank";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no TempEval-3 data at " << dir;
  const std::vector<std::string> texts = LoadTexts(dir);
  ASSERT_FALSE(texts.empty());
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const Date reference{1998, 3, 1};
  size_t found = 0;
  size_t bytes = 0;
  // The first pass fills RE2's lazily built DFA caches; the timed passes
  // after it measure the steady state a long corpus run sees.
  for (const std::string& t : texts) found += tagger->Find(t, reference).size();
  const int passes = 5;
  // CPU time, not wall time: the build machine is shared, and a busy
  // neighbour should not halve the figure.
  const std::clock_t cpu_start = std::clock();
  auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < passes; ++pass) {
    for (const std::string& t : texts) {
      found += tagger->Find(t, reference).size();
      bytes += t.size();
    }
  }
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb_per_s = bytes / cpu_seconds / 1e6;
  std::printf("TimeTagger::Find: %.1f MB/s of CPU time (%.1f MB/s wall; %zu bytes, %zu found)\n",
              mb_per_s, bytes / wall_seconds / 1e6, bytes, found);
  RecordProperty("mb_per_s", std::to_string(mb_per_s));
  EXPECT_GT(mb_per_s, 1.0);
}

}  // namespace
}  // namespace kg
