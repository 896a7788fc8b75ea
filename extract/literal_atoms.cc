// A recursive-descent reader of RE2 syntax that computes, bottom-up, either the
// exact (small, finite) set of strings a subexpression matches, or the clauses
// it requires. The idea is RE2's own prefilter's; this one works from the
// pattern text, so the patterns need no second compilation to be analysed.
#include "extract/literal_atoms.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "extract/lazy_regex.h"
#include "extract/regex_syntax.h"

namespace kg {
namespace {

// Larger exact sets become clauses; the bound keeps cross products small.
constexpr size_t kMaxExact = 64;
// A clause of more strings than this filters almost nothing and costs copies
// at every later step (a 200,000-word alternation took minutes to analyse), so
// the alternation it would come from requires nothing instead.
constexpr size_t kMaxClause = 1024;

using Strings = std::set<std::string>;
// A clause never changes once made, and one is shared by every group read
// from the same text (GroupCache) and every sequence it joins: copying a
// requirement copies a pointer.
using Clause = std::shared_ptr<const Strings>;

struct Info {
  bool exact = false;
  Strings strings;              // exact: everything this can match
  std::vector<Clause> clauses;  // not exact: each must be met
};

Info Any() { return Info{}; }
Info Exactly(Strings s) { return Info{true, std::move(s), {}}; }
Info Empty() { return Exactly({""}); }

char Fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// Whether an exact set requires nothing: it may match the empty string.
bool RequiresNothing(const Info& x) { return x.strings.empty() || x.strings.count("") > 0; }

std::vector<Clause> Clauses(const Info& x) {
  if (!x.exact) return x.clauses;
  if (RequiresNothing(x)) return {};
  return {std::make_shared<const Strings>(x.strings)};
}

// Clauses(x) for an `x` no longer needed, appended to *out: its exact set
// becomes a clause without a copy.
void MoveClauses(Info&& x, std::vector<Clause>* out) {
  if (!x.exact) {
    if (out->empty()) {
      *out = std::move(x.clauses);
    } else {
      out->insert(out->end(), x.clauses.begin(), x.clauses.end());
    }
  } else if (!RequiresNothing(x)) {
    out->push_back(std::make_shared<const Strings>(std::move(x.strings)));
  }
}

// The shortest string of a clause: a clause of long strings is rarer in text.
size_t Strength(const Strings& clause) {
  size_t n = SIZE_MAX;
  for (const std::string& s : clause) n = std::min(n, s.size());
  return clause.empty() ? 0 : n;
}

const Strings* Best(const std::vector<Clause>& clauses) {
  const Strings* best = nullptr;
  for (const Clause& clause : clauses) {
    const Strings& c = *clause;
    if (best == nullptr || Strength(c) > Strength(*best) ||
        (Strength(c) == Strength(*best) && c.size() < best->size())) {
      best = &c;
    }
  }
  return best;
}

// Appending one exact string to every string of a run (the common case: the
// next literal character) is done in place.
void Append(Info* run, const std::string& suffix) {
  Strings out;
  while (!run->strings.empty()) {
    auto node = run->strings.extract(run->strings.begin());
    node.value() += suffix;
    out.insert(std::move(node));
  }
  run->strings = std::move(out);
}

Info Concat(Info&& a, Info&& b) {
  if (a.exact && b.exact && a.strings.size() * b.strings.size() <= kMaxExact) {
    if (b.strings.size() == 1) {
      Append(&a, *b.strings.begin());
      return std::move(a);
    }
    Strings out;
    for (const std::string& x : a.strings) {
      for (const std::string& y : b.strings) out.insert(x + y);
    }
    return Exactly(std::move(out));
  }
  Info r;
  MoveClauses(std::move(a), &r.clauses);
  MoveClauses(std::move(b), &r.clauses);
  return r;
}

Info Alternate(const std::vector<Info>& branches) {
  if (std::all_of(branches.begin(), branches.end(), [](const Info& b) { return b.exact; })) {
    Strings all;
    for (const Info& b : branches) {
      all.insert(b.strings.begin(), b.strings.end());
      if (all.size() > kMaxClause) return Any();
    }
    if (all.size() <= kMaxExact) return Exactly(std::move(all));
  }
  // One branch matches, so one of the branches' requirements is met: the union
  // of one clause of each branch is required.
  Strings either;
  for (const Info& b : branches) {
    const Strings* best = nullptr;
    if (b.exact) {
      if (!RequiresNothing(b)) best = &b.strings;
    } else {
      best = Best(b.clauses);
    }
    if (best == nullptr) return Any();
    either.insert(best->begin(), best->end());
    if (either.size() > kMaxClause) return Any();
  }
  Info r;
  r.clauses.push_back(std::make_shared<const Strings>(std::move(either)));
  return r;
}

Info Repeat(Info&& x, int min, int max) {
  if (min == 0) {
    if (max == 1 && x.exact && x.strings.size() < kMaxExact) {
      x.strings.insert("");
      return std::move(x);
    }
    return Any();
  }
  if (min == 1 && max == 1) return std::move(x);
  Info r;
  MoveClauses(std::move(x), &r.clauses);
  return r;
}

// Groups already read, by their text: the patterns of a pack repeat the same
// slot, gap and title groups, and a group's strings depend on its text alone.
// Keys point into the regexes being read, which outlive the cache.
using GroupCache = std::unordered_map<std::string_view, Info>;

class Reader {
 public:
  Reader(std::string_view re, GroupCache* cache) : re_(re), cache_(cache) {}

