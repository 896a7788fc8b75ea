// SaveGraph and LoadGraph: the file-system side of the graph file. Saving
// writes a temporary file next to the target, fsyncs it, renames it into place
// and fsyncs the directory, so a crash leaves the old file or the new one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "graph/graph_file.h"

namespace kg {
namespace {

std::string SystemError(int err) { return std::strerror(err); }

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

Status SaveGraph(const TemporalGraph& graph, const std::string& path) {
  std::string bytes = EncodeGraph(graph);
  std::string dir = DirectoryOf(path);
  size_t slash = path.rfind('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + "/." + base + ".tmp.XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return Status::ErrorAt(path, 0, 0,
                           "cannot create a temporary file in " + dir + ": " + SystemError(errno));
  }
  auto fail = [&](const std::string& what) {
    int err = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return Status::ErrorAt(path, 0, 0, what + ": " + SystemError(err));
  };
  if (!WriteAll(fd, bytes)) return fail("cannot write graph");
  if (::fchmod(fd, 0644) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot sync graph to disk");
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot close graph file");
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot move graph into place");
  // Make the rename itself durable; failure here does not lose data already written.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Status::Ok();
}

Result<TemporalGraph> LoadGraph(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::ErrorAt(path, 0, 0, "cannot open graph: " + SystemError(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::ErrorAt(path, 0, 0, "not a regular file");
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::ErrorAt(path, 0, 0, "cannot read graph: " + SystemError(err));
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return DecodeGraph(bytes, path);
}

}  // namespace kg
