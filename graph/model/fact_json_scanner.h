// Internal to the fact-line reader (fact_json_reader.cc): its fast path.
#ifndef KG_GRAPH_MODEL_FACT_JSON_SCANNER_H_
#define KG_GRAPH_MODEL_FACT_JSON_SCANNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/fact_json_raw.h"

namespace kg::fact_json_internal {

// The fast path: a scanner for the line every writer of facts produces — an
// object of known keys whose values are strings, integers, booleans, null,
// the time and mention objects and the span array. It fills the same RawFact
// the SAX pass would and gives up (returns false) on anything else: escapes
// \u, fractions and exponents, big integers, repeated keys, unexpected
// containers, bad UTF-8, syntax errors. The caller then runs the SAX pass,
// which decides and words every error, so both paths give the same results.
class FastScanner {
 public:
  explicit FastScanner(std::string_view json) : p_(json.data()), end_(json.data() + json.size()) {}

  bool Scan(RawFact* fact) {
    SkipSpace();
    if (!Peek('{')) return false;
    fact->is_object = true;
    uint32_t seen = 0;
    return Members([&] { return TopMember(fact, &seen); }) && AtEnd();
  }

 private:
  bool Peek(char c) const { return p_ < end_ && *p_ == c; }
  bool Eat(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }

  // A string, integer, boolean or null into `out` (nullptr: checked, not kept).
  bool Scalar(Raw* out) {
    Raw ignored;
    Raw& r = out != nullptr ? *out : ignored;
    if (Peek('"')) {
      r.kind = Raw::kString;
      return String(&r.text);
    }
    if (Literal("null")) {
      r.kind = Raw::kNull;
    } else if (Literal("true")) {
      r.kind = Raw::kBool;
      r.flag = true;
    } else if (Literal("false")) {
      r.kind = Raw::kBool;
    } else {
      int64_t ignored_value = 0;
      if (!Integer(&ignored_value)) return false;
      r.kind = Raw::kInteger;
    }
    return true;
  }

  // Up to 18 digits, so the value fits int64 and uint64 alike.
  bool Integer(int64_t* out) {
    const bool negative = Eat('-');
    const char* digits = p_;
    int64_t value = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
      if (p_ - digits == 18) return false;  // before a 19th digit could overflow
      value = value * 10 + (*p_++ - '0');
    }
    const size_t n = static_cast<size_t>(p_ - digits);
    if (n == 0 || (n > 1 && *digits == '0')) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    *out = negative ? -value : value;
    return true;
  }

  bool Span(std::vector<int64_t>* span) {
    ++p_;  // '['
    SkipSpace();
    if (Eat(']')) return true;
    for (;;) {
      SkipSpace();
      int64_t v = 0;
      if (!Integer(&v)) return false;
      span->push_back(v);
      SkipSpace();
      if (Eat(']')) return true;
      if (!Eat(',')) return false;
    }
  }

  // Walks the members of the object whose '{' is next: key_ holds each key and
  // `member` reads its value. False on malformed JSON or when `member` fails.
  template <typename Member>
  bool Members(Member member) {
    ++p_;  // '{'
    SkipSpace();
    if (Eat('}')) return true;
    for (;;) {
      SkipSpace();
      if (!String(&key_)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      if (!member()) return false;
      SkipSpace();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
    }
  }

  // A member of the fact object: known fields at most once, each into its slot.
  bool TopMember(RawFact* fact, uint32_t* seen) {
    int field = -1;
    for (const auto& [name, f] : kTopNames) {
      if (name == key_) field = f;
    }
    if (field < 0) return Scalar(nullptr);
    if (*seen & (1u << field)) return false;
    *seen |= 1u << field;
    Raw& slot = fact->top[field];
    if (field == kTime && Peek('{')) {
      slot.kind = Raw::kObject;
      return Object(fact->time, kTimeNames, kTimeFields);
    }
    if ((field == kSubjectMention || field == kObjectMention) && Peek('{')) {
      slot.kind = Raw::kObject;
      return Object(fact->mention[field == kObjectMention], kMentionNames, kMentionFields);
    }
    if (field == kSpan && Peek('[')) {
      slot.kind = Raw::kArray;
      return Span(&fact->span);
    }
    return Scalar(&slot);
  }

  // The time or a mention: scalar fields only, each at most once.
  bool Object(Raw* fields, const std::string_view* names, int n) {
    uint32_t seen = 0;
    return Members([&] {
      int i = IndexOf(key_, names, n);
      if (i >= 0 && (seen & (1u << i))) return false;
      if (i >= 0) seen |= 1u << i;
      return Scalar(i < 0 ? nullptr : &fields[i]);
    });
  }

  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    for (;;) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80) {
        ++p_;
      }
      out->append(run, p_);
      if (p_ == end_) return false;
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!Escape(out)) return false;
      } else if (!Utf8(out)) {
        return false;
      }
    }
  }

  bool Escape(std::string* out) {
    if (end_ - p_ < 2) return false;
    char c = p_[1];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        break;
      case 'b':
        c = '\b';
        break;
      case 'f':
        c = '\f';
        break;
      case 'n':
        c = '\n';
        break;
      case 'r':
        c = '\r';
        break;
      case 't':
        c = '\t';
        break;
      default:
        return false;  // \u and anything invalid: the SAX pass
    }
    out->push_back(c);
    p_ += 2;
    return true;
  }

  // One well-formed UTF-8 sequence (RFC 3629: no overlong forms, surrogates
  // or code points past U+10FFFF), as the SAX parser accepts.
  bool Utf8(std::string* out) {
    const auto* s = reinterpret_cast<const unsigned char*>(p_);
    const size_t left = static_cast<size_t>(end_ - p_);
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
      n = 2;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
      n = 3;
      if (s[0] == 0xE0) lo = 0xA0;
      if (s[0] == 0xED) hi = 0x9F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
      n = 4;
      if (s[0] == 0xF0) lo = 0x90;
      if (s[0] == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (left < n || s[1] < lo || s[1] > hi) return false;
    for (size_t i = 2; i < n; ++i) {
      if (s[i] < 0x80 || s[i] > 0xBF) return false;
    }
    out->append(p_, n);
    p_ += n;
    return true;
  }

  const char* p_;
  const char* end_;
  std::string key_;
};

}  // namespace kg::fact_json_internal

#endif  // KG_GRAPH_MODEL_FACT_JSON_SCANNER_H_
