#include "tests/reliability/reliability_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace kg::testing {

const std::string& KgBinary() {
  static const std::string kg = KG_BINARY;
  return kg;
}

std::string RunKgOk(const std::string& args) {
  CommandResult r = RunCommand(ShellQuote(KgBinary()) + " " + args);
  EXPECT_EQ(r.exit_code, 0) << "kg " << args << "\n" << r.err;
  return r.out;
}

ScratchDir::ScratchDir(const std::string& name) : path_(MakeTempDir(name)) {}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadTree(const std::string& path) {
  if (!std::filesystem::is_directory(path)) return ReadFile(path);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) all += f.filename().string() + "\n" + ReadFile(f.string());
  return all;
}
namespace {

const std::vector<std::string>& People() {
  static const std::vector<std::string> people = {"Elon Musk", "Donald Trump", "Mark Zuckerberg",
                                                  "Joe Biden", "Jack Dorsey",  "Satya Nadella"};
  return people;
}

const std::vector<std::string>& Companies() {
  static const std::vector<std::string> companies = {
      "X", "Meta", "Tesla", "SpaceX", "Microsoft", "Google", "Truth Social", "Facebook"};
  return companies;
}

}  // namespace

std::string GenerateFactLines(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string> relations = {"met",     "acquired",   "banned",      "sued",
                                              "praised", "criticized", "invested_in", "ceo_of"};
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string& subject = People()[rng() % People().size()];
    const std::string object = rng() % 2 ? Companies()[rng() % Companies().size()]
                                         : "Entity " + std::to_string(rng() % 400);
    nlohmann::json fact = {
        {"id", "gen" + std::to_string(seed) + "_" + std::to_string(i)},
        {"doc", "doc" + std::to_string(i / 5) + ".txt"},
        {"subject", subject},
        {"subject_type", "person"},
        {"relation", relations[rng() % relations.size()]},
        {"object", object},
        {"object_type", "organization"},
        {"negated", rng() % 10 == 0},
        {"hedged", rng() % 7 == 0},
        {"rule", "generated"},
        {"sentence", subject + " did something to " + object + " (generated sentence " +
                         std::to_string(i) + ")."},
        {"span", {i * 10, i * 10 + 9}},
    };
    if (rng() % 4 != 0) {
      const int year = 2015 + static_cast<int>(rng() % 10);
      const int month = 1 + static_cast<int>(rng() % 12);
      char start[16], end[16];
      std::snprintf(start, sizeof start, "%04d-%02d-01", year, month);
      std::snprintf(end, sizeof end, "%04d-%02d-28", year, month);
      fact["time"] = {{"start", start},
                      {"end", end},
                      {"value", std::string(start).substr(0, 7)},
                      {"text", "in that month"},
                      {"source", "explicit"}};
    } else {
      fact["time"] = nullptr;
    }
    out += fact.dump() + "\n";
  }
  return out;
}

std::string GenerateDocumentLines(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string> templates = {
      "{P} acquired {C} in October 2022.",
      "{C} banned {P} from the platform last year.",
      "{P} met {Q} at Mar-a-Lago on Friday.",
      "{P} did not meet {Q} in 2021, a spokesperson said.",
      "{P} reportedly criticized {C} two weeks ago.",
      "{P}, the chief executive of {C}, praised {Q} on Monday.",
      "In March 2023, {C} sued {P}.",
      "{P} visited {C} headquarters in California last summer."};
  std::string out;
  for (int i = 0; i < count; ++i) {
    std::string text;
    for (int s = 0; s < 6; ++s) {
      std::string sentence = templates[rng() % templates.size()];
      auto fill = [&](const std::string& slot, const std::string& value) {
        for (size_t at = sentence.find(slot); at != std::string::npos; at = sentence.find(slot))
          sentence.replace(at, slot.size(), value);
      };
      fill("{P}", People()[rng() % People().size()]);
      fill("{Q}", People()[rng() % People().size()]);
      fill("{C}", Companies()[rng() % Companies().size()]);
      text += sentence + (s % 3 == 2 ? "\n\n" : " ");
    }
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + static_cast<int>(rng() % 6),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    nlohmann::json doc = {{"id", "gen" + std::to_string(i)}, {"text", text}, {"date", date}};
    out += doc.dump() + "\n";
  }
  return out;
}

}  // namespace kg::testing
