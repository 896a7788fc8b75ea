#include "graph/model/status.h"

namespace kg {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!file_.empty()) {
    out += file_;
    if (line_ > 0) {
      out += ':' + std::to_string(line_);
      if (column_ > 0) out += ':' + std::to_string(column_);
    }
    out += ": ";
  }
  return out + message_;
}

Status Status::InFile(const std::string& file) const {
  if (ok() || !file_.empty()) return *this;
  return Status(message_, file, line_, column_);
}

}  // namespace kg
