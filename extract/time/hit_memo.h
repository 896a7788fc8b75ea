// HitMemo: what the bytes of a scanner hit alone decide, remembered across
// texts. The rule set's answer (which rules match the hit exactly) and each of
// those rules' slot captures depend on nothing but the hit's bytes, and hits
// repeat ("Tuesday", "last year", "two years ago"), so they are worked out
// once per distinct hit instead of with an RE2::Set match and an anchored
// capture (often RE2's NFA) per hit. Context conditions, tense and resolution
// still run per hit. Internal to kg_time; thread-safe.
#ifndef KG_EXTRACT_TIME_HIT_MEMO_H_
#define KG_EXTRACT_TIME_HIT_MEMO_H_

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"
#include "extract/time/time_rules.h"
#include "graph/model/date.h"

namespace kg::timex {

// One slot group's value as SlotValue gave it: a piece of the hit, a word
// value of the rule set, or a value computed from the hit (a compound number).
struct GroupValue {
  enum Kind : uint8_t { kUnset, kHitText, kWord, kOwned };
  Kind kind = kUnset;
  uint32_t begin = 0;  // into the hit (kHitText) or HitAttribution::owned
  uint32_t size = 0;
  const std::string* word = nullptr;  // kWord: lives as long as the rules
};

// The rules matching a hit, ascending (file order), through the first
// without context conditions (RuleSet::Match), and per rule whether its
// anchored capture matched and what its groups hold.
struct HitAttribution {
  // What Until writes for the hit when the rule's value does not depend on
  // the reference date (absolute dates, durations, sets, *_REF): ResolveMatch
  // reads neither the reference nor the tense when it returns a value not
  // marked relative, so one resolution, against any reference, holds for all.
  struct Fixed {
    std::string value;
    std::optional<DaySpan> days;  // for DATE and TIME values
    std::string mod;
  };
  struct Capture {
    bool matched = false;
    std::vector<GroupValue> groups;  // parallel to RuleMatcher::groups
    std::optional<Fixed> fixed;      // unset when the value needs the reference
  };
  std::vector<int> rules;
  std::vector<Capture> captures;  // parallel to rules
  std::string owned;

  // The value of `g` for a hit with these bytes.
  std::string_view Value(const GroupValue& g, std::string_view hit) const;
};

// The slots of rule `r` (attribution.rules[i], captured as `capture`) for
// a hit with these bytes: the rule's constants, then what its groups hold.
void FillSlots(const CompiledRules& rules, int r, const HitAttribution& attribution,
               const HitAttribution::Capture& capture, std::string_view hit, SlotValues* slots);

// Computes what the hit's bytes decide, from scratch.
void Attribute(const CompiledRules& rules, std::string_view hit, HitAttribution* out);

class HitMemo {
 public:
  explicit HitMemo(const CompiledRules& rules);
  ~HitMemo();
  HitMemo(const HitMemo&) = delete;
  HitMemo& operator=(const HitMemo&) = delete;

  // The attribution of `hit`, remembered or computed now. The pointer stays
  // valid while the memo lives, or (once the memo is full) until the calling
  // thread's next Find.
  const HitAttribution* Find(std::string_view hit) const;

  // The hash a hit is kept under: every byte counts, eight bytes a step
  // (in line, as Find runs for every hit).
  static uint64_t Hash(std::string_view hit) {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
    const char* p = hit.data();
    size_t n = hit.size();
    uint64_t h = 0xCBF29CE484222325ull;
    for (; n > 8; n -= 8, p += 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      h = (h ^ word) * kMultiplier;
      h ^= h >> 29;
    }
    h = (h ^ ascii::Load8(p, n)) * kMultiplier;
    h ^= h >> 29;
    // The slot index takes the high bits, which depend on every bit below.
    return (h ^ hit.size()) * kMultiplier;
  }

 private:
  // Bounds the memory a text full of distinct hits can take; beyond it hits
  // are attributed as before, without remembering.
  static constexpr size_t kMaxEntries = 8192;
  // Open addressing at most half full, so probes stay short.
  static constexpr size_t kSlots = 2 * kMaxEntries;

  struct Entry {
    uint64_t hash;
    std::string hit;
    HitAttribution attribution;
  };
  // Find's way when the hit is not remembered: attributes it and keeps it
  // (out of line, so the remembered case stays a short call).
  const HitAttribution* Insert(std::string_view hit, uint64_t hash, size_t home) const;

  const CompiledRules& rules_;
  // A slot goes from null to an entry once, under the mutex, and entries are
  // never changed or removed, so lookups read the slots without a lock
  // (acquire loads pair with the release stores that publish the entries).
  std::unique_ptr<std::atomic<const Entry*>[]> slots_;
  mutable std::mutex mutex_;
  mutable size_t size_ = 0;  // guarded by mutex_
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_HIT_MEMO_H_
