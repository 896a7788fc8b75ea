// Chung-Lu sampling with an explicit cumulative table and our own mapping from
// 64-bit draws to [0, 1): std::discrete_distribution and friends are not
// specified bit for bit, mt19937_64's output is.
#include "tests/bench/synthetic_graph.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace kg::bench {
namespace {

constexpr const char* kRelations[] = {"met",  "acquired",       "invested_in", "criticized",
                                      "sued", "partnered_with", "endorsed",    "visited"};
constexpr const char* kTypes[] = {"person", "organization", "platform", "agency"};

double Unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

size_t Draw(const std::vector<double>& cumulative, std::mt19937_64& rng) {
  const double x = Unit(rng) * cumulative.back();
  auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  return std::min<size_t>(it - cumulative.begin(), cumulative.size() - 1);
}

}  // namespace

std::vector<Fact> SyntheticFacts(const SyntheticGraphOptions& options) {
  const size_t n = options.vertices ? options.vertices : std::max<size_t>(2, options.edges / 5);
  std::mt19937_64 rng(options.seed);
  std::vector<double> cumulative(n);
  const double exponent = -1.0 / (options.gamma - 1.0);
  double total = 0;
  for (size_t i = 0; i < n; ++i)
    cumulative[i] = total += std::pow(static_cast<double>(i + 1), exponent);
  std::vector<uint32_t> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = static_cast<uint32_t>(i);
  for (size_t i = n - 1; i > 0; --i) std::swap(ids[i], ids[rng() % (i + 1)]);

  const int64_t epoch = Date{2000, 1, 1}.ToDays();
  std::vector<Fact> facts;
  facts.reserve(options.edges);
  for (size_t e = 0; e < options.edges; ++e) {
    const size_t a = Draw(cumulative, rng);
    size_t b = Draw(cumulative, rng);
    while (b == a) b = Draw(cumulative, rng);
    Fact f;
    f.id = "e" + std::to_string(e);
    f.doc = "synthetic";
    f.subject = "n" + std::to_string(ids[a]);
    f.subject_type = kTypes[ids[a] % 4];
    f.relation = kRelations[rng() % 8];
    f.object = "n" + std::to_string(ids[b]);
    f.object_type = kTypes[ids[b] % 4];
    const Date start = Date::FromDays(epoch + static_cast<int64_t>(rng() % 9000));
    FactTime t;
    t.start = start;
    t.end = start.AddDays(static_cast<int64_t>(rng() % 365));
    t.value = start.ToString();
    t.source = "explicit";
    f.time = std::move(t);
    f.rule = "synthetic";
    facts.push_back(std::move(f));
  }
  return facts;
}

}  // namespace kg::bench
