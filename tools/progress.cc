#include "tools/progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace kg {

Progress::Progress(size_t total_bytes)
    : enabled_(::isatty(STDERR_FILENO) == 1),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (enabled_ && documents_ > 0) std::fprintf(stderr, "\r\033[K");
}

void Progress::Add(size_t documents, size_t bytes) {
  documents_ += documents;
  bytes_ += bytes;
  auto now = std::chrono::steady_clock::now();
  if (enabled_ && now - last_draw_ > std::chrono::milliseconds(200)) {
    last_draw_ = now;
    Draw();
  }
}

void Progress::Draw() {
  double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
  double mb = bytes_ / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  std::fprintf(stderr, "\r\033[K%zu documents, %.1f MB, %.1f MB/s", documents_, mb, rate);
  if (total_bytes_ > bytes_ && rate > 0) {
    std::fprintf(stderr, ", ETA %.0f s", (total_bytes_ - bytes_) / 1e6 / rate);
  }
  std::fflush(stderr);
}

size_t TotalInputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (path == "-") continue;
    if (fs::is_regular_file(path, ec)) {
      total += fs::file_size(path, ec);
      continue;
    }
    // skip_permission_denied and no symlink following: an estimate must never fail or loop.
    for (fs::recursive_directory_iterator
             it(path, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
  }
  return total;
}

}  // namespace kg
