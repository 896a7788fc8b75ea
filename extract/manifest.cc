// DateManifest: parsing the "file,date" CSV and tracking which entries matched.
#include "extract/manifest.h"

#include <string>

#include "extract/document_parse.h"

namespace kg {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

Result<DateManifest> DateManifest::Parse(std::string_view text, const std::string& name) {
  if (Status s = document_internal::CheckTextBytes(text, name); !s.ok()) return s;
  size_t column_shift = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    column_shift = 3;
  }
  DateManifest manifest;
  manifest.name_ = name;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    size_t shift = line_number == 1 ? column_shift : 0;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    size_t comma = line.rfind(',');
    if (comma == std::string_view::npos) {
      return Status::ErrorAt(name, line_number, 1, "expected 'file,date'");
    }
    std::string_view file = Trim(line.substr(0, comma));
    std::string_view date_text = Trim(line.substr(comma + 1));
    if (file == "file" && date_text == "date") continue;  // the header
    int date_column = static_cast<int>(comma + 2 + shift);
    if (file.empty()) return Status::ErrorAt(name, line_number, 1, "empty file name");
    std::optional<Date> date = ParseDate(date_text);
    if (!date) {
      return Status::ErrorAt(
          name, line_number, date_column,
          "bad date '" + std::string(date_text) + "': expected YYYY-MM-DD, a real calendar date");
    }
    auto [it, inserted] =
        manifest.entries_.try_emplace(std::string(file), Entry{*date, line_number});
    if (!inserted) {
      return Status::ErrorAt(name, line_number, 1,
                             "'" + std::string(file) + "' is listed twice (first on line " +
                                 std::to_string(it->second.line) + ")");
    }
  }
  return manifest;
}

Result<DateManifest> DateManifest::Load(const std::string& path, size_t max_bytes) {
  Result<std::string> bytes = document_internal::ReadFileBytes(path, path, max_bytes);
  if (!bytes.ok()) return bytes.status();
  return Parse(*bytes, path);
}

std::optional<Date> DateManifest::Find(const std::string& id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return std::nullopt;
  it->second.used = true;
  return it->second.date;
}

Status DateManifest::CheckAllUsed() const {
  const std::pair<const std::string, Entry>* first = nullptr;
  for (const auto& entry : entries_) {
    if (!entry.second.used && (first == nullptr || entry.second.line < first->second.line)) {
      first = &entry;
    }
  }
  if (first == nullptr) return Status::Ok();
  return Status::ErrorAt(name_, first->second.line, 1,
                         "no document '" + first->first + "' to give this date to");
}

}  // namespace kg
