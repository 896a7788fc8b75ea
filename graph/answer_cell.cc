#include "graph/answer_cell.h"

#include <nlohmann/json.hpp>

namespace kg {

Cell::Cell(const std::vector<std::string>& items) {
  std::vector<Cell> cells;
  cells.reserve(items.size());
  for (const std::string& item : items) cells.emplace_back(item);
  value_ = std::move(cells);
}

Cell Cell::FromJson(const nlohmann::json& value) {
  using nlohmann::json;
  switch (value.type()) {
    case json::value_t::null:
      return Cell();
    case json::value_t::boolean:
      return Cell(value.get<bool>());
    case json::value_t::number_integer:
      return Cell(value.get<json::number_integer_t>());
    case json::value_t::number_unsigned:
      return Cell(value.get<json::number_unsigned_t>());
    case json::value_t::number_float:
      return Cell(value.get<double>());
    case json::value_t::string:
      return Cell(value.get_ref<const std::string&>());
    case json::value_t::array: {
      std::vector<Cell> items;
      for (const json& item : value) items.push_back(FromJson(item));
      return Cell(std::move(items));
    }
    default:
      return Cell(value.dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

nlohmann::json Cell::ToJson() const {
  switch (kind()) {
    case Kind::kNull:
      return nullptr;
    case Kind::kBool:
      return boolean();
    case Kind::kInteger:
      return integer();
    case Kind::kUnsigned:
      return unsigned_integer();
    case Kind::kNumber:
      return number();
    case Kind::kText:
      return std::string(text());
    case Kind::kList:
      break;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const Cell& item : list()) items.push_back(item.ToJson());
  return items;
}

bool operator==(const Cell& a, const Cell& b) {
  using Kind = Cell::Kind;
  const Kind ka = a.kind(), kb = b.kind();
  auto integral = [](Kind k) { return k == Kind::kInteger || k == Kind::kUnsigned; };
  if (integral(ka) && integral(kb)) {
    if (ka == kb)
      return ka == Kind::kInteger ? a.integer() == b.integer()
                                  : a.unsigned_integer() == b.unsigned_integer();
    const Cell& s = ka == Kind::kInteger ? a : b;
    const Cell& u = ka == Kind::kInteger ? b : a;
    return s.integer() >= 0 && static_cast<uint64_t>(s.integer()) == u.unsigned_integer();
  }
  if (ka != kb) return false;
  switch (ka) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.boolean() == b.boolean();
    case Kind::kNumber:
      return a.number() == b.number();
    case Kind::kText:
      return a.text() == b.text();
    default:
      return a.list() == b.list();
  }
}

std::ostream& operator<<(std::ostream& out, const Cell& cell) {
  return out << cell.ToJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kg
