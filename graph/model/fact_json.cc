#include "graph/model/fact_json.h"

#include <nlohmann/json.hpp>

#include "graph/model/text_bytes.h"

namespace kg {
namespace {

using nlohmann::ordered_json;

ordered_json OptionalDate(const std::optional<Date>& d) {
  return d ? ordered_json(d->ToString()) : ordered_json(nullptr);
}

ordered_json MentionToJson(const MentionEvidence& m) {
  return ordered_json{{"text", m.text}, {"resolution", m.resolution}};
}

// Reads `key` from `obj` into `out` if present; a wrong type is an error.
Status ReadString(const nlohmann::json& obj, const char* key, bool required, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return required ? Status::Error(std::string("missing field '") + key + "'") : Status::Ok();
  }
  if (!it->is_string()) return Status::Error(std::string("field '") + key + "' must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status ReadOptionalDate(const nlohmann::json& obj, const char* key, std::optional<Date>* out) {
  std::string text;
  Status s = ReadString(obj, key, false, &text);
  if (!s.ok() || text.empty()) return s;
  *out = ParseDate(text);
  if (!*out) return Status::Error(std::string("field '") + key + "' is not a YYYY-MM-DD date");
  return Status::Ok();
}

Status ReadMention(const nlohmann::json& obj, const char* key, MentionEvidence* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_object()) return Status::Error(std::string("field '") + key + "' must be an object");
  Status s = ReadString(*it, "text", false, &out->text);
  if (s.ok()) s = ReadString(*it, "resolution", false, &out->resolution);
  return s;
}

Status ReadBool(const nlohmann::json& obj, const char* key, bool* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_boolean())
    return Status::Error(std::string("field '") + key + "' must be true or false");
  *out = it->get<bool>();
  return Status::Ok();
}

Status ReadFields(const nlohmann::json& j, Fact* f) {
  if (!j.is_object()) return Status::Error("a fact must be a JSON object");
  for (auto [key, out] :
       {std::pair{"subject", &f->subject}, {"relation", &f->relation}, {"object", &f->object}}) {
    if (Status s = ReadString(j, key, true, out); !s.ok()) return s;
  }
  for (auto [key, out] : {std::pair{"id", &f->id},
                          {"doc", &f->doc},
                          {"subject_type", &f->subject_type},
                          {"object_type", &f->object_type},
                          {"rule", &f->rule},
                          {"sentence", &f->sentence}}) {
    if (Status s = ReadString(j, key, false, out); !s.ok()) return s;
  }
  if (Status s = ReadBool(j, "negated", &f->negated); !s.ok()) return s;
  if (Status s = ReadBool(j, "hedged", &f->hedged); !s.ok()) return s;
  if (Status s = ReadOptionalDate(j, "doc_date", &f->doc_date); !s.ok()) return s;
  if (Status s = ReadMention(j, "subject_mention", &f->subject_mention); !s.ok()) return s;
  if (Status s = ReadMention(j, "object_mention", &f->object_mention); !s.ok()) return s;
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() ||
        !(*it)[1].is_number_integer()) {
      return Status::Error("field 'span' must be [begin, end]");
    }
    f->span_begin = (*it)[0].get<int64_t>();
    f->span_end = (*it)[1].get<int64_t>();
  }
  if (auto it = j.find("time"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return Status::Error("field 'time' must be an object or null");
    FactTime t;
    Status s = ReadOptionalDate(*it, "start", &t.start);
    if (s.ok()) s = ReadOptionalDate(*it, "end", &t.end);
    if (s.ok()) s = ReadString(*it, "value", false, &t.value);
    if (s.ok()) s = ReadString(*it, "text", false, &t.text);
    if (s.ok()) s = ReadString(*it, "source", false, &t.source);
    if (!s.ok()) return s;
    if (t.start && t.end && *t.end < *t.start) return Status::Error("time 'end' is before 'start'");
    f->time = std::move(t);
  }
  if (f->id.empty()) f->id = MakeFactId(*f);
  return Status::Ok();
}

// The fact line written directly: building an ordered_json object per fact
// was an eighth of extraction. The bytes are those nlohmann's dump() writes
// for the same object (tests/model/fact_json_test.cc compares the two).
class LineWriter {
 public:
  explicit LineWriter(std::string* out) : out_(*out) {}

  void Key(const char* key) {
    out_ += first_ ? "\"" : ",\"";
    out_ += key;
    out_ += "\":";
    first_ = false;
  }
  void Open() {
    out_ += '{';
    first_ = true;
  }
  void Close() {
    out_ += '}';
    first_ = false;
  }
  void String(std::string_view s) {
    out_ += '"';
    size_t plain = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(s, plain, s.size() - plain);
    out_ += '"';
  }
  void Date(const std::optional<kg::Date>& d) {
    if (d) {
      String(d->ToString());
    } else {
      out_ += "null";
    }
  }
  void Raw(std::string_view s) { out_ += s; }
  void Bool(bool b) { out_ += b ? "true" : "false"; }
  void Mention(const MentionEvidence& m) {
    Open();
    Key("text");
    String(m.text);
    Key("resolution");
    String(m.resolution);
    Close();
  }

