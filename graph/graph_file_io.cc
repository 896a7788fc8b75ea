// SaveGraph and LoadGraph: the file-system side of the graph file. Saving
// writes a temporary file next to the target, fsyncs it, renames it into place
// and fsyncs the directory, so a crash leaves the old file or the new one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "graph/graph_file.h"
#include "graph/graph_file_format.h"

namespace kg {
namespace {

std::string SystemError(int err) { return std::strerror(err); }

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool WriteAll(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Reads the payload from the file, in the sizes the decoder asks for.
class FdSource : public PayloadSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}

 private:
  long ReadSome(char* dst, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, dst, n);
      if (got >= 0) return static_cast<long>(got);
      if (errno != EINTR) {
        error_ = SystemError(errno);
        return -1;
      }
    }
  }
  int fd_;
};

// Reads until `n` bytes or the end of the file; returns how many, or -1.
ssize_t ReadFully(int fd, char* dst, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t got = ::read(fd, dst + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(got);
  }
  return static_cast<ssize_t>(done);
}

Result<TemporalGraph> LoadOpenGraph(int fd, const std::string& path, uint64_t size) {
  auto error = [&](const std::string& message) { return Status::ErrorAt(path, 0, 0, message); };
  char head[kGraphHeaderSize];
  ssize_t got = ReadFully(fd, head, std::min<uint64_t>(size, kGraphHeaderSize));
  if (got < 0) return error("cannot read graph: " + SystemError(errno));
  GraphFileHeader header;
  if (std::string bad = ParseGraphHeader(std::string_view(head, got), size, &header);
      !bad.empty()) {
    return error(bad);
  }
  if (header.version == 1) {  // old files: decoded from memory, as they always were
    std::string bytes(head, kGraphHeaderSize);
    bytes.resize(kGraphHeaderSize + header.payload_size);
    got = ReadFully(fd, bytes.data() + kGraphHeaderSize, header.payload_size);
    if (got < 0) return error("cannot read graph: " + SystemError(errno));
    bytes.resize(kGraphHeaderSize + got);
    return DecodeGraph(bytes, path);
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  FdSource source(fd);
  TemporalGraph graph;
  if (std::string bad = DecodeVersion2(&source, header, &graph); !bad.empty()) return error(bad);
  return graph;
}

}  // namespace

Status SaveGraph(const TemporalGraph& graph, const std::string& path) {
  // The payload's pieces are the graph's own arrays: written where they are,
  // never copied into one buffer as large as the file.
  Version2Payload payload(graph);
  const std::string header = GraphHeaderBytes(kGraphFileVersion, payload.size(), payload.crc());
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
  if (!WriteAll(fd, header)) return fail("cannot write graph");
  for (std::string_view piece : payload.pieces()) {
    if (!WriteAll(fd, piece)) return fail("cannot write graph");
  }
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
  Result<TemporalGraph> graph = LoadOpenGraph(fd, path, static_cast<uint64_t>(st.st_size));
  ::close(fd);
  return graph;
}

}  // namespace kg