  std::optional<Info> Read() {
    Info x = Alternation();
    if (failed_ || pos_ != re_.size()) return std::nullopt;
    return x;
  }

 private:
  bool More() const { return !failed_ && pos_ < re_.size(); }
  Info Fail() {
    failed_ = true;
    return Any();
  }

  Info Alternation() {
    std::vector<Info> branches;
    branches.push_back(Sequence());
    while (More() && re_[pos_] == '|') {
      ++pos_;
      branches.push_back(Sequence());
    }
    return branches.size() == 1 ? std::move(branches[0]) : Alternate(branches);
  }

  // Consecutive exact items are joined into one run before the run meets the
  // inexact rest, so "x+'s merger with" requires "'s merger with", not "s".
  Info Sequence() {
    Info done = Empty();
    Info run = Empty();
    std::string literal;
    while (More() && re_[pos_] != '|' && re_[pos_] != ')') {
      // Plain characters, the bulk of a pattern, join the run a word at a
      // time instead of each as a one-string set.
      literal.clear();
      while (pos_ < re_.size() && PlainLiteral(pos_)) literal += Fold(re_[pos_++]);
      if (!literal.empty()) {
        Append(&run, literal);
        continue;
      }
      Info x = Repeated();
      if (x.exact && x.strings.size() == 1) {
        Append(&run, *x.strings.begin());
      } else if (x.exact && run.strings.size() * x.strings.size() <= kMaxExact) {
        run = Concat(std::move(run), std::move(x));
      } else if (x.exact) {
        done = Concat(std::move(done), std::move(run));
        run = std::move(x);
      } else {
        done = Concat(Concat(std::move(done), std::move(run)), std::move(x));
        run = Empty();
      }
    }
    return Concat(std::move(done), std::move(run));
  }

  // Whether re_[at] is a character that matches itself and no quantifier
  // follows it (read as Atom and Repeated would read it).
  bool PlainLiteral(size_t at) const {
    const char c = re_[at];
    if (static_cast<unsigned char>(c) >= 0x80 ||
        std::string_view("\\()[]{}|.^$*+?").find(c) != std::string_view::npos) {
      return false;
    }
    size_t next = at + 1;
    int min = 0, max = 0;
    return !ReadQuantifier(re_, &next, &min, &max);
  }

  Info Repeated() {
    Info x = Atom();
    int min = 0, max = -1;
    while (!failed_ && ReadQuantifier(re_, &pos_, &min, &max)) x = Repeat(std::move(x), min, max);
    return x;
  }

