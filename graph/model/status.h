// Status and Result<T>: how kg's libraries report bad input without throwing.
//
// A Status is ok, or carries an error message and, where the input has one, the
// location of the problem (file, 1-based line and column). Libraries return
// these; only tools/ turns them into a one-line message and an exit status.
//
//   Result<Graph> g = LoadGraph(path);
//   if (!g.ok()) return Fail(g.status());   // "g.kg: truncated graph file"
//   Use(*g);
#ifndef KG_GRAPH_MODEL_STATUS_H_
#define KG_GRAPH_MODEL_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace kg {

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message), "", 0, 0); }
  // An error in `file`, at 1-based `line` and `column` (0 when unknown).
  static Status ErrorAt(std::string file, int line, int column, std::string message) {
    return Status(std::move(message), std::move(file), line, column);
  }

  bool ok() const { return !error_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // "file:line:column: message", dropping the parts that are unknown.
  std::string ToString() const;

  // The same error, located in `file` if it did not name one yet.
  Status InFile(const std::string& file) const;

 private:
  Status(std::string message, std::string file, int line, int column)
      : error_(true),
        message_(std::move(message)),
        file_(std::move(file)),
        line_(line),
        column_(column) {}

  bool error_ = false;
  std::string message_;
  std::string file_;
  int line_ = 0;
  int column_ = 0;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace kg

#endif  // KG_GRAPH_MODEL_STATUS_H_
