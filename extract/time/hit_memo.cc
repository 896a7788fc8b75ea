// Attributing a hit to its rules and capturing their slots, and the memo that
// does it once per distinct hit.
#include "extract/time/hit_memo.h"

#include <algorithm>
#include <cctype>
#include <mutex>

#include "extract/time/calendar.h"
#include "extract/time/resolve.h"

namespace kg::timex {
namespace {

void Normalize(std::string_view text, std::string* out) {
  out->clear();
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out->empty();
      continue;
    }
    if (space) *out += ' ';
    space = false;
    *out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
}

// "twenty four", "twenty-four", "2 1/2", "two and a half": the sum of the
// parts' word values (".5" appended for a half), written to *out; false if
// some part is not a number word.
bool CompoundNumber(const SlotDef& def, std::string_view text, std::string* out) {
  bool half = false;
  for (std::string_view suffix : {" and a half", " 1/2", "-and-a-half"}) {
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      text.remove_suffix(suffix.size());
      half = true;
    }
  }
  int sum = 0;
  while (!text.empty()) {
    size_t cut = text.find_first_of(" -");
    std::string_view word = text.substr(0, cut);
    text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
    if (word.empty()) continue;
    int n = 0;
    auto it = def.words.find(std::string(word));
    if (it != def.words.end()) {
      for (char c : it->second) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
      }
    } else {
      for (char c : word) {
        if (c < '0' || c > '9' || n > 100000) return false;
        n = n * 10 + (c - '0');
      }
    }
    sum += n;
  }
  *out = std::to_string(sum) + (half ? ".5" : "");
  return true;
}

// The word's value for vocabulary slots; the text itself for pattern slots;
// a compound number's sum, kept in out->owned.
GroupValue SlotValue(const SlotDef& def, std::string_view hit, size_t begin, size_t size,
                     std::string* scratch, std::string* owned) {
  GroupValue g;
  g.kind = GroupValue::kHitText;
  g.begin = static_cast<uint32_t>(begin);
  g.size = static_cast<uint32_t>(size);
  if (def.words.empty()) return g;
  Normalize(hit.substr(begin, size), scratch);
  auto it = def.words.find(*scratch);
  if (it != def.words.end()) {
    g.kind = GroupValue::kWord;
    g.word = &it->second;
    return g;
  }
  std::string sum;
  if (def.slot == kNumber && CompoundNumber(def, *scratch, &sum)) {
    g.kind = GroupValue::kOwned;
    g.begin = static_cast<uint32_t>(owned->size());
    g.size = static_cast<uint32_t>(sum.size());
    *owned += sum;
  }
  return g;
}

}  // namespace

std::string_view HitAttribution::Value(const GroupValue& g, std::string_view hit) const {
  switch (g.kind) {
    case GroupValue::kHitText:
      return hit.substr(g.begin, g.size);
    case GroupValue::kWord:
      return *g.word;
    case GroupValue::kOwned:
      return std::string_view(owned).substr(g.begin, g.size);
    case GroupValue::kUnset:
      break;
  }
  return std::string_view();
}

void FillSlots(const CompiledRules& rules, int r, const HitAttribution& attribution,
               const HitAttribution::Capture& capture, std::string_view hit, SlotValues* slots) {
  const TimeRule& rule = rules.rules[r];
  for (int s = 0; s < kSlotCount; ++s) (*slots)[s] = rule.constants[s];
  for (size_t g = 0; g < capture.groups.size(); ++g) {
    const GroupValue& value = capture.groups[g];
    if (value.kind == GroupValue::kUnset) continue;
    (*slots)[rules.matchers[r].groups[g]->slot] = attribution.Value(value, hit);
  }
}

