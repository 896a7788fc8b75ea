// Reading fact lines. One SAX pass (nlohmann's parser without its DOM) records
// what each known field holds; the checks then run in a fixed order, so the
// first error reported does not depend on the order of the keys. Building a
// DOM per line was most of `kg build` from fact shards; the SAX pass itself
// was then 40%, so the common well-formed line is read by a small scanner
// first (FastScanner), with the SAX pass behind it for everything else.
#include <nlohmann/json.hpp>

#include "graph/model/fact_json.h"

namespace kg {
namespace {

// What a field held. kObject / kArray are only recorded for the fields that
// may be containers (time, mentions, span); other containers are kOther.
struct Raw {
  enum Kind : uint8_t { kAbsent, kNull, kString, kBool, kInteger, kObject, kArray, kOther };
  Kind kind = kAbsent;
  std::string text;
  bool flag = false;
};

// Field slots, top level then inside the containers.
enum Field : uint8_t {
  kId,
  kDoc,
  kSubject,
  kSubjectType,
  kRelation,
  kObject,
  kObjectType,
  kRule,
  kSentence,
  kNegated,
  kHedged,
  kDocDate,
  kSubjectMention,
  kObjectMention,
  kSpan,
  kTime,
  kTopFields
};
enum TimeField : uint8_t { kStart, kEnd, kValue, kText, kSource, kTimeFields };
enum MentionField : uint8_t { kMentionText, kResolution, kMentionFields };

constexpr std::pair<std::string_view, Field> kTopNames[] = {{"id", kId},
                                                            {"doc", kDoc},
                                                            {"subject", kSubject},
                                                            {"subject_type", kSubjectType},
                                                            {"relation", kRelation},
                                                            {"object", kObject},
                                                            {"object_type", kObjectType},
                                                            {"rule", kRule},
                                                            {"sentence", kSentence},
                                                            {"negated", kNegated},
                                                            {"hedged", kHedged},
                                                            {"doc_date", kDocDate},
                                                            {"subject_mention", kSubjectMention},
                                                            {"object_mention", kObjectMention},
                                                            {"span", kSpan},
                                                            {"time", kTime}};
constexpr std::string_view kTimeNames[] = {"start", "end", "value", "text", "source"};
constexpr std::string_view kMentionNames[] = {"text", "resolution"};

int IndexOf(std::string_view key, const std::string_view* names, int n) {
  for (int i = 0; i < n; ++i) {
    if (names[i] == key) return i;
  }
  return -1;
}

struct RawFact {
  bool is_object = false;
  Raw top[kTopFields];
  Raw time[kTimeFields];
  Raw mention[2][kMentionFields];
  std::vector<int64_t> span;  // the integers of `span`
  bool span_ok = true;        // every element an integer
};

class Collector : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit Collector(RawFact* fact) : fact_(*fact) {}

  bool null() override { return Scalar(Raw::kNull, "", false); }
  bool boolean(bool b) override { return Scalar(Raw::kBool, "", b); }
  bool number_integer(number_integer_t n) override { return Integer(n); }
  bool number_unsigned(number_unsigned_t n) override {
    return Integer(static_cast<int64_t>(n));  // as json::get<int64_t> converts it
  }
  bool number_float(number_float_t, const string_t&) override {
    return Scalar(Raw::kOther, "", false);
  }
  bool string(string_t& s) override {
    if (depth_ == 2 && in_ == kInSpan) return Scalar(Raw::kString, "", false);
    if (Raw* r = depth_ == 0 ? nullptr : Target()) {
      r->kind = Raw::kString;
      r->text = std::move(s);
      return true;
    }
    return true;
  }
  bool binary(binary_t&) override { return Scalar(Raw::kOther, "", false); }

  bool start_object(std::size_t) override { return Open(Raw::kObject); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(Raw::kArray); }
  bool end_array() override { return Close(); }

