// Helpers shared by kg's YAML rule loaders: parsing without exceptions escaping,
// and errors located at a node (file:line:column, 1-based).
#ifndef KG_EXTRACT_YAML_UTIL_H_
#define KG_EXTRACT_YAML_UTIL_H_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

// Parses a YAML document; syntax errors come back with their position.
Result<YAML::Node> ParseYaml(std::string_view text, const std::string& file);

// An error at `node`'s position in `file`.
Status YamlErrorAt(const std::string& file, const YAML::Node& node, const std::string& message);

// Error unless every key of the map `node` is in `allowed`; `context` names the
// place in messages ("rule 'acquired'"). Non-maps are an error too.
Status CheckKeys(const std::string& file, const YAML::Node& node,
                 std::initializer_list<std::string_view> allowed, const std::string& context);

// The values of a mapping's keys, found in one pass over it. yaml-cpp's
// node[key] walks the keys up to the one asked for, making a string of each,
// so a loader that asks for each of a dozen keys pays that a dozen times.
// Read a mapping whose keys CheckKeys has accepted from the same `keys`.
class MapFields {
 public:
  MapFields(const YAML::Node& map, std::initializer_list<std::string_view> keys);
  // What map[key] gives: the value of the key's first occurrence, or an
  // undefined node (false in a condition) when the key is absent. `key` must
  // be one of `keys`.
  const YAML::Node& operator[](std::string_view key) const;

 private:
  std::vector<std::string_view> keys_;
  std::vector<int> found_;  // per key, its value's index in values_, or -1
  std::vector<YAML::Node> values_;
};

// Reads a scalar string / a string or list of strings, with type errors located.
Result<std::string> ScalarString(const std::string& file, const YAML::Node& node,
                                 const std::string& context);
Result<std::vector<std::string>> StringList(const std::string& file, const YAML::Node& node,
                                            const std::string& context);

// Error unless `node` is a list; `what` names it in the message.
Status RequireSequence(const std::string& file, const YAML::Node& node, const std::string& what);

// The string under `key` of the map `node`; its absence is an error.
Result<std::string> RequiredString(const std::string& file, const YAML::Node& node, const char* key,
                                   const std::string& context);

// The YYYY-MM-DD date under `key` of the map `node`, if there is one.
Result<std::optional<Date>> OptionalDateField(const std::string& file, const YAML::Node& node,
                                              const char* key, const std::string& context);

}  // namespace kg

#endif  // KG_EXTRACT_YAML_UTIL_H_