namespace {

// Any date does: a value resolved without reading it is the same for all.
constexpr Date kStandInReference{2000, 1, 1};

void ResolveIfFixed(const CompiledRules& rules, int r, const HitAttribution& attribution,
                    std::string_view hit, HitAttribution::Capture* capture) {
  const TimeRule& rule = rules.rules[r];
  if (rule.resolution == Resolution::kIgnore) return;
  SlotValues slots;
  FillSlots(rules, r, attribution, *capture, hit, &slots);
  std::optional<Resolved> resolved = ResolveMatch(rule, slots, kStandInReference, Tense::kUnknown);
  if (!resolved || resolved->relative) return;
  HitAttribution::Fixed& fixed = capture->fixed.emplace();
  fixed.value = std::move(resolved->value);
  if (rule.type == "DATE" || rule.type == "TIME") fixed.days = SpanOfValue(fixed.value);
  fixed.mod = std::string(slots[kMod]);
}

}  // namespace

void Attribute(const CompiledRules& rules, std::string_view hit, HitAttribution* out) {
  out->rules.clear();
  out->captures.clear();
  out->owned.clear();
  const re2::StringPiece whole(hit.data(), hit.size());
  rules.rule_set->Match(hit, &out->rules);
  std::vector<re2::StringPiece> subs;
  std::string scratch;
  out->captures.resize(out->rules.size());
  for (size_t i = 0; i < out->rules.size(); ++i) {
    const RuleMatcher& matcher = rules.matchers[out->rules[i]];
    HitAttribution::Capture& capture = out->captures[i];
    const size_t ngroups = matcher.groups.size();
    // The set holds each rule's own pattern anchored at both ends, so a rule
    // without slot groups needs no second match to capture nothing.
    capture.matched = ngroups == 0 || matcher.Capture(whole, &subs);
    if (!capture.matched) continue;
    capture.groups.resize(ngroups);
    for (size_t g = 0; g < ngroups; ++g) {
      const re2::StringPiece& sub = subs[g];
      if (sub.data() == nullptr) continue;
      capture.groups[g] = SlotValue(*matcher.groups[g], hit, sub.data() - hit.data(), sub.size(),
                                    &scratch, &out->owned);
    }
    ResolveIfFixed(rules, out->rules[i], *out, hit, &capture);
  }
}

HitMemo::HitMemo(const CompiledRules& rules)
    : rules_(rules), slots_(std::make_unique<std::atomic<const Entry*>[]>(kSlots)) {
  for (size_t i = 0; i < kSlots; ++i) slots_[i].store(nullptr, std::memory_order_relaxed);
}

HitMemo::~HitMemo() {
  for (size_t i = 0; i < kSlots; ++i) delete slots_[i].load(std::memory_order_relaxed);
}

const HitAttribution* HitMemo::Find(std::string_view hit) const {
  const uint64_t hash = Hash(hit);
  constexpr size_t kMask = kSlots - 1;
  const size_t home = static_cast<size_t>(hash >> 40) & kMask;
  for (size_t i = home;; i = (i + 1) & kMask) {
    const Entry* entry = slots_[i].load(std::memory_order_acquire);
    if (entry == nullptr) break;
    if (entry->hash == hash && ascii::SameBytes(entry->hit, hit)) return &entry->attribution;
  }
  return Insert(hit, hash, home);
}

const HitAttribution* HitMemo::Insert(std::string_view hit, uint64_t hash, size_t home) const {
  constexpr size_t kMask = kSlots - 1;
  auto entry = std::make_unique<Entry>();
  Attribute(rules_, hit, &entry->attribution);
  std::unique_lock lock(mutex_);
  // Another thread may have put the same hit in meanwhile; its entry is the
  // same, and the one kept.
  size_t i = home;
  for (;; i = (i + 1) & kMask) {
    const Entry* other = slots_[i].load(std::memory_order_relaxed);
    if (other == nullptr) break;
    if (other->hash == hash && other->hit == hit) return &other->attribution;
  }
  if (size_ < kMaxEntries) {
    ++size_;
    entry->hash = hash;
    entry->hit = std::string(hit);
    const Entry* kept = entry.release();
    slots_[i].store(kept, std::memory_order_release);
    return &kept->attribution;
  }
  lock.unlock();
  // Full: the calling thread's own copy, replaced by its next overflow.
  thread_local HitAttribution overflow;
  overflow = std::move(entry->attribution);
  return &overflow;
}

}  // namespace kg::timex