  Info Atom() {
    const char c = re_[pos_++];
    switch (c) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '\\':
        return Escape();
      case '.':
        return Any();
      case '^':
      case '$':
        return Empty();
      case '*':
      case '+':
      case '?':
        return Fail();  // nothing to repeat
      default:
        // A non-ASCII byte may be a letter with another case elsewhere in Unicode.
        if (static_cast<unsigned char>(c) >= 0x80) return Any();
        return Exactly({std::string(1, Fold(c))});
    }
  }

  Info Group() {
    const size_t open = pos_ - 1;
    const size_t close = Close(open);
    std::string_view key;
    if (close != std::string_view::npos) {
      key = re_.substr(open, close + 1 - open);
      if (auto it = cache_->find(key); it != cache_->end()) {
        pos_ = close + 1;
        return it->second;
      }
    }
    Info x = GroupBody();
    if (!failed_ && close != std::string_view::npos && pos_ == close + 1) cache_->emplace(key, x);
    return x;
  }

  // The ')' closing the group opened at re_[open], past escapes and classes;
  // npos where a \Q quote or an unclosed class makes that uncertain.
  size_t Close(size_t open) const {
    static constexpr SyntaxBytes kStops("\\[()");
    int depth = 0;
    for (size_t i = open; i < re_.size(); ++i) {
      i = kStops.Next(re_, i);
      if (i == re_.size()) break;
      const char c = re_[i];
      if (c == '\\') {
        if (i + 1 < re_.size() && re_[i + 1] == 'Q') return std::string_view::npos;
        ++i;
      } else if (c == '[') {
        ++i;
        if (i < re_.size() && re_[i] == '^') ++i;
        if (i < re_.size() && re_[i] == ']') ++i;
        while (i < re_.size() && re_[i] != ']') {
          if (re_[i] == '\\') {
            ++i;
          } else if (re_.substr(i, 2) == "[:") {
            const size_t end = re_.find(":]", i);
            if (end == std::string_view::npos) return end;
            i = end + 1;
          }
          ++i;
        }
        if (i >= re_.size()) return std::string_view::npos;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return std::string_view::npos;
  }

  Info GroupBody() {
    if (pos_ < re_.size() && re_[pos_] == '?') {
      ++pos_;
      if (re_.substr(pos_, 2) == "P<" || (pos_ < re_.size() && re_[pos_] == '<')) {
        const size_t close = re_.find('>', pos_);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 1;
      } else {
        // Flags: (?i) (?s-m) or (?i:...). Case is folded anyway, and no other
        // flag changes which literals a match contains.
        while (pos_ < re_.size() && re_[pos_] != ':' && re_[pos_] != ')') ++pos_;
        if (pos_ >= re_.size()) return Fail();
        if (re_[pos_++] == ')') return Empty();
      }
    }
    Info x = Alternation();
    if (!More() || re_[pos_] != ')') return Fail();
    ++pos_;
    return x;
  }

  // A class of a few characters is exact ([sd]); a larger or negated one is Any.
  Info Class() {
    bool negated = false;
    if (pos_ < re_.size() && re_[pos_] == '^') {
      negated = true;
      ++pos_;
    }
    std::set<char> chars;
    bool wide = false;
    bool first = true;
    while (pos_ < re_.size() && (re_[pos_] != ']' || first)) {
      first = false;
      if (re_.substr(pos_, 2) == "[:") {
        const size_t close = re_.find(":]", pos_);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 2;
        wide = true;
        continue;
      }
      int lo = ClassChar();
      if (failed_) return Any();
      if (lo < 0) {
        wide = true;
        continue;
      }
      int hi = lo;
      if (pos_ + 1 < re_.size() && re_[pos_] == '-' && re_[pos_ + 1] != ']') {
        ++pos_;
        hi = ClassChar();
        if (failed_) return Any();
        if (hi < 0) return Fail();
      }
      if (hi - lo > 8 || hi >= 0x80) {
        wide = true;
        continue;
      }
      for (int ch = lo; ch <= hi; ++ch) chars.insert(Fold(static_cast<char>(ch)));
    }
    if (pos_ >= re_.size()) return Fail();
    ++pos_;  // ']'
    if (negated || wide || chars.empty() || chars.size() > 4) return Any();
    Strings out;
    for (char ch : chars) out.insert(std::string(1, ch));
    return Exactly(std::move(out));
  }

  // One character of a class: its byte, or -1 for an escape standing for many.
  int ClassChar() {
    const char c = re_[pos_++];
    if (static_cast<unsigned char>(c) >= 0x80) return -1;
    if (c != '\\') return static_cast<unsigned char>(c);
    if (pos_ >= re_.size()) {
      failed_ = true;
      return -1;
    }
    const char e = re_[pos_++];
    if (std::string_view("dDsSwWpP").find(e) != std::string_view::npos) {
      if ((e == 'p' || e == 'P') && pos_ < re_.size() && re_[pos_] == '{') {
        pos_ = std::min(re_.size(), re_.find('}', pos_) + 1);
      } else if (e == 'p' || e == 'P') {
        ++pos_;
      }
      return -1;
    }
    if (const int control = ControlEscape(e); control >= 0) return control;
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
      failed_ = true;  // \x, octal and the like: not worth reading
      return -1;
    }
    return static_cast<unsigned char>(e);
  }

  Info Escape() {
    if (pos_ >= re_.size()) return Fail();
    const char e = re_[pos_++];
    if (e == 'b' || e == 'B' || e == 'A' || e == 'z') return Empty();
    if (std::string_view("dDsSwWC").find(e) != std::string_view::npos) return Any();
    if (e == 'p' || e == 'P') {
      if (pos_ < re_.size() && re_[pos_] == '{') {
        const size_t close = re_.find('}', pos_);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 1;
      } else {
        ++pos_;
      }
      return Any();
    }
    if (e == 'Q') {
      const size_t close = re_.find("\\E", pos_);
      const std::string_view quoted =
          re_.substr(pos_, close == std::string_view::npos ? std::string_view::npos : close - pos_);
      pos_ = close == std::string_view::npos ? re_.size() : close + 2;
      Info x = Empty();
      for (char c : quoted) {
        x = Concat(std::move(x), static_cast<unsigned char>(c) >= 0x80
                                     ? Any()
                                     : Exactly({std::string(1, Fold(c))}));
      }
      return x;
    }
    if (const int control = ControlEscape(e); control >= 0) {
      return Exactly({std::string(1, static_cast<char>(control))});
    }
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
      return Fail();  // \x41, \1, ...: read nothing into them
    }
    if (static_cast<unsigned char>(e) >= 0x80) return Any();
    return Exactly({std::string(1, e)});
  }

