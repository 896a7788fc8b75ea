// ForEachDocument: turning PATH arguments into a stream of Documents.
//
// Directories are walked in byte order of the documents' relative paths
// (a directory sorts as its name plus "/", so "a.txt" comes before "a/b.txt",
// as it would in a sorted list of paths). Hidden entries (".git") are skipped.
// Every directory is identified by (device, inode) and read at most once,
// which is what keeps symlink cycles finite. Only one document, or one JSONL
// line, is in memory at a time; the directory listing itself is per directory.
#include "extract/document.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <system_error>
#include <utility>

#include "extract/document_parse.h"
#include "extract/manifest.h"

namespace kg {
namespace fs = std::filesystem;
namespace di = document_internal;

std::string FormatByteCount(uint64_t bytes) {
  static const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  int unit = 0;
  uint64_t scale = 1024;
  while (unit < 3 && bytes >= scale * 1024) {
    scale *= 1024;
    ++unit;
  }
  if (bytes % scale == 0) return std::to_string(bytes / scale) + " " + kUnits[unit];
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", static_cast<double>(bytes) / scale, kUnits[unit]);
  return text;
}

namespace document_internal {

Status DocumentTooLarge(const std::string& name, uint64_t size, size_t max_bytes) {
  const std::string cap = FormatByteCount(max_bytes) + " cap (--max-document-bytes)";
  if (size == 0) return Status::ErrorAt(name, 0, 0, "document is over the " + cap);
  return Status::ErrorAt(name, 0, 0, "document is " + FormatByteCount(size) + ", over the " + cap);
}

Result<std::string> ReadFileBytes(const std::string& path, const std::string& name,
                                  size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file)
    return Status::ErrorAt(name, 0, 0, "cannot open: " + std::generic_category().message(errno));
  struct stat st;
  if (fstat(fileno(file.get()), &st) != 0) {
    return Status::ErrorAt(name, 0, 0, "cannot stat: " + std::generic_category().message(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::ErrorAt(name, 0, 0, "is a directory, not a file");
  if (S_ISREG(st.st_mode) && static_cast<uintmax_t>(st.st_size) > max_bytes) {
    return DocumentTooLarge(name, static_cast<uint64_t>(st.st_size), max_bytes);
  }
  std::string bytes;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    bytes.append(buffer, n);
    // A file that grew since fstat, or a pipe: only "more than" is known.
    if (bytes.size() > max_bytes) return DocumentTooLarge(name, 0, max_bytes);
  }
  if (std::ferror(file.get())) {
    return Status::ErrorAt(name, 0, 0, "read error: " + std::generic_category().message(errno));
  }
  return bytes;
}

}  // namespace document_internal

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `dir/name` as the user would write it, for error messages.
std::string JoinDisplay(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Reads a FILE line by line without ever holding more than `max_bytes` of one line.
class LineReader {
 public:
  LineReader(FILE* file, size_t max_bytes) : file_(file), max_bytes_(max_bytes) {}

  // Next line without its "\n" into `line`; false at end of file or on error
  // (then `status()` says which).
  bool Next(std::string& line) {
    line.clear();
    for (;;) {
      if (pos_ == end_) {
        end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
        pos_ = 0;
        if (end_ == 0) {
          if (std::ferror(file_)) {
            status_ = Status::Error("read error: " + std::generic_category().message(errno));
            return false;
          }
          return !line.empty();  // a last line without "\n"
        }
      }
      const char* start = buffer_ + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      size_t take = nl ? static_cast<const char*>(nl) - start : end_ - pos_;
      if (line.size() + take > max_bytes_) {
        status_ = Status::Error("line is over the " + FormatByteCount(max_bytes_) +
                                " document cap (--max-document-bytes)");
        return false;
      }
      line.append(start, take);
      pos_ += take;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  const Status& status() const { return status_; }

 private:
  FILE* file_;
  size_t max_bytes_;
  char buffer_[1 << 16];
  size_t pos_ = 0, end_ = 0;
  Status status_;
};

class Reader {
 public:
  Reader(const ReadOptions& options, const std::function<Status(Document&&)>& sink,
         DateManifest* manifest)
      : options_(options), sink_(sink), manifest_(manifest) {}

  Status ReadPath(const std::string& path);

 private:
  Status Emit(Document&& doc) {
    if (!doc.date && dir_manifest_) doc.date = dir_manifest_->Find(doc.id);
    if (!doc.date && manifest_) doc.date = manifest_->Find(doc.id);
    if (!doc.date) doc.date = options_.default_date;
    ++count_;
    return sink_(std::move(doc));
  }
  Status ReadStdin();
  Status ReadTextFile(const std::string& path, const std::string& name, const std::string& id);
  Status ReadJsonlFile(const std::string& path, const std::string& name);
  // JSONL documents line by line; `base` names documents without an "id".
  Status ReadJsonlStream(FILE* file, const std::string& name, const std::string& base);
  Status ReadDirectory(const std::string& path);
  Status WalkDirectory(const fs::path& dir, const std::string& display, const std::string& rel);

  const ReadOptions& options_;
  const std::function<Status(Document&&)>& sink_;
  DateManifest* manifest_;
  DateManifest* dir_manifest_ = nullptr;
  std::set<std::pair<dev_t, ino_t>> visited_;
  size_t count_ = 0;
};

Status Reader::ReadPath(const std::string& path) {
  if (path == "-") return ReadStdin();
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return Status::ErrorAt(path, 0, 0, "cannot open: " + std::generic_category().message(errno));
  }
  if (S_ISDIR(st.st_mode)) return ReadDirectory(path);
  std::string base = fs::path(path).filename().string();
  if (EndsWith(base, ".jsonl")) return ReadJsonlFile(path, path);
  return ReadTextFile(path, path, base);
}

Status Reader::ReadStdin() {
  // Streaming mappers (GNU parallel, Hadoop Streaming, Spark pipe) feed JSONL
  // documents on stdin; those are read a line at a time, never as one document.
  if (options_.stdin_jsonl && !options_.stdin_stream) {
    return ReadJsonlStream(stdin, options_.stdin_name, options_.stdin_name);
  }
  std::istream& in = options_.stdin_stream ? *options_.stdin_stream : std::cin;
  const std::string& name = options_.stdin_name;
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > options_.max_document_bytes) {
      return di::DocumentTooLarge(name, 0, options_.max_document_bytes);
    }
  }
  if (in.bad()) return Status::ErrorAt(name, 0, 0, "read error on standard input");
  Result<Document> doc = di::ParseText(bytes, name);
  if (!doc.ok()) return doc.status();
  return Emit(std::move(*doc));
}

Status Reader::ReadTextFile(const std::string& path, const std::string& name,
                            const std::string& id) {
  Result<std::string> bytes = di::ReadFileBytes(path, name, options_.max_document_bytes);
  if (!bytes.ok()) return bytes.status();
  Result<Document> doc = di::ParseText(*bytes, name);
  if (!doc.ok()) return doc.status();
  doc->id = id;
  return Emit(std::move(*doc));
}

Status Reader::ReadJsonlFile(const std::string& path, const std::string& name) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file)
    return Status::ErrorAt(name, 0, 0, "cannot open: " + std::generic_category().message(errno));
  return ReadJsonlStream(file.get(), name, fs::path(path).filename().string());
}

