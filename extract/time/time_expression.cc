// TimeTagger: one leftmost-longest pass of the combined rule scanner over the
// text; each match is mapped back to its rule and slots, checked at word
// boundaries, placed in tense when it needs to be, and resolved.
#include "extract/time/time_expression.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "extract/time/calendar.h"
#include "extract/time/resolve.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {

using timex::CompiledRules;

struct TimeTagger::Impl {
  std::unique_ptr<CompiledRules> rules;
};

TimeTagger::TimeTagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TimeTagger::~TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;

Result<TimeTagger> TimeTagger::FromYaml(std::string_view yaml_text, const std::string& file) {
  Result<std::unique_ptr<CompiledRules>> rules = timex::CompileTimeRules(yaml_text, file);
  if (!rules.ok()) return rules.status();
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(*rules);
  return TimeTagger(std::move(impl));
}

const CompiledRules& TimeTagger::rules() const { return *impl_->rules; }

Result<TimeTagger> TimeTagger::Default() {
  return FromYaml(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
}

namespace {

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

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
bool CompoundNumber(const timex::SlotDef& def, std::string_view text, std::string* out) {
  bool half = false;
  for (std::string_view suffix : {" and a half", " 1/2", "-and-a-half"}) {
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      text.remove_suffix(suffix.size());
      half = true;
    }
  }
  int sum = 0;
  std::string part;
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

// The word's value for vocabulary slots; the text itself for pattern slots.
// Values built here (compound numbers) are kept in *owned.
std::string_view SlotValue(const timex::SlotDef& def, std::string_view text, std::string* scratch,
                           std::string* owned) {
  if (def.words.empty()) return text;
  Normalize(text, scratch);
  auto it = def.words.find(*scratch);
  if (it != def.words.end()) return it->second;
  if (def.slot == timex::kNumber && CompoundNumber(def, *scratch, owned)) return *owned;
  return text;
}

// How far before-conditions look back.
constexpr size_t kContextWindow = 48;

bool ContextHolds(const timex::RuleMatcher& m, std::string_view text, size_t begin, size_t end) {
  const size_t from = begin > kContextWindow ? begin - kContextWindow : 0;
  const re2::StringPiece before(text.data() + from, begin - from);
  const re2::StringPiece after(text.data() + end, std::min(kContextWindow, text.size() - end));
  if (m.before && !RE2::PartialMatch(before, *m.before)) return false;
  if (m.not_before && RE2::PartialMatch(before, *m.not_before)) return false;
  if (m.after && !RE2::PartialMatch(after, *m.after)) return false;
  if (m.not_after && RE2::PartialMatch(after, *m.not_after)) return false;
  return true;
}

// The nearest tense cue within the window on each side of [begin, end),
// not crossing a line break or a sentence end; the side before wins.
timex::Tense TenseAround(const CompiledRules& rules, std::string_view text, size_t begin,
                         size_t end) {
  const size_t window = static_cast<size_t>(rules.tense_window);
  size_t from = begin > window ? begin - window : 0;
  for (size_t i = begin; i > from; --i) {
    char c = text[i - 1];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') && i < begin && text[i] == ' ' && i >= 3 &&
                      std::islower(static_cast<unsigned char>(text[i - 2])) &&
                      std::islower(static_cast<unsigned char>(text[i - 3])))) {
      from = i;
      break;
    }
  }
  size_t to = std::min(text.size(), end + window);
  for (size_t i = end; i < to; ++i) {
    if (text[i] == '\n' || text[i] == '.' || text[i] == '?' || text[i] == '!') {
      to = i;
      break;
    }
  }
  // Latest cue before; failing that, earliest cue after.
  size_t best_pos = 0;
  timex::Tense best = timex::Tense::kUnknown;
  for (auto [re, tense] : {std::pair{rules.future_cue.get(), timex::Tense::kFuture},
                           {rules.past_cue.get(), timex::Tense::kPast}}) {
    if (re == nullptr) continue;
    re2::StringPiece before(text.data() + from, begin - from);
    re2::StringPiece m;
    while (re->Match(before, 0, before.size(), RE2::UNANCHORED, &m, 1)) {
      size_t pos = static_cast<size_t>(m.data() - text.data()) + 1;
      if (pos > best_pos) {
        best_pos = pos;
        best = tense;
      }
      before.remove_prefix(static_cast<size_t>(m.data() + m.size() - before.data()));
      if (m.empty()) break;
    }
  }
  if (best != timex::Tense::kUnknown) return best;
  size_t first = std::string_view::npos;
  for (auto [re, tense] : {std::pair{rules.future_cue.get(), timex::Tense::kFuture},
                           {rules.past_cue.get(), timex::Tense::kPast}}) {
    if (re == nullptr || end >= to) continue;
    re2::StringPiece after(text.data() + end, to - end);
    re2::StringPiece m;
    if (re->Match(after, 0, after.size(), RE2::UNANCHORED, &m, 1)) {
      size_t pos = static_cast<size_t>(m.data() - text.data());
      if (pos < first) {
        first = pos;
        best = tense;
      }
    }
  }
  return best;
}

