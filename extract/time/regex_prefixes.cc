// Reading a regex's possible beginnings from its source. A small recursive
// descent over RE2's syntax computes, for each piece, the set of strings it
// can match whole ("exact") and the strings after which anything may follow
// ("open": cut where PrefixCut (prefix_cut.h) says, or ended by a construct the
// reader does not model). Sequences, alternations and repeats combine these
// sets; letters are lower-cased throughout, so the filter is a superset for
// case-sensitive groups too. Zero-width assertions (^, $, \b) match the empty
// string here, which only lets more through.
#include "extract/time/regex_prefixes.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/regex_syntax.h"
#include "extract/time/prefix_cut.h"

namespace kg::timex {
namespace {

// Past this many strings the set says nothing useful; give up.
constexpr size_t kMaxStrings = 100000;

// Sorts and drops repeats; the first `sorted` strings are in order already.
// Concat's output is mostly in order already (x + y for sorted y's, x in
// order), so order is checked before sorting.
void Normalize(std::vector<std::string>* v, size_t sorted = 0) {
  const auto middle = v->begin() + static_cast<std::ptrdiff_t>(sorted);
  if (!std::is_sorted(middle, v->end())) std::sort(middle, v->end());
  if (middle != v->begin() && middle != v->end() && *middle < *(middle - 1)) {
    std::inplace_merge(v->begin(), middle, v->end());
  }
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// The exact strings are a set (sorted, no repeats), since they are combined
// again and again; open strings are final, only carried along and merged, so
// they are a bag put in order only where sets are compared. Vectors, not
// trees: a node per string made reading the rules' pattern slow.
struct Prefixes {
  std::vector<std::string> exact;  // none of them cut
  std::vector<std::string> open;
  bool anything = false;  // the empty string is open: nothing to go by
  bool too_many = false;  // anything, because there were too many strings
  bool MatchesEmpty() const { return !exact.empty() && exact.front().empty(); }
  size_t Size() const { return exact.size() + open.size(); }
  // Drops the open strings' repeats; false if still too many strings.
  bool Shrink() {
    Normalize(&open);
    return Size() <= kMaxStrings;
  }
  // Adds x + y; cuts often make the same string for a run of y's, so one
  // repeating the last is not added again.
  void AddOpen(std::string_view x, std::string_view y = {}) {
    if (x.empty() && y.empty()) anything = true;
    if (!open.empty() && open.back().size() == x.size() + y.size() &&
        std::string_view(open.back()).substr(0, x.size()) == x &&
        std::string_view(open.back()).substr(x.size()) == y) {
      return;
    }
    // Built where it is kept: no temporary to move and destroy.
    std::string& s = open.emplace_back();
    s.reserve(x.size() + y.size());
    s.append(x).append(y);
  }
};

bool SameSet(const Prefixes& a, Prefixes b) {
  if (a.anything != b.anything || a.exact != b.exact) return false;
  std::vector<std::string> a_open = a.open;
  Normalize(&a_open);
  Normalize(&b.open);
  return a_open == b.open;
}

Prefixes Anything() {
  Prefixes p;
  p.anything = true;
  return p;
}

Prefixes TooMany() {
  Prefixes p;
  p.anything = true;
  p.too_many = true;
  return p;
}

Prefixes Empty() {
  Prefixes p;
  p.exact.emplace_back();
  return p;
}

// Case-insensitive RE2 also matches 'k' to the Kelvin sign and 's' to the
// long s, whose UTF-8 bytes lower-casing does not reach.
Prefixes Bytes(const std::set<unsigned char>& bytes) {
  Prefixes p;
  for (unsigned char c : bytes) p.exact.emplace_back(1, static_cast<char>(FoldPrefixByte(c)));
  if (bytes.count('k') > 0) p.exact.emplace_back("\xE2\x84\xAA");
  if (bytes.count('s') > 0) p.exact.emplace_back("\xC5\xBF");
  Normalize(&p.exact);
  return p;
}

Prefixes Concat(Prefixes a, const Prefixes& b, size_t max_depth) {
  if (a.anything) return a;
  Prefixes out;
  out.open = std::move(a.open);
  // Room for every string this can add, bounded: growing the bag step by step
  // moved each string it held again at every step.
  const size_t most = a.exact.size() * (b.exact.size() + b.open.size() + 1);
  out.open.reserve(out.open.size() + std::min(most, kMaxStrings));
  auto join = [](const std::string& x, std::string_view y) {
    std::string s;
    s.reserve(x.size() + y.size());
    s += x;
    s += y;
    return s;
  };
  for (const std::string& x : a.exact) {
    PrefixCut after_x(max_depth);
    after_x.Read(x);  // exact strings are never cut
    if (after_x.full()) {
      // Whatever follows is cut off; x alone stands for all of b.
      if (b.MatchesEmpty()) out.exact.push_back(x);
      if (b.anything || !b.open.empty() || b.exact.size() > (b.MatchesEmpty() ? 1 : 0)) {
        out.AddOpen(x);
      }
      continue;
    }
    for (const std::string& y : b.exact) {
      PrefixCut cutter = after_x;
      const size_t kept = cutter.Read(y);
      if (kept == std::string_view::npos) {
        out.exact.push_back(join(x, y));
      } else {
        out.AddOpen(x, std::string_view(y).substr(0, kept));
      }
    }
    for (const std::string& y : b.open) {
      PrefixCut cutter = after_x;
      out.AddOpen(x, std::string_view(y).substr(0, cutter.Read(y)));
    }
    if (b.anything) out.AddOpen(x, "");
    if (out.anything) return Anything();
    if (out.Size() > 2 * kMaxStrings && !out.Shrink()) return TooMany();
  }
  Normalize(&out.exact);
  if (out.Size() > kMaxStrings && !out.Shrink()) return TooMany();
  return out;
}

// With `keep_order` false the exact strings are left a bag, to be put in
// order once by the caller: an alternation of many branches merged each into
// all the strings before it, a pass over them all per branch.
Prefixes Union(Prefixes a, Prefixes b, bool keep_order = true) {
  if (a.anything) return a;
  if (b.anything) return b;
  const size_t exact = a.exact.size();
  a.exact.insert(a.exact.end(), std::make_move_iterator(b.exact.begin()),
                 std::make_move_iterator(b.exact.end()));
  a.open.insert(a.open.end(), std::make_move_iterator(b.open.begin()),
                std::make_move_iterator(b.open.end()));
  if (keep_order) Normalize(&a.exact, exact);
  if (a.Size() > kMaxStrings) {
    // Counted as a set, as when kept in order.
    Normalize(&a.exact);
    if (a.Size() > kMaxStrings && !a.Shrink()) return TooMany();
  }
  return a;
}

// max < 0: unbounded.
Prefixes Repeat(const Prefixes& x, int min, int max, size_t max_depth) {
  // Each copy that is not empty adds a byte, so after max_depth + 1 copies
  // further ones change nothing; stop as soon as a copy changes nothing.
  const int limit = static_cast<int>(max_depth) + 2;
  Prefixes required = Empty();
  for (int i = 0; i < min; ++i) {
    Prefixes next = Concat(required, x, max_depth);
    const bool same = SameSet(next, required);
    required = std::move(next);
    if (same || required.anything) break;
    if (i > limit) return TooMany();
  }
  Prefixes all = required;
  Prefixes last = required;
  for (int i = 0; max < 0 || i < max - min; ++i) {
    last = Concat(std::move(last), x, max_depth);
    Prefixes next = Union(all, last);
    Normalize(&next.open);
    const bool same = SameSet(next, all);
    all = std::move(next);
    if (same || all.anything) break;
    if (i > limit) return TooMany();
  }
  return all;
}

// Where each group of `re` closes: close[i] is the index of the ')' that
// matches a '(' at i, npos elsewhere. Escapes and classes are stepped over as
// the reader steps over them; the reader checks each answer it uses.
std::vector<size_t> GroupCloses(std::string_view re) {
  std::vector<size_t> close(re.size(), std::string_view::npos);
  std::vector<size_t> open;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;  // a leading ']' is a member
      while (j < re.size() && re[j] != ']') {
        if (re[j] == '\\') {
          j += 2;
        } else if (re[j] == '[' && j + 1 < re.size() && re[j + 1] == ':') {
          const size_t end = re.find(":]", j + 2);
          j = end == std::string_view::npos ? re.size() : end + 2;
        } else {
          ++j;
        }
      }
      i = j;
    } else if (c == '(') {
      open.push_back(i);
    } else if (c == ')' && !open.empty()) {
      close[open.back()] = i;
      open.pop_back();
    }
  }
  return close;
}

class Reader {
 public:
  Reader(std::string_view re, size_t max_depth)
      : re_(re), max_depth_(max_depth), closes_(GroupCloses(re)) {}

