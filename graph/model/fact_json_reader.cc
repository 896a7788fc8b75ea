// Reading fact lines. One SAX pass (nlohmann's parser without its DOM) records
// what each known field holds; the checks then run in a fixed order, so the
// first error reported does not depend on the order of the keys. Building a
// DOM per line was most of `kg build` from fact shards; the SAX pass itself
// was then 40%, so the common well-formed line is read by a small scanner
// first (FastScanner), with the SAX pass behind it for everything else.
#include <nlohmann/json.hpp>

#include "graph/model/fact_json.h"
#include "graph/model/fact_json_raw.h"
#include "graph/model/fact_json_scanner.h"

namespace kg {
namespace fact_json_internal {
namespace {

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

}  // namespace

Result<Fact> FactFromJsonSax(std::string_view json, const std::string& file, int line) {
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

}  // namespace fact_json_internal

Result<Fact> FactFromJson(std::string_view json, const std::string& file, int line) {
  fact_json_internal::RawFact raw;
  if (fact_json_internal::FastScanner(json).Scan(&raw)) {
    Fact f;
    Status s = fact_json_internal::ToFact(raw, &f);
    if (!s.ok()) return Status::ErrorAt(file, line, 0, s.message());
    return f;
  }
  return fact_json_internal::FactFromJsonSax(json, file, line);
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