  std::string_view re_;
  GroupCache* cache_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// Drops strings that contain another string of the same clause: if the longer
// one occurs, so does the shorter, so the clause says the same with fewer.
// The rest stay in the clause's (sorted) order.
std::vector<std::string> Minimal(const Strings& clause) {
  std::vector<std::string> out;
  out.reserve(clause.size());
  for (const std::string& s : clause) {
    bool redundant = false;
    for (const std::string& t : clause) {
      if (t.size() < s.size() && s.find(t) != std::string::npos) {
        redundant = true;
        break;
      }
    }
    if (!redundant) out.push_back(s);
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::vector<std::string>>> RequiredLiterals(
    const std::vector<std::string>& regexes) {
  GroupCache cache;
  std::vector<std::vector<std::vector<std::string>>> all;
  for (const std::string& regex : regexes) {
    std::vector<std::vector<std::string>>& out = all.emplace_back();
    const std::optional<Info> info = Reader(regex, &cache).Read();
    if (!info) continue;
    for (const Clause& clause : Clauses(*info)) out.push_back(Minimal(*clause));
  }
  return all;
}

std::vector<std::vector<std::string>> RequiredLiterals(std::string_view regex) {
  return RequiredLiterals(std::vector<std::string>{std::string(regex)}).front();
}

}  // namespace kg