 private:
  std::string& out_;
  bool first_ = true;
};

// Strings the direct writer can copy as they are: UTF-8, which every fact
// read from a document is. Anything else goes through nlohmann's replacement
// of invalid sequences.
bool AllValidUtf8(const Fact& f) {
  auto ok = [](const std::string& s) {
    for (unsigned char c : s) {
      if (c >= 0x80 || c == 0) return CheckTextBytes(s, "").ok();
    }
    return true;
  };
  for (const std::string* s :
       {&f.id, &f.doc, &f.subject, &f.subject_type, &f.relation, &f.object, &f.object_type, &f.rule,
        &f.sentence, &f.subject_mention.text, &f.subject_mention.resolution, &f.object_mention.text,
        &f.object_mention.resolution}) {
    if (!ok(*s)) return false;
  }
  return !f.time || (ok(f.time->value) && ok(f.time->text) && ok(f.time->source));
}

std::string FactToJsonByObject(const Fact& f) {
  ordered_json j;
  j["id"] = f.id;
  j["doc"] = f.doc;
  j["subject"] = f.subject;
  j["subject_type"] = f.subject_type;
  j["relation"] = f.relation;
  j["object"] = f.object;
  j["object_type"] = f.object_type;
  if (f.time) {
    j["time"] = ordered_json{{"start", OptionalDate(f.time->start)},
                             {"end", OptionalDate(f.time->end)},
                             {"value", f.time->value},
                             {"text", f.time->text},
                             {"source", f.time->source}};
  } else {
    j["time"] = nullptr;
  }
  j["negated"] = f.negated;
  j["hedged"] = f.hedged;
  j["rule"] = f.rule;
  j["sentence"] = f.sentence;
  j["span"] = {f.span_begin, f.span_end};
  j["doc_date"] = OptionalDate(f.doc_date);
  j["subject_mention"] = MentionToJson(f.subject_mention);
  j["object_mention"] = MentionToJson(f.object_mention);
  // Invalid UTF-8 cannot reach here from the document reader, but replace rather
  // than throw if a caller builds a fact by hand.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string FactToJson(const Fact& f) {
  if (!AllValidUtf8(f)) return FactToJsonByObject(f);
  std::string out;
  out.reserve(256 + f.sentence.size());
  LineWriter w(&out);
  w.Open();
  for (auto [key, value] : {std::pair{"id", &f.id},
                            {"doc", &f.doc},
                            {"subject", &f.subject},
                            {"subject_type", &f.subject_type},
                            {"relation", &f.relation},
                            {"object", &f.object},
                            {"object_type", &f.object_type}}) {
    w.Key(key);
    w.String(*value);
  }
  w.Key("time");
  if (f.time) {
    w.Open();
    w.Key("start");
    w.Date(f.time->start);
    w.Key("end");
    w.Date(f.time->end);
    w.Key("value");
    w.String(f.time->value);
    w.Key("text");
    w.String(f.time->text);
    w.Key("source");
    w.String(f.time->source);
    w.Close();
  } else {
    w.Raw("null");
  }
  w.Key("negated");
  w.Bool(f.negated);
  w.Key("hedged");
  w.Bool(f.hedged);
  w.Key("rule");
  w.String(f.rule);
  w.Key("sentence");
  w.String(f.sentence);
  w.Key("span");
  w.Raw("[" + std::to_string(f.span_begin) + "," + std::to_string(f.span_end) + "]");
  w.Key("doc_date");
  w.Date(f.doc_date);
  w.Key("subject_mention");
  w.Mention(f.subject_mention);
  w.Key("object_mention");
  w.Mention(f.object_mention);
  w.Close();
  return out;
}

Result<Fact> FactFromJson(std::string_view json, const std::string& file, int line) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Re-parse with exceptions only to learn where the syntax broke.
    int column = 0;
    std::string what = "invalid JSON";
    try {
      nlohmann::json unused = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
      column = static_cast<int>(e.byte);
      what = "invalid JSON: " + std::string(e.what()).substr(std::string(e.what()).rfind(": ") + 2);
    } catch (const nlohmann::json::exception& e) {
      // A number too large for any C++ type is out_of_range.406, not a
      // parse_error: "[json.exception.out_of_range.406] number overflow ...".
      const std::string text = e.what();
      const size_t bracket = text.find("] ");
      what = "invalid JSON: " + (bracket == std::string::npos ? text : text.substr(bracket + 2));
    }
    return Status::ErrorAt(file, line, column, what);
  }
  Fact f;
  Status s = ReadFields(j, &f);
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