// Only dates that the reference date has to place look for tense cues.
bool NeedsTense(const timex::TimeRule& rule, const timex::SlotValues& slots) {
  if (rule.resolution == timex::Resolution::kOffset) return !rule.has_shift;
  return rule.resolution == timex::Resolution::kDate && slots[timex::kYear].empty() &&
         slots[timex::kDecade].empty() && slots[timex::kCentury].empty();
}

}  // namespace

std::vector<TimeExpression> TimeTagger::Find(std::string_view text,
                                             const std::optional<Date>& reference) const {
  std::vector<TimeExpression> out;
  TimeScan(*this, text, reference).Until(text.size(), &out);
  return out;
}

TimeScan::TimeScan(const TimeTagger& tagger, std::string_view text, std::optional<Date> reference)
    : tagger_(tagger), text_(text), reference_(reference) {}

void TimeScan::Until(size_t limit, std::vector<TimeExpression>* found) {
  const CompiledRules& rules = tagger_.rules();
  const std::string_view text = text_;
  const std::optional<Date>& reference = reference_;
  std::vector<TimeExpression>& out = *found;
  std::vector<re2::StringPiece>& subs = subs_;
  std::vector<int>& matched_rules = matched_rules_;
  std::string& scratch = scratch_;
  std::array<std::string, timex::kSlotCount> owned;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece& whole = whole_;
  size_t& pos = pos_;
  for (;;) {
    // The hit the last call stopped at is kept, not searched for again.
    if (!pending_) {
      if (pos >= text.size() ||
          !rules.scanner->Match(input, pos, text.size(), RE2::UNANCHORED, &whole, 1)) {
        pos = text.size();
        return;
      }
      pending_ = true;
    }
    const size_t b = static_cast<size_t>(whole.data() - text.data());
    const size_t e = b + whole.size();
    if (b >= limit) return;
    pending_ = false;
    auto skip_word = [&] {
      pos = b + 1;
      while (pos < text.size() && IsWordByte(text[pos])) ++pos;
    };
    if (e == b || (b > 0 && IsWordByte(text[b - 1]) && IsWordByte(text[b])) ||
        (e < text.size() && IsWordByte(text[e]) && IsWordByte(text[e - 1]))) {
      skip_word();
      continue;
    }
    matched_rules.clear();
    if (!rules.rule_set->Match(whole, &matched_rules) || matched_rules.empty()) {
      skip_word();
      continue;
    }
    std::sort(matched_rules.begin(), matched_rules.end());
    int r = -1;
    for (int candidate : matched_rules) {
      if (ContextHolds(rules.matchers[candidate], text, b, e)) {
        r = candidate;
        break;
      }
    }
    if (r < 0) {
      skip_word();
      continue;
    }
    const timex::TimeRule& rule = rules.rules[r];
    const timex::RuleMatcher& matcher = rules.matchers[r];
    const int ngroups = static_cast<int>(matcher.groups.size());
    // The set holds each rule's own pattern anchored at both ends, so a rule
    // without slot groups needs no second match to capture nothing.
    subs.assign(ngroups + 1, re2::StringPiece());
    if (ngroups > 0 &&
        !matcher.re->Match(whole, 0, whole.size(), RE2::ANCHOR_BOTH, subs.data(), ngroups + 1)) {
      skip_word();
      continue;
    }
    timex::SlotValues slots;
    for (int s = 0; s < timex::kSlotCount; ++s) slots[s] = rule.constants[s];
    for (int g = 0; g < ngroups; ++g) {
      const re2::StringPiece& sub = subs[g + 1];
      if (sub.data() == nullptr) continue;
      const timex::SlotDef& def = *matcher.groups[g];
      // Word values live in the rule set and pattern values in `text`, so
      // neither depends on `scratch` once looked up.
      slots[def.slot] =
          SlotValue(def, std::string_view(sub.data(), sub.size()), &scratch, &owned[def.slot]);
    }
    if (rule.resolution == timex::Resolution::kIgnore) {
      pos = e;
      continue;
    }
    timex::Tense tense = timex::Tense::kUnknown;
    if (rule.prefer == timex::Prefer::kPast) {
      tense = timex::Tense::kPast;
    } else if (rule.prefer == timex::Prefer::kFuture) {
      tense = timex::Tense::kFuture;
    } else if (reference && NeedsTense(rule, slots)) {
      tense = TenseAround(rules, text, b, e);
    }
    std::optional<timex::Resolved> resolved = timex::ResolveMatch(rule, slots, reference, tense);
    if (!resolved) {
      skip_word();
      continue;
    }
    TimeExpression t;
    t.begin = b;
    t.end = e;
    t.text = std::string(text.substr(b, e - b));
    t.type = rule.type;
    t.value = std::move(resolved->value);
    t.relative = resolved->relative;
    t.mod = std::string(slots[timex::kMod]);
    if (t.type == "DATE" || t.type == "TIME") t.days = timex::SpanOfValue(t.value);
    out.push_back(std::move(t));
    pos = e;
  }
}

}  // namespace kg
