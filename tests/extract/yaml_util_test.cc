// MapFields: each key's value is what yaml-cpp's node[key] gives, for keys
// given once, twice or not at all, and for keys with no value.
#include "extract/yaml_util.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace kg {
namespace {

// The same node as map[key] gives: both absent, or both at the same place
// with the same text.
void ExpectSameNode(const YAML::Node& map, const MapFields& fields, const std::string& key,
                    const std::string& yaml) {
  const YAML::Node expected = map[key];
  const YAML::Node& got = fields[key];
  ASSERT_EQ(static_cast<bool>(got), static_cast<bool>(expected)) << key << " in\n" << yaml;
  if (!expected) return;
  EXPECT_EQ(got.Type(), expected.Type()) << key << " in\n" << yaml;
  EXPECT_EQ(got.Mark().line, expected.Mark().line) << key << " in\n" << yaml;
  EXPECT_EQ(got.Mark().column, expected.Mark().column) << key << " in\n" << yaml;
  if (expected.IsScalar()) {
    EXPECT_EQ(got.Scalar(), expected.Scalar()) << key << " in\n" << yaml;
  }
}

TEST(MapFieldsTest, FirstOfRepeatedKeysAbsentAndEmptyValuesAsNodeLookup) {
  const std::string yaml = "name: first\nvalue:\nname: second\nlist: [a, b]\n";
  Result<YAML::Node> doc = ParseYaml(yaml, "test.yaml");
  ASSERT_TRUE(doc.ok());
  const YAML::Node& map = *doc;
  const MapFields fields(map, {"name", "value", "list", "missing"});
  EXPECT_EQ(fields["name"].Scalar(), "first");
  EXPECT_TRUE(fields["value"]);
  EXPECT_TRUE(fields["value"].IsNull());
  EXPECT_TRUE(fields["list"].IsSequence());
  EXPECT_FALSE(fields["missing"]);
  for (const char* key : {"name", "value", "list", "missing"}) {
    ExpectSameNode(map, fields, key, yaml);
  }
}

TEST(MapFieldsTest, AgreesWithNodeLookupOnGeneratedMaps) {
  const std::vector<std::string> keys = {"name", "pattern", "type", "before", "not_before", "x"};
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::string yaml;
    const int entries = static_cast<int>(rng() % 8);
    for (int i = 0; i < entries; ++i) {
      yaml += keys[rng() % keys.size()] + ":";
      switch (rng() % 3) {
        case 0:
          yaml += " v" + std::to_string(i);
          break;
        case 1:
          yaml += " [a" + std::to_string(i) + "]";
          break;
        default:
          break;  // no value: a null node
      }
      yaml += "\n";
    }
    if (yaml.empty()) yaml = "{}";
    Result<YAML::Node> doc = ParseYaml(yaml, "test.yaml");
    ASSERT_TRUE(doc.ok()) << yaml;
    const YAML::Node& map = *doc;
    const MapFields fields(map, {"name", "pattern", "type", "before", "not_before", "x"});
    for (const std::string& key : keys) ExpectSameNode(map, fields, key, yaml);
  }
}

}  // namespace
}  // namespace kg