  Prefixes Alternation() {
    Prefixes out = Sequence();
    if (i_ >= re_.size() || re_[i_] != '|') return out;
    while (i_ < re_.size() && re_[i_] == '|') {
      if (depth_ == 0) top_level_bar_ = true;
      ++i_;
      out = Union(std::move(out), Sequence(), /*keep_order=*/false);
    }
    Normalize(&out.exact);
    return out;
  }

  bool AtEnd() const { return i_ == re_.size(); }
  // Whether an alternation is the regex's outermost construct.
  bool TopLevelBar() const { return top_level_bar_; }

 private:
  Prefixes Sequence() {
    Prefixes out = Empty();
    while (i_ < re_.size() && re_[i_] != '|' && re_[i_] != ')') {
      if (Prefixes run; LiteralRun(&run)) {
        out = Concat(std::move(out), run, max_depth_);
        continue;
      }
      out = Concat(std::move(out), Repeated(), max_depth_);
      if (out.anything) Skip();
    }
    return out;
  }

  // Plain characters in a row ("january", " quarter") as one string: adding
  // them one at a time gives the same strings (each stands for itself alone)
  // and costs a pass over every string per character. Left to Repeated: a
  // character a quantifier follows, and 'k' and 's', which also match
  // non-ASCII characters.
  bool LiteralRun(Prefixes* run) {
    auto plain = [](unsigned char c) {
      const unsigned char lower = c | 0x20;
      return (c >= '0' && c <= '9') ||
             (lower >= 'a' && lower <= 'z' && lower != 'k' && lower != 's') || c == ' ' ||
             c == ',' || c == '-' || c == '\'' || c == '/' || c == ':';
    };
    std::string bytes;
    size_t j = i_;
    while (j < re_.size() && plain(static_cast<unsigned char>(re_[j]))) {
      if (j + 1 < re_.size() &&
          std::string_view("*+?{").find(re_[j + 1]) != std::string_view::npos) {
        break;
      }
      bytes += static_cast<char>(FoldPrefixByte(static_cast<unsigned char>(re_[j])));
      ++j;
    }
    if (bytes.size() < 2) return false;
    i_ = j;
    run->exact.push_back(std::move(bytes));
    return true;
  }

