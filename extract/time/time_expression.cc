// TimeTagger: one leftmost-longest pass of the combined rule scanner over the
// text; each match is mapped back to its rule and slots, checked at word
// boundaries, placed in tense when it needs to be, and resolved.
#include "extract/time/time_expression.h"

#include <algorithm>
#include <cctype>

#include "extract/ascii.h"
#include "extract/regex_syntax.h"
#include "extract/time/byte_blocks.h"
#include "extract/time/calendar.h"
#include "extract/time/hit_memo.h"
#include "extract/time/resolve.h"
#include "extract/time/tense_window.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {

using timex::CompiledRules;

struct TimeTagger::Impl {
  std::unique_ptr<CompiledRules> rules;
  std::unique_ptr<timex::HitMemo> memo;
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
  impl->memo = std::make_unique<timex::HitMemo>(*impl->rules);
  return TimeTagger(std::move(impl));
}

const CompiledRules& TimeTagger::rules() const { return *impl_->rules; }

Result<TimeTagger> TimeTagger::Default() {
  return FromYaml(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
}

namespace {

// ASCII letters and digits (std::isalnum in the C locale, without reading
// the process's locale).
bool IsWordByte(char c) { return ascii::Alnum(c); }

// The scanner's leftmost-longest match at or after `pos`. With a start
// filter, positions inside a word are not tried and the others only where
// the filter lets them, each with an anchored match: Until drops a match that
// begins inside a word and moves on to that word's end, so a scan that never
// tries such positions reaches the same matches that Until keeps (and an
// anchored longest match at the leftmost start is the unanchored one). The
// positions are read sixteen at a time from byte masks: word starts, and the
// bytes between words (white space only when a match can begin with it).
//
// Matches end by `bound`; the bytes from there on are still the context RE2
// and the word tests read.
bool NextHit(const CompiledRules& rules, std::string_view text, size_t pos, size_t bound,
             re2::StringPiece* whole) {
  const re2::StringPiece input(text.data(), text.size());
  const size_t n = bound;
  if (!rules.start_filter) {
    return rules.scanner->Match(input, pos, n, RE2::UNANCHORED, whole, 1);
  }
  const timex::StartFilter& filter = *rules.start_filter;
  size_t p = pos;
  if (p > 0 && IsWordByte(text[p - 1])) {
    while (p < n && IsWordByte(text[p])) ++p;
  }
  const bool spaces = filter.MayBeginWith(' ');
  uint32_t previous_word = p > 0 && IsWordByte(text[p - 1]);
  for (size_t block = p; block < n; block += 16) {
    const size_t size = std::min<size_t>(16, n - block);
    const timex::BlockMasks masks = timex::ClassifyBlock(text, block, size);
    const uint32_t inside_word = masks.word & (masks.word << 1 | previous_word);
    previous_word = masks.word >> (size - 1) & 1;
    const uint32_t all = size < 16 ? (uint32_t{1} << size) - 1 : 0xFFFF;
    uint32_t tried = all & ~inside_word & (spaces ? all : ~masks.space);
    while (tried != 0) {
      const size_t q = block + static_cast<size_t>(__builtin_ctz(tried));
      tried &= tried - 1;
      if (filter.MayStartAt(text, q) &&
          rules.scanner->Match(input, q, n, RE2::ANCHOR_START, whole, 1)) {
        return true;
      }
    }
  }
  return false;
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

// Calls visit(p) at `from`, then at every p in (from, to) where RE2's \b
// holds, found sixteen bytes a step, until a call returns true; says whether
// one did. Needs from < to.
template <typename Visit>
bool AnyWordBoundary(std::string_view text, size_t from, size_t to, const Visit& visit) {
  if (visit(from)) return true;
  uint32_t previous_word = IsWordChar(text[from]);
  for (size_t block = from + 1; block < to; block += 16) {
    const size_t size = std::min<size_t>(16, to - block);
    const timex::BlockMasks masks = timex::ClassifyBlock(text, block, size);
    // RE2's \b: its word bytes include '_', unlike IsWordByte's.
    const uint32_t word = masks.word | masks.underscore;
    uint32_t boundaries = word ^ (word << 1 | previous_word);
    boundaries &= size < 16 ? (uint32_t{1} << size) - 1 : 0xFFFF;
    previous_word = word >> (size - 1) & 1;
    while (boundaries != 0) {
      if (visit(block + static_cast<size_t>(__builtin_ctz(boundaries)))) return true;
      boundaries &= boundaries - 1;
    }
  }
  return false;
}

// Whether a match of the regex `filter` was read from may begin in a search
// of text[from, to); true when there is no filter.
bool MayMatchIn(const std::optional<timex::StartFilter>& filter, std::string_view text, size_t from,
                size_t to) {
  if (!filter) return true;
  if (!filter->at_word_boundaries()) {
    for (size_t p = from; p < to; ++p) {
      if (filter->MayStartAt(text, p)) return true;
    }
    return false;
  }
  // The search's own start, then where \b holds.
  return from < to &&
         AnyWordBoundary(text, from, to, [&](size_t p) { return filter->MayStartAt(text, p); });
}

// MayMatchIn of both cue filters over one window: bit i for filters[i]. The
// window's bytes are classed and its word boundaries found once for the two
// filters that look only at word boundaries (the shipped cues' case), not
// once each.
uint32_t EitherMayMatchIn(const std::optional<timex::StartFilter>* const filters[2],
                          std::string_view text, size_t from, size_t to) {
  uint32_t may = 0;
  uint32_t open = 0;  // filters at word boundaries that have not said yes yet
  for (uint32_t i = 0; i < 2; ++i) {
    const std::optional<timex::StartFilter>& filter = *filters[i];
    if (filter && filter->at_word_boundaries()) {
      open |= 1u << i;
    } else if (MayMatchIn(filter, text, from, to)) {
      may |= 1u << i;
    }
  }
  if (open == 0 || from >= to) return may;
  auto try_at = [&](size_t p) {
    for (uint32_t i = 0; i < 2; ++i) {
      if ((open >> i & 1) && (*filters[i])->MayStartAt(text, p)) {
        may |= 1u << i;
        open &= ~(1u << i);
      }
    }
  };
  AnyWordBoundary(text, from, to, [&](size_t p) {
    try_at(p);
    return open == 0;
  });
  return may;
}

// The nearest tense cue within the window on each side of [begin, end),
// not crossing a line break or a sentence end; the side before wins.
timex::Tense TenseAround(const CompiledRules& rules, std::string_view text, size_t begin,
                         size_t end) {
  const timex::TenseWindow window =
      timex::FindTenseWindow(text, begin, end, static_cast<size_t>(rules.tense_window));
  const size_t from = window.from;
  const size_t to = window.to;
  // Latest cue before; failing that, earliest cue after.
  size_t best_pos = 0;
  timex::Tense best = timex::Tense::kUnknown;
  struct Cue {
    const RE2* re;
    const std::optional<timex::StartFilter>& filter;
    timex::Tense tense;
  };
  const Cue cues[] = {{rules.future_cue.get(), rules.future_cue_filter, timex::Tense::kFuture},
                      {rules.past_cue.get(), rules.past_cue_filter, timex::Tense::kPast}};
  const std::optional<timex::StartFilter>* const filters[2] = {&cues[0].filter, &cues[1].filter};
  const uint32_t may_before = EitherMayMatchIn(filters, text, from, begin);
  for (uint32_t i = 0; i < 2; ++i) {
    const auto& [re, filter, tense] = cues[i];
    if (re == nullptr) continue;
    re2::StringPiece before(text.data() + from, begin - from);
    re2::StringPiece m;
    // Each search, the last (which finds nothing) too, only where a cue may
    // be; the whole window's answer is known for the first.
    bool whole_window = true;
    while ((whole_window ? (may_before >> i & 1) != 0
                         : MayMatchIn(filter, text,
                                      static_cast<size_t>(before.data() - text.data()), begin)) &&
           re->Match(before, 0, before.size(), RE2::UNANCHORED, &m, 1)) {
      whole_window = false;
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
  if (end >= to) return best;
  size_t first = std::string_view::npos;
  const uint32_t may_after = EitherMayMatchIn(filters, text, end, to);
  for (uint32_t i = 0; i < 2; ++i) {
    const auto& [re, filter, tense] = cues[i];
    if (re == nullptr || (may_after >> i & 1) == 0) continue;
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

// Where a scan stands between calls: the place it goes on from, and a hit
// found at or past the last call's limit, kept for the next call.
struct ScanPlace {
  size_t pos = 0;
  bool pending = false;
  re2::StringPiece whole;
};

// Appends the expressions of `text` that begin before `limit`, scanning from
// `place`, matches ending by `bound`.
void Scan(const CompiledRules& rules, const timex::HitMemo& memo, std::string_view text,
          const std::optional<Date>& reference, size_t limit, size_t bound, ScanPlace* place,
          std::vector<TimeExpression>* found) {
  std::vector<TimeExpression>& out = *found;
  re2::StringPiece& whole = place->whole;
  size_t& pos = place->pos;
  bool& pending = place->pending;
  for (;;) {
    // The hit the last call stopped at is kept, not searched for again.
    if (!pending) {
      if (pos >= bound || !NextHit(rules, text, pos, bound, &whole)) {
        pos = bound;
        return;
      }
      pending = true;
    }
    const size_t b = static_cast<size_t>(whole.data() - text.data());
    const size_t e = b + whole.size();
    if (b >= limit) return;
    pending = false;
    auto skip_word = [&] {
      pos = b + 1;
      while (pos < text.size() && IsWordByte(text[pos])) ++pos;
    };
    if (e == b || (b > 0 && IsWordByte(text[b - 1]) && IsWordByte(text[b])) ||
        (e < text.size() && IsWordByte(text[e]) && IsWordByte(text[e - 1]))) {
      skip_word();
      continue;
    }
    const std::string_view hit = text.substr(b, e - b);
    const timex::HitAttribution& attribution = *memo.Find(hit);
    size_t chosen = 0;
    while (chosen < attribution.rules.size() &&
           !ContextHolds(rules.matchers[attribution.rules[chosen]], text, b, e)) {
      ++chosen;
    }
    if (chosen == attribution.rules.size() || !attribution.captures[chosen].matched) {
      skip_word();
      continue;
    }
    const int r = attribution.rules[chosen];
    const timex::TimeRule& rule = rules.rules[r];
    const timex::HitAttribution::Capture& capture = attribution.captures[chosen];
    if (rule.resolution == timex::Resolution::kIgnore) {
      pos = e;
      continue;
    }
    // Expressions are written in place in the list, not built aside and
    // moved in: each move copies four strings' bytes again.
    if (capture.fixed && reference) {
      TimeExpression& t = out.emplace_back();
      t.begin = b;
      t.end = e;
      t.text.assign(hit);
      t.type = rule.type;
      t.value = capture.fixed->value;
      t.mod = capture.fixed->mod;
      t.days = capture.fixed->days;
      pos = e;
      continue;
    }
    timex::SlotValues slots;
    timex::FillSlots(rules, r, attribution, capture, hit, &slots);
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
    TimeExpression& t = out.emplace_back();
    t.begin = b;
    t.end = e;
    t.text.assign(hit);
    t.type = rule.type;
    t.value = std::move(resolved->value);
    t.relative = resolved->relative;
    t.mod.assign(slots[timex::kMod]);
    if (t.type == "DATE" || t.type == "TIME") t.days = timex::SpanOfValue(t.value);
    pos = e;
  }
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

void TimeScan::Until(size_t limit, std::vector<TimeExpression>* out) {
  ScanPlace place{pos_, pending_, whole_};
  Scan(tagger_.rules(), *tagger_.impl_->memo, text_, reference_, limit, text_.size(), &place, out);
  pos_ = place.pos;
  pending_ = place.pending;
  whole_ = place.whole;
}

void TimeScan::Within(size_t begin, size_t end, std::vector<TimeExpression>* out) const {
  ScanPlace place;
  place.pos = begin;
  Scan(tagger_.rules(), *tagger_.impl_->memo, text_, reference_, end, end, &place, out);
}

}  // namespace kg
