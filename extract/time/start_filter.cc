// Reading a regex's possible beginnings from its source. A small recursive
// descent over RE2's syntax computes, for each piece, the set of strings of
// fewer than kDepth bytes it can match whole ("exact") and the strings after
// which anything may follow ("open": cut at kDepth bytes, or ended by a
// construct the reader does not model). Sequences, alternations and repeats
// combine these sets; letters are lower-cased throughout, so the filter is a
// superset for case-sensitive groups too. Zero-width assertions (^, $, \b)
// match the empty string here, which only lets more through.
#include "extract/time/start_filter.h"

#include <cctype>
#include <set>
#include <string>

#include "extract/regex_syntax.h"

namespace kg::timex {
namespace {

constexpr size_t kDepth = StartFilter::kDepth;
// Past this many strings the set says nothing useful; give up.
constexpr size_t kMaxStrings = 100000;

struct Prefixes {
  std::set<std::string> exact;  // each shorter than kDepth
  std::set<std::string> open;
  bool Anything() const { return open.count("") > 0; }
  size_t Size() const { return exact.size() + open.size(); }
};

Prefixes Anything() {
  Prefixes p;
  p.open.insert("");
  return p;
}

Prefixes Empty() {
  Prefixes p;
  p.exact.insert("");
  return p;
}

// Bytes are compared by class, in the text as in the regex: letters without
// case, every digit as '0' and all white space as ' '. Merging bytes only
// lets more through, and keeps digit and space runs from multiplying the
// strings.
unsigned char Fold(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c >= '0' && c <= '9') return '0';
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
  return c;
}

// Case-insensitive RE2 also matches 'k' to the Kelvin sign and 's' to the
// long s, whose UTF-8 bytes lower-casing does not reach.
Prefixes Bytes(const std::set<unsigned char>& bytes) {
  Prefixes p;
  for (unsigned char c : bytes) p.exact.insert(std::string(1, static_cast<char>(Fold(c))));
  if (bytes.count('k') > 0) p.exact.insert("\xE2\x84\xAA");
  if (bytes.count('s') > 0) p.exact.insert("\xC5\xBF");
  return p;
}

void Add(std::set<std::string>* to, const std::set<std::string>& from) {
  to->insert(from.begin(), from.end());
}

Prefixes Concat(const Prefixes& a, const Prefixes& b) {
  if (a.Anything()) return a;
  Prefixes out;
  out.open = a.open;
  for (const std::string& x : a.exact) {
    for (const std::string& y : b.exact) {
      std::string s = x + y;
      if (s.size() >= kDepth) {
        out.open.insert(s.substr(0, kDepth));
      } else {
        out.exact.insert(std::move(s));
      }
    }
    for (const std::string& y : b.open) out.open.insert((x + y).substr(0, kDepth));
    if (out.Size() > kMaxStrings) return Anything();
  }
  return out;
}

Prefixes Union(Prefixes a, const Prefixes& b) {
  Add(&a.exact, b.exact);
  Add(&a.open, b.open);
  if (a.Size() > kMaxStrings || a.Anything()) return Anything();
  return a;
}

Prefixes Repeat(const Prefixes& x, int min, int max) {  // max < 0: unbounded
  // Each copy that is not empty adds a byte, so after kDepth + 1 copies
  // further ones change nothing; stop as soon as a copy changes nothing.
  const int limit = static_cast<int>(kDepth) + 2;
  Prefixes required = Empty();
  for (int i = 0; i < min; ++i) {
    Prefixes next = Concat(required, x);
    const bool same = next.exact == required.exact && next.open == required.open;
    required = std::move(next);
    if (same || required.Anything()) break;
    if (i > limit) return Anything();
  }
  Prefixes all = required;
  Prefixes last = required;
  for (int i = 0; max < 0 || i < max - min; ++i) {
    last = Concat(last, x);
    Prefixes next = Union(all, last);
    const bool same = next.exact == all.exact && next.open == all.open;
    all = std::move(next);
    if (same || all.Anything()) break;
    if (i > limit) return Anything();
  }
  return all;
}

class Reader {
 public:
  explicit Reader(std::string_view re) : re_(re) {}

  Prefixes Alternation() {
    Prefixes out = Sequence();
    while (i_ < re_.size() && re_[i_] == '|') {
      ++i_;
      out = Union(std::move(out), Sequence());
    }
    return out;
  }

  bool AtEnd() const { return i_ == re_.size(); }

 private:
  Prefixes Sequence() {
    Prefixes out = Empty();
    while (i_ < re_.size() && re_[i_] != '|' && re_[i_] != ')') {
      out = Concat(out, Repeated());
      if (out.Anything()) Skip();
    }
    return out;
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
    while (ReadQuantifier(re_, &i_, &min, &max)) atom = Repeat(atom, min, max);
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
        return Bytes({Fold(c)});
    }
  }

  Prefixes Group() {
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
    Prefixes inside = Alternation();
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
    bytes->insert(Fold(b));
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
    if (u < 0x80 && !std::isalnum(u)) return Fold(u);  // \. \- \' ...
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
  size_t i_ = 0;
};

// Never 0, the empty slot: the length sits in the top byte.
uint64_t Key(const unsigned char* bytes, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < n; ++i) k = k << 8 | bytes[i];
  return k | static_cast<uint64_t>(n) << 56;
}

}  // namespace

const std::array<unsigned char, 256> StartFilter::kFold = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = Fold(static_cast<unsigned char>(c));
  return t;
}();

std::optional<StartFilter> StartFilter::FromRegex(std::string_view regex) {
  Reader reader(regex);
  Prefixes prefixes = reader.Alternation();
  if (!reader.AtEnd() || prefixes.Anything() || prefixes.exact.count("") > 0) return std::nullopt;
  StartFilter filter;
  auto add = [&](const std::string& s) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t n = 1; n < s.size(); ++n) {
      if (n == 1) {
        filter.first_live_[bytes[0]] = true;
      } else if (n == 2) {
        filter.second_live_[bytes[0] << 8 | bytes[1]] = true;
      } else {
        filter.live_.Insert(Key(bytes, n));
      }
    }
    if (s.size() == 1) {
      filter.first_live_[bytes[0]] = true;
      filter.first_accept_[bytes[0]] = true;
    } else if (s.size() == 2) {
      filter.second_accept_[bytes[0] << 8 | bytes[1]] = true;
    } else {
      filter.accept_.Insert(Key(bytes, s.size()));
    }
  };
  for (const std::string& s : prefixes.exact) add(s);
  for (const std::string& s : prefixes.open) add(s);
  return filter;
}

bool StartFilter::Deeper(std::string_view text, size_t pos) const {
  unsigned char bytes[kDepth];
  bytes[0] = kFold[static_cast<unsigned char>(text[pos])];
  bytes[1] = kFold[static_cast<unsigned char>(text[pos + 1])];
  for (size_t n = 3; n <= kDepth && pos + n <= text.size(); ++n) {
    bytes[n - 1] = kFold[static_cast<unsigned char>(text[pos + n - 1])];
    const uint64_t key = Key(bytes, n);
    if (accept_.Contains(key)) return true;
    if (!live_.Contains(key)) return false;
  }
  return false;
}

void StartFilter::KeySet::Insert(uint64_t key) {
  if (Contains(key)) return;
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<uint64_t> old(2 * slots_.size(), 0);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    --shift_;
    size_ = 0;
    for (uint64_t k : old) {
      if (k != 0) Insert(k);
    }
  }
  size_t i = Slot(key);
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = key;
  ++size_;
}

}  // namespace kg::timex
