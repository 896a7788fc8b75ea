// Cell: one value in a query answer's table — nothing, yes/no, an integer, a
// number, text, or a list of cells. Text is copied in, except through
// Cell::Ref, which keeps a view of a string that outlives the answer (the
// graph's names, relations and fact ids): a neighbors answer on a hub has tens
// of thousands of rows, and copying every name into its own allocation was
// most of the cost of building them.
//
//   std::vector<Cell> row = {depth, Cell::Ref(entity.name), FormatFactTime(g, f)};
//   row[0].integer();  row[1].text();
#ifndef KG_GRAPH_ANSWER_CELL_H_
#define KG_GRAPH_ANSWER_CELL_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace kg {

class Cell {
 public:
  enum class Kind { kNull, kBool, kInteger, kUnsigned, kNumber, kText, kList };

  Cell() = default;  // null
  Cell(std::nullptr_t) {}
  Cell(bool value) : value_(value) {}
  // Signed integers are kInteger, unsigned ones kUnsigned (as JSON libraries
  // tell them apart); both print as plain decimals.
  template <typename Integer,
            std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool> &&
                                 !std::is_same_v<Integer, char>,
                             int> = 0>
  Cell(Integer value) {
    if constexpr (std::is_signed_v<Integer>) {
      value_ = static_cast<int64_t>(value);
    } else {
      value_ = static_cast<uint64_t>(value);
    }
  }
  Cell(double value) : value_(value) {}
  Cell(const char* text) : value_(std::string(text)) {}
  Cell(std::string text) : value_(std::move(text)) {}
  Cell(std::string_view text) : value_(std::string(text)) {}
  Cell(const std::vector<std::string>& items);
  Cell(std::vector<Cell> items) : value_(std::move(items)) {}

  // Text not copied: `text` must outlive the cell and every copy of it.
  static Cell Ref(std::string_view text) {
    Cell c;
    c.value_ = TextRef{text};
    return c;
  }
  // A JSON value as a cell (objects become their JSON text).
  static Cell FromJson(const nlohmann::json& value);

  Kind kind() const {
    constexpr Kind kKinds[] = {Kind::kNull,   Kind::kBool, Kind::kInteger, Kind::kUnsigned,
                               Kind::kNumber, Kind::kText, Kind::kText,    Kind::kList};
    return kKinds[value_.index()];
  }
  bool boolean() const { return std::get<bool>(value_); }
  int64_t integer() const { return std::get<int64_t>(value_); }
  uint64_t unsigned_integer() const { return std::get<uint64_t>(value_); }
  double number() const { return std::get<double>(value_); }
  std::string_view text() const {  // "" unless kText
    if (const auto* owned = std::get_if<std::string>(&value_)) return *owned;
    if (const auto* ref = std::get_if<TextRef>(&value_)) return ref->text;
    return {};
  }
  const std::vector<Cell>& list() const { return std::get<std::vector<Cell>>(value_); }

  // The cell as JSON (what `--format json` writes for it).
  nlohmann::json ToJson() const;

  // Same kind and value; integers of either signedness by value, and text
  // whether copied or referenced.
  friend bool operator==(const Cell& a, const Cell& b);

 private:
  struct TextRef {
    std::string_view text;
  };
  std::variant<std::monostate, bool, int64_t, uint64_t, double, std::string, TextRef,
               std::vector<Cell>>
      value_;
};

// The cell's JSON text, for test failure messages.
std::ostream& operator<<(std::ostream& out, const Cell& cell);

}  // namespace kg

#endif  // KG_GRAPH_ANSWER_CELL_H_