  // Past the rest of the current sequence, once nothing more can be learnt
  // from it (brackets balanced, escapes and classes stepped over).
  void Skip() {
    int depth = 0;
    while (i_ < re_.size()) {
      const char c = re_[i_];
      if (depth == 0 && (c == '|' || c == ')')) return;
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '[') {
        Class();
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') --depth;
      ++i_;
    }
  }

  Prefixes Repeated() {
    Prefixes atom = Atom();
    int min = 0, max = -1;
    while (ReadQuantifier(re_, &i_, &min, &max)) atom = Repeat(atom, min, max, max_depth_);
    return atom;
  }

  Prefixes Atom() {
    const unsigned char c = static_cast<unsigned char>(re_[i_]);
    switch (c) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '.':
        ++i_;
        return Anything();
      case '^':
      case '$':
        ++i_;
        return Empty();
      case '\\':
        return Escape();
      default:
        ++i_;
        if (c >= 0x80) return Anything();  // UTF-8: folding not modelled
        return Bytes({FoldPrefixByte(c)});
    }
  }

  // A group's strings depend on its text alone, and the rules' combined
  // pattern repeats the same slot groups ({month}, {number}) in rule after
  // rule, so each distinct group text is read once.
  Prefixes Group() {
    const size_t open = i_;
    const size_t close = closes_[open];
    std::string_view text;
    if (close != std::string_view::npos) {
      text = re_.substr(open, close + 1 - open);
      if (auto it = groups_.find(text); it != groups_.end()) {
        i_ = close + 1;
        return it->second;
      }
    }
    Prefixes inside = GroupUncached();
    // Kept only when the reader ended the group where the scan said.
    if (!text.empty() && i_ == close + 1) groups_.emplace(text, inside);
    return inside;
  }

  Prefixes GroupUncached() {
    ++i_;
    if (i_ < re_.size() && re_[i_] == '?') {
      ++i_;
      if (i_ < re_.size() && re_[i_] == 'P') {  // (?P<name>...)
        const size_t close = re_.find('>', i_);
        if (close == std::string_view::npos) return Broken();
        i_ = close + 1;
      } else {
        // Flags: (?flags) alone or (?flags:...); case is folded anyway and
        // the others touch only what is not modelled.
        while (i_ < re_.size() && re_[i_] != ':' && re_[i_] != ')') {
          if (std::string_view("imsU-").find(re_[i_]) == std::string_view::npos) return Broken();
          ++i_;
        }
        if (i_ >= re_.size()) return Broken();
        if (re_[i_++] == ')') return Empty();
      }
    }
    ++depth_;
    Prefixes inside = Alternation();
    --depth_;
    if (i_ >= re_.size() || re_[i_] != ')') return Broken();
    ++i_;
    return inside;
  }