Status Reader::ReadJsonlStream(FILE* file, const std::string& name, const std::string& base) {
  LineReader lines(file, options_.max_document_bytes);
  std::string line;
  int line_number = 0;
  size_t documents = 0;
  while (lines.Next(line)) {
    ++line_number;
    std::string_view view = line;
    if (line_number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (view.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<Document> doc = di::ParseJsonlLine(
        view, name, line_number, base + "#" + std::to_string(line_number), options_.max_json_depth);
    if (!doc.ok()) return doc.status();
    ++documents;
    if (Status s = Emit(std::move(*doc)); !s.ok()) return s;
  }
  if (!lines.status().ok()) {
    return Status::ErrorAt(name, line_number + 1, 0, lines.status().message());
  }
  if (documents == 0) return Status::ErrorAt(name, 0, 0, "no documents (the file is empty)");
  return Status::Ok();
}

Status Reader::ReadDirectory(const std::string& path) {
  std::optional<DateManifest> dir_manifest;
  fs::path manifest_path = fs::path(path) / "dates.csv";
  std::error_code ec;
  if (fs::exists(manifest_path, ec)) {
    Result<DateManifest> loaded =
        DateManifest::Load(manifest_path.string(), options_.max_document_bytes);
    if (!loaded.ok()) return loaded.status();
    dir_manifest.emplace(std::move(*loaded));
  }
  dir_manifest_ = dir_manifest ? &*dir_manifest : nullptr;
  visited_.clear();  // each PATH is read in full, even one given twice
  size_t before = count_;
  Status s = WalkDirectory(fs::path(path), path, "");
  dir_manifest_ = nullptr;
  if (!s.ok()) return s;
  if (count_ == before) {
    return Status::ErrorAt(path, 0, 0, "no documents (*.txt, *.jsonl) in this directory");
  }
  if (dir_manifest) return dir_manifest->CheckAllUsed();
  return Status::Ok();
}

Status Reader::WalkDirectory(const fs::path& dir, const std::string& display,
                             const std::string& rel) {
  struct stat st;
  if (stat(dir.c_str(), &st) != 0) {
    return Status::ErrorAt(display, 0, 0, "cannot open: " + std::generic_category().message(errno));
  }
  if (!visited_.insert({st.st_dev, st.st_ino}).second) return Status::Ok();  // a cycle or a twin

  struct Entry {
    std::string key;  // the name, plus "/" for a directory
    bool is_dir;
  };
  std::vector<Entry> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    bool wanted_file = EndsWith(name, ".txt") || EndsWith(name, ".jsonl");
    std::error_code type_ec;
    fs::file_status status = fs::status(it->path(), type_ec);  // follows symlinks
    if (type_ec) {
      if (!wanted_file) continue;  // e.g. a broken link we would not have read anyway
      return Status::ErrorAt(JoinDisplay(display, name), 0, 0, "cannot open: " + type_ec.message());
    }
    if (fs::is_directory(status)) {
      entries.push_back({name + "/", true});
    } else if (wanted_file) {
      // A FIFO or device found by a walk would block or never end; a path
      // given directly may still be one (e.g. a shell's <(...)).
      if (!fs::is_regular_file(status)) {
        return Status::ErrorAt(JoinDisplay(display, name), 0, 0, "not a regular file");
      }
      entries.push_back({name, false});
    }
  }
  if (ec) return Status::ErrorAt(display, 0, 0, "cannot read directory: " + ec.message());
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });

  for (const Entry& entry : entries) {
    std::string name = entry.is_dir ? entry.key.substr(0, entry.key.size() - 1) : entry.key;
    std::string child_display = JoinDisplay(display, name);
    std::string child_rel = rel.empty() ? name : rel + "/" + name;
    Status s = entry.is_dir ? WalkDirectory(dir / name, child_display, child_rel)
               : EndsWith(name, ".jsonl")
                   ? ReadJsonlFile((dir / name).string(), child_display)
                   : ReadTextFile((dir / name).string(), child_display, child_rel);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status ForEachDocument(const std::vector<std::string>& paths, const ReadOptions& options,
                       const std::function<Status(Document&&)>& sink) {
  if (paths.empty()) return Status::Error("no input: give a file, a directory or -");
  std::optional<DateManifest> manifest;
  if (!options.date_manifest.empty()) {
    Result<DateManifest> loaded =
        DateManifest::Load(options.date_manifest, options.max_document_bytes);
    if (!loaded.ok()) return loaded.status();
    manifest.emplace(std::move(*loaded));
  }
  Reader reader(options, sink, manifest ? &*manifest : nullptr);
  for (const std::string& path : paths) {
    if (Status s = reader.ReadPath(path); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<Document>> ReadDocuments(const std::vector<std::string>& paths,
                                            const ReadOptions& options) {
  std::vector<Document> documents;
  Status s = ForEachDocument(paths, options, [&](Document&& doc) {
    documents.push_back(std::move(doc));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return documents;
}

}  // namespace kg
