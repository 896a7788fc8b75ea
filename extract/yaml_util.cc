#include "extract/yaml_util.h"

#include <algorithm>

#include "graph/model/text_bytes.h"

namespace kg {

Result<YAML::Node> ParseYaml(std::string_view text, const std::string& file) {
  // yaml-cpp passes invalid UTF-8 through into names and patterns; refuse it here.
  if (Status s = CheckTextBytes(text, file); !s.ok()) return s;
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; a mark of -1 means "unknown".
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    int column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    return Status::ErrorAt(file, line, column, "YAML syntax: " + EscapeControlCharacters(e.msg));
  }
}

Status YamlErrorAt(const std::string& file, const YAML::Node& node, const std::string& message) {
  const YAML::Mark mark = node.Mark();
  int line = mark.line >= 0 ? mark.line + 1 : 0;
  int column = mark.column >= 0 ? mark.column + 1 : 0;
  return Status::ErrorAt(file, line, column, message);
}

Status CheckKeys(const std::string& file, const YAML::Node& node,
                 std::initializer_list<std::string_view> allowed, const std::string& context) {
  if (!node.IsMap()) return YamlErrorAt(file, node, context + ": expected a mapping");
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string known;
      for (std::string_view a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
      return YamlErrorAt(file, kv.first,
                         "unknown key '" + EscapeControlCharacters(key) + "' in " + context +
                             " (known: " + known + ")");
    }
  }
  return Status::Ok();
}

namespace {

// An undefined node, as a mapping gives for a key it does not have.
const YAML::Node& Absent() {
  static const YAML::Node absent = [] {
    const YAML::Node empty(YAML::NodeType::Map);
    return empty["absent"];
  }();
  return absent;
}

}  // namespace

MapFields::MapFields(const YAML::Node& map, std::initializer_list<std::string_view> keys)
    : keys_(keys), found_(keys.size(), -1) {
  values_.reserve(keys.size());
  // Nodes are copied, never assigned: yaml-cpp's assignment writes through
  // to the node assigned to.
  for (const auto& kv : map) {
    const std::string& key = kv.first.Scalar();
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != key) continue;
      if (found_[i] < 0) {
        found_[i] = static_cast<int>(values_.size());
        values_.push_back(kv.second);
      }
      break;
    }
  }
}

const YAML::Node& MapFields::operator[](std::string_view key) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return found_[i] < 0 ? Absent() : values_[found_[i]];
  }
  return Absent();
}

Result<std::string> ScalarString(const std::string& file, const YAML::Node& node,
                                 const std::string& context) {
  if (!node.IsScalar()) return YamlErrorAt(file, node, context + ": expected a string");
  return node.Scalar();
}

Result<std::vector<std::string>> StringList(const std::string& file, const YAML::Node& node,
                                            const std::string& context) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    return YamlErrorAt(file, node, context + ": expected a string or a list of strings");
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) return YamlErrorAt(file, item, context + ": expected a string");
    out.push_back(item.Scalar());
  }
  return out;
}

Status RequireSequence(const std::string& file, const YAML::Node& node, const std::string& what) {
  if (!node.IsSequence()) return YamlErrorAt(file, node, what + ": expected a list");
  return Status::Ok();
}

Result<std::string> RequiredString(const std::string& file, const YAML::Node& node, const char* key,
                                   const std::string& context) {
  // Each node[key] walks the keys before it again; looked up once.
  const YAML::Node value = node[key];
  if (!value) return YamlErrorAt(file, node, std::string("missing '") + key + "' in " + context);
  return ScalarString(file, value, context + ": '" + key + "'");
}

Result<std::optional<Date>> OptionalDateField(const std::string& file, const YAML::Node& node,
                                              const char* key, const std::string& context) {
  const YAML::Node value = node[key];
  if (!value) return std::optional<Date>();
  auto text = ScalarString(file, value, context);
  if (!text.ok()) return text.status();
  std::optional<Date> date = ParseDate(*text);
  if (!date) {
    return YamlErrorAt(file, value, context + ": '" + key + "' is not a date YYYY-MM-DD");
  }
  return date;
}

}  // namespace kg