  bool key(string_t& k) override {
    if (depth_ == 1) {
      slot_ = nullptr;
      container_ = kNone;
      for (const auto& [name, field] : kTopNames) {
        if (name == k) {
          slot_ = &fact_.top[field];
          container_ = field == kTime             ? kInTime
                       : field == kSubjectMention ? kInSubjectMention
                       : field == kObjectMention  ? kInObjectMention
                       : field == kSpan           ? kInSpan
                                                  : kNone;
        }
      }
    } else if (depth_ == 2 && in_ != kNone && in_ != kInSpan) {
      int i = in_ == kInTime ? IndexOf(k, kTimeNames, kTimeFields)
                             : IndexOf(k, kMentionNames, kMentionFields);
      Raw* fields = in_ == kInTime ? fact_.time : fact_.mention[in_ == kInObjectMention];
      inner_ = i < 0 ? nullptr : &fields[i];
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_what = ex.what();
    return false;
  }

  std::size_t error_position = 0;
  std::string error_what;

 private:
  enum Container : uint8_t { kNone, kInTime, kInSubjectMention, kInObjectMention, kInSpan };

  // The slot a value at the current depth goes to, or nullptr to ignore it.
  Raw* Target() {
    if (depth_ == 1) return slot_;
    if (depth_ == 2 && in_ != kNone && in_ != kInSpan) return inner_;
    return nullptr;
  }

  bool Scalar(Raw::Kind kind, const std::string& text, bool flag) {
    if (depth_ == 0) return true;  // a top-level scalar: not an object
    if (depth_ == 2 && in_ == kInSpan) {
      fact_.span_ok = false;
      return true;
    }
    if (Raw* r = Target()) {
      r->kind = kind;
      r->text = text;
      r->flag = flag;
    }
    return true;
  }

  bool Integer(int64_t n) {
    if (depth_ == 2 && in_ == kInSpan) {
      fact_.span.push_back(n);
      return true;
    }
    return Scalar(Raw::kInteger, "", false);
  }

  bool Open(Raw::Kind kind) {
    if (depth_ == 0) {
      fact_.is_object = kind == Raw::kObject;
    } else if (depth_ == 1 && slot_ != nullptr) {
      // A repeated key replaces what the earlier one held, as in a DOM.
      const bool fits = (kind == Raw::kArray) == (container_ == kInSpan) && container_ != kNone;
      slot_->kind = fits ? kind : Raw::kOther;
      if (fits) {
        in_ = container_;
        if (in_ == kInTime) std::fill(std::begin(fact_.time), std::end(fact_.time), Raw());
        if (in_ == kInSubjectMention || in_ == kInObjectMention) {
          Raw* fields = fact_.mention[in_ == kInObjectMention];
          std::fill(fields, fields + kMentionFields, Raw());
        }
        if (in_ == kInSpan) {
          fact_.span.clear();
          fact_.span_ok = true;
        }
      }
      inner_ = nullptr;
    } else if (depth_ == 2 && in_ == kInSpan) {
      fact_.span_ok = false;
    } else if (Raw* r = Target()) {
      r->kind = Raw::kOther;
    }
    ++depth_;
    return true;
  }

  bool Close() {
    --depth_;
    if (depth_ == 1) in_ = kNone;
    return true;
  }

  RawFact& fact_;
  int depth_ = 0;
  Raw* slot_ = nullptr;          // the top-level field of the last key
  Raw* inner_ = nullptr;         // the field inside time / a mention of the last key
  Container container_ = kNone;  // what the last top-level key may contain
  Container in_ = kNone;         // the container being read
};

// The checks take the recorded strings (each is read once).
Status FieldString(Raw& r, std::string_view key, bool required, std::string* out) {
  if (r.kind == Raw::kAbsent || r.kind == Raw::kNull) {
    return required ? Status::Error("missing field '" + std::string(key) + "'") : Status::Ok();
  }
  if (r.kind != Raw::kString)
    return Status::Error("field '" + std::string(key) + "' must be a string");
  *out = std::move(r.text);
  return Status::Ok();
}

Status FieldDate(Raw& r, std::string_view key, std::optional<Date>* out) {
  std::string text;
  Status s = FieldString(r, key, false, &text);
  if (!s.ok() || text.empty()) return s;
  *out = ParseDate(text);
  if (!*out) return Status::Error("field '" + std::string(key) + "' is not a YYYY-MM-DD date");
  return Status::Ok();
}

Status FieldBool(const Raw& r, std::string_view key, bool* out) {
  if (r.kind == Raw::kAbsent || r.kind == Raw::kNull) return Status::Ok();
  if (r.kind != Raw::kBool)
    return Status::Error("field '" + std::string(key) + "' must be true or false");
  *out = r.flag;
  return Status::Ok();
}

Status FieldMention(RawFact& raw, int which, std::string_view key, MentionEvidence* out) {
  const Raw& r = raw.top[which == 0 ? kSubjectMention : kObjectMention];
  if (r.kind == Raw::kAbsent || r.kind == Raw::kNull) return Status::Ok();
  if (r.kind != Raw::kObject)
    return Status::Error("field '" + std::string(key) + "' must be an object");
  Status s = FieldString(raw.mention[which][kMentionText], "text", false, &out->text);
  if (s.ok())
    s = FieldString(raw.mention[which][kResolution], "resolution", false, &out->resolution);
  return s;
}

Status ToFact(RawFact& raw, Fact* f) {
  if (!raw.is_object) return Status::Error("a fact must be a JSON object");
  Raw* top = raw.top;
  for (auto [field, out] :
       {std::pair{kSubject, &f->subject}, {kRelation, &f->relation}, {kObject, &f->object}}) {
    if (Status s = FieldString(top[field], kTopNames[field].first, true, out); !s.ok()) return s;
  }
  for (auto [field, out] : {std::pair{kId, &f->id},
                            {kDoc, &f->doc},
                            {kSubjectType, &f->subject_type},
                            {kObjectType, &f->object_type},
                            {kRule, &f->rule},
                            {kSentence, &f->sentence}}) {
    if (Status s = FieldString(top[field], kTopNames[field].first, false, out); !s.ok()) return s;
  }
  if (Status s = FieldBool(top[kNegated], "negated", &f->negated); !s.ok()) return s;
  if (Status s = FieldBool(top[kHedged], "hedged", &f->hedged); !s.ok()) return s;
  if (Status s = FieldDate(top[kDocDate], "doc_date", &f->doc_date); !s.ok()) return s;
  if (Status s = FieldMention(raw, 0, "subject_mention", &f->subject_mention); !s.ok()) return s;
  if (Status s = FieldMention(raw, 1, "object_mention", &f->object_mention); !s.ok()) return s;
  if (top[kSpan].kind != Raw::kAbsent && top[kSpan].kind != Raw::kNull) {
    if (top[kSpan].kind != Raw::kArray || !raw.span_ok || raw.span.size() != 2) {
      return Status::Error("field 'span' must be [begin, end]");
    }
    f->span_begin = raw.span[0];
    f->span_end = raw.span[1];
  }
  if (top[kTime].kind != Raw::kAbsent && top[kTime].kind != Raw::kNull) {
    if (top[kTime].kind != Raw::kObject)
      return Status::Error("field 'time' must be an object or null");
    FactTime t;
    Status s = FieldDate(raw.time[kStart], "start", &t.start);
    if (s.ok()) s = FieldDate(raw.time[kEnd], "end", &t.end);
    if (s.ok()) s = FieldString(raw.time[kValue], "value", false, &t.value);
    if (s.ok()) s = FieldString(raw.time[kText], "text", false, &t.text);
    if (s.ok()) s = FieldString(raw.time[kSource], "source", false, &t.source);
    if (!s.ok()) return s;
    if (t.start && t.end && *t.end < *t.start) return Status::Error("time 'end' is before 'start'");
    f->time = std::move(t);
  }
  if (f->id.empty()) f->id = MakeFactId(*f);
  return Status::Ok();
}

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
    if (!Eat('{')) return false;
    fact->is_object = true;
    uint32_t seen = 0;
    SkipSpace();
    if (Eat('}')) return AtEnd();
    for (;;) {
      SkipSpace();
      if (!String(&key_)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      int field = -1;
      for (const auto& [name, f] : kTopNames) {
        if (name == key_) field = f;
      }
      if (field < 0) {
        if (!Scalar(nullptr)) return false;
      } else {
        if (seen & (1u << field)) return false;
        seen |= 1u << field;
        Raw& slot = fact->top[field];
        if (field == kTime && Peek('{')) {
          slot.kind = Raw::kObject;
          if (!Object(fact->time, kTimeNames, kTimeFields)) return false;
        } else if ((field == kSubjectMention || field == kObjectMention) && Peek('{')) {
          slot.kind = Raw::kObject;
          if (!Object(fact->mention[field == kObjectMention], kMentionNames, kMentionFields))
            return false;
        } else if (field == kSpan && Peek('[')) {
          slot.kind = Raw::kArray;
          if (!Span(&fact->span)) return false;
        } else if (!Scalar(&slot)) {
          return false;
        }
      }
      SkipSpace();
      if (Eat('}')) return AtEnd();
      if (!Eat(',')) return false;
    }
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

  // The time or a mention: scalar fields only, each at most once.
  bool Object(Raw* fields, const std::string_view* names, int n) {
    ++p_;  // '{'
    uint32_t seen = 0;
    SkipSpace();
    if (Eat('}')) return true;
    for (;;) {
      SkipSpace();
      if (!String(&key_)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      int i = IndexOf(key_, names, n);
      if (i >= 0 && (seen & (1u << i))) return false;
      if (i >= 0) seen |= 1u << i;
      if (!Scalar(i < 0 ? nullptr : &fields[i])) return false;
      SkipSpace();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
    }
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

}  // namespace

Result<Fact> FactFromJson(std::string_view json, const std::string& file, int line) {
  RawFact raw;
  if (FastScanner(json).Scan(&raw)) {
    Fact f;
    Status s = ToFact(raw, &f);
    if (!s.ok()) return Status::ErrorAt(file, line, 0, s.message());
    return f;
  }
  return fact_json_internal::FactFromJsonSax(json, file, line);
}

Result<Fact> fact_json_internal::FactFromJsonSax(std::string_view json, const std::string& file,
                                                 int line) {
  RawFact raw;
  Collector collector(&raw);
  if (!nlohmann::json::sax_parse(json, &collector)) {
    const std::string& what = collector.error_what;
    // "[json.exception.parse_error.101] parse error at line 1, column 13: syntax
    // error ...: unexpected end of input" gives its byte and the part after the
    // last ": "; a number too large for any C++ type (out_of_range.406) has no
    // position worth reporting.
    if (what.find("parse_error") != std::string::npos) {
      return Status::ErrorAt(file, line, static_cast<int>(collector.error_position),
                             "invalid JSON: " + what.substr(what.rfind(": ") + 2));
    }
    const size_t bracket = what.find("] ");
    return Status::ErrorAt(
        file, line, 0,
        "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)));
  }
  Fact f;
  Status s = ToFact(raw, &f);
  if (!s.ok()) return Status::ErrorAt(file, line, 0, s.message());
  return f;
}

Result<std::vector<Fact>> FactsFromJsonLines(std::string_view text, const std::string& file) {
  std::vector<Fact> facts;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Result<Fact> f = FactFromJson(line, file, line_no);
    if (!f.ok()) return f.status();
    facts.push_back(std::move(f).value());
  }
  return facts;
}

}  // namespace kg
