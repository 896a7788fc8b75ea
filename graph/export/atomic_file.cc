#include "graph/export/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kg {
namespace {

// Creates a new, empty file next to `path` that no one else has; "wx" is
// C11's exclusive create, so a concurrent export picks the next name.
Result<std::string> CreateTemporary(const std::string& path) {
  for (int i = 0; i < 1000; ++i) {
    std::string candidate = path + ".tmp" + std::to_string(i);
    if (FILE* f = std::fopen(candidate.c_str(), "wx")) {
      std::fclose(f);
      return candidate;
    }
    if (errno != EEXIST) return Status::Error(path + ": cannot create: " + std::strerror(errno));
  }
  return Status::Error(path + ": cannot create a temporary file beside it");
}

}  // namespace

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write) {
  Result<std::string> temp = CreateTemporary(path);
  if (!temp.ok()) return temp.status();
  Status status;
  {
    std::ofstream out(*temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      status = Status::Error(path + ": cannot write");
    } else {
      status = write(out);
      out.flush();
      if (status.ok() && !out) status = Status::Error(path + ": write failed");
    }
  }
  std::error_code ec;
  if (status.ok()) {
    std::filesystem::rename(*temp, path, ec);
    if (ec) status = Status::Error(path + ": cannot replace: " + ec.message());
  }
  if (!status.ok()) std::filesystem::remove(*temp, ec);
  return status;
}

Status WriteFilesAtomically(const std::string& dir, const std::vector<NamedText>& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Error(dir + ": cannot create directory: " + ec.message());
  std::vector<std::string> temps;
  Status status;
  for (const NamedText& file : files) {
    std::string path = (std::filesystem::path(dir) / file.name).string();
    Result<std::string> temp = CreateTemporary(path);
    if (!temp.ok()) {
      status = temp.status();
      break;
    }
    temps.push_back(*temp);
    std::ofstream out(*temp, std::ios::binary | std::ios::trunc);
    out << *file.text;
    out.flush();
    if (!out) {
      status = Status::Error(path + ": write failed");
      break;
    }
    if (file.executable) {
      using std::filesystem::perms;
      std::filesystem::permissions(*temp,
                                   perms::owner_exec | perms::group_exec | perms::others_exec,
                                   std::filesystem::perm_options::add, ec);
    }
  }
  for (size_t i = 0; status.ok() && i < temps.size(); ++i) {
    std::filesystem::rename(temps[i], std::filesystem::path(dir) / files[i].name, ec);
    if (ec) status = Status::Error(dir + "/" + files[i].name + ": cannot replace: " + ec.message());
  }
  if (!status.ok()) {
    for (const std::string& temp : temps) std::filesystem::remove(temp, ec);
  }
  return status;
}

}  // namespace kg
