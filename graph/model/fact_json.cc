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

}  // namespace kg
