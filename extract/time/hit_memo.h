// HitMemo: what the bytes of a scanner hit alone decide, remembered across
// texts. The rule set's answer (which rules match the hit exactly) and each of
// those rules' slot captures depend on nothing but the hit's bytes, and hits
// repeat ("Tuesday", "last year", "two years ago"), so they are worked out
// once per distinct hit instead of with an RE2::Set match and an anchored
// capture (often RE2's NFA) per hit. Context conditions, tense and resolution
// still run per hit. Internal to kg_time; thread-safe.
#ifndef KG_EXTRACT_TIME_HIT_MEMO_H_
#define KG_EXTRACT_TIME_HIT_MEMO_H_

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/time/time_rules.h"

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

// The rules matching a hit, ascending (file order), and per rule whether its
// anchored capture matched and what its groups hold.
struct HitAttribution {
  struct Capture {
    bool matched = false;
    std::vector<GroupValue> groups;  // parallel to RuleMatcher::groups
  };
  std::vector<int> rules;
  std::vector<Capture> captures;  // parallel to rules
  std::string owned;

  // The value of `g` for a hit with these bytes.
  std::string_view Value(const GroupValue& g, std::string_view hit) const;
};

// Computes what the hit's bytes decide, from scratch.
void Attribute(const CompiledRules& rules, std::string_view hit, HitAttribution* out);

class HitMemo {
 public:
  explicit HitMemo(const CompiledRules& rules) : rules_(rules) {}
  HitMemo(const HitMemo&) = delete;
  HitMemo& operator=(const HitMemo&) = delete;

  // The attribution of `hit`, remembered or computed now. The pointer stays
  // valid while the memo lives, or (once the memo is full) until the calling
  // thread's next Find.
  const HitAttribution* Find(std::string_view hit) const;

 private:
  // Bounds the memory a text full of distinct hits can take; beyond it hits
  // are attributed as before, without remembering.
  static constexpr size_t kMaxEntries = 8192;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  const CompiledRules& rules_;
  mutable std::shared_mutex mutex_;
  // Entries are never changed or removed once in, so a found entry can be
  // read without the lock (map nodes do not move on rehash).
  mutable std::unordered_map<std::string, std::unique_ptr<const HitAttribution>, Hash, Equal>
      entries_;
};

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_HIT_MEMO_H_
