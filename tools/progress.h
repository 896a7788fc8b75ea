// Progress: a one-line status on a terminal for long runs (documents, MB,
// MB/s), redrawn at most a few times a second and erased at the end. Silent
// when stderr is not a terminal, so piped and CI output stay clean.
#ifndef KG_TOOLS_PROGRESS_H_
#define KG_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace kg {

class Progress {
 public:
  // `total_bytes` may be 0 when unknown (stdin); then no ETA is shown.
  explicit Progress(size_t total_bytes);
  ~Progress();  // erases the line

  void Add(size_t documents, size_t bytes);

 private:
  void Draw();

  bool enabled_;
  size_t total_bytes_;
  size_t documents_ = 0;
  size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// Sum of the sizes of regular files under `paths` (recursively), for the ETA.
size_t TotalInputBytes(const std::vector<std::string>& paths);

}  // namespace kg

#endif  // KG_TOOLS_PROGRESS_H_