  // [...] as a set of bytes; negated classes and named classes match
  // characters beyond the bytes listed, so they leave the string open.
  Prefixes Class() {
    ++i_;
    bool negated = false;
    if (i_ < re_.size() && re_[i_] == '^') {
      negated = true;
      ++i_;
    }
    std::set<unsigned char> bytes;
    bool modelled = !negated;
    bool first = true;
    while (i_ < re_.size() && (re_[i_] != ']' || first)) {
      first = false;
      int lo = ClassChar(&bytes, &modelled);
      if (lo >= 0 && i_ + 1 < re_.size() && re_[i_] == '-' && re_[i_ + 1] != ']') {
        ++i_;
        const int hi = ClassChar(&bytes, &modelled);
        if (hi < 0) {
          modelled = false;
          continue;
        }
        for (int b = lo; b <= hi; ++b) AddFolded(&bytes, static_cast<unsigned char>(b));
      } else if (lo >= 0) {
        AddFolded(&bytes, static_cast<unsigned char>(lo));
      }
    }
    if (i_ < re_.size()) ++i_;  // ']'
    if (!modelled) return Anything();
    return Bytes(bytes);
  }

  static void AddFolded(std::set<unsigned char>* bytes, unsigned char b) {
    if (b >= 0x80) return;
    bytes->insert(FoldPrefixByte(b));
  }

  // One class member at i_: a byte (returned, for ranges) or a class escape
  // (added to *bytes, -1 returned).
  int ClassChar(std::set<unsigned char>* bytes, bool* modelled) {
    const unsigned char c = static_cast<unsigned char>(re_[i_]);
    if (c == '[' && i_ + 1 < re_.size() && re_[i_ + 1] == ':') {  // [:alpha:]
      const size_t close = re_.find(":]", i_ + 2);
      *modelled = false;
      i_ = close == std::string_view::npos ? re_.size() : close + 2;
      return -1;
    }
    ++i_;
    if (c >= 0x80) {
      *modelled = false;
      return -1;
    }
    if (c != '\\' || i_ >= re_.size()) return c;
    const char e = re_[i_++];
    if (std::string_view("dsw").find(e) != std::string_view::npos) {
      for (unsigned char b : ClassEscape(e)) bytes->insert(b);
      return -1;
    }
    const int byte = EscapedByte(e);
    if (byte < 0) *modelled = false;
    return byte;
  }

  static std::set<unsigned char> ClassEscape(char e) {
    std::set<unsigned char> out;
    if (e == 'd' || e == 'w') {
      for (unsigned char b = '0'; b <= '9'; ++b) out.insert(b);
    }
    if (e == 'w') {
      for (unsigned char b = 'a'; b <= 'z'; ++b) out.insert(b);
      out.insert('_');
    }
    if (e == 's') out = {'\t', '\n', '\v', '\f', '\r', ' '};
    return out;
  }

  // The byte a single-character escape stands for; -1 if not one.
  static int EscapedByte(char e) {
    if (const int control = ControlEscape(e); control >= 0) return control;
    const unsigned char u = static_cast<unsigned char>(e);
    if (u < 0x80 && !std::isalnum(u)) return FoldPrefixByte(u);  // \. \- \' ...
    return -1;
  }

  Prefixes Escape() {
    ++i_;
    if (i_ >= re_.size()) return Broken();
    const char e = re_[i_++];
    if (e == 'b' || e == 'B' || e == 'A' || e == 'z') return Empty();
    if (e == 'Q') return Broken();  // quoted text may hold '|' or ')'
    if (e == 'd' || e == 's' || e == 'w') return Bytes(ClassEscape(e));
    const int byte = EscapedByte(e);
    if (byte < 0) return Anything();
    return Bytes({static_cast<unsigned char>(byte)});
  }

  Prefixes Broken() {
    i_ = re_.size();
    return Anything();
  }

  std::string_view re_;
  size_t max_depth_;
  std::vector<size_t> closes_;
  std::unordered_map<std::string_view, Prefixes> groups_;
  size_t i_ = 0;
  int depth_ = 0;  // groups open at i_
  bool top_level_bar_ = false;
};

}  // namespace

std::optional<RegexPrefixes> ReadRegexPrefixes(std::string_view regex, size_t max_depth,
                                               size_t fallback_depth) {
  Reader reader(regex, max_depth);
  Prefixes prefixes = reader.Alternation();
  if (prefixes.too_many) {
    reader = Reader(regex, fallback_depth);
    prefixes = reader.Alternation();
  }
  if (!reader.AtEnd() || prefixes.anything || prefixes.MatchesEmpty()) return std::nullopt;
  RegexPrefixes out;
  out.exact = std::move(prefixes.exact);
  out.open = std::move(prefixes.open);
  out.top_level_bar = reader.TopLevelBar();
  return out;
}

}  // namespace kg::timex
