#include "graph/model/fact_json.h"

#include <nlohmann/json.hpp>

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
  if (!it->is_boolean()) return Status::Error(std::string("field '") + key + "' must be true or false");
  *out = it->get<bool>();
  return Status::Ok();
}

Status ReadFields(const nlohmann::json& j, Fact* f) {
  if (!j.is_object()) return Status::Error("a fact must be a JSON object");
  for (auto [key, out] : {std::pair{"subject", &f->subject}, {"relation", &f->relation},
                          {"object", &f->object}}) {
    if (Status s = ReadString(j, key, true, out); !s.ok()) return s;
  }
  for (auto [key, out] : {std::pair{"id", &f->id}, {"doc", &f->doc},
                          {"subject_type", &f->subject_type}, {"object_type", &f->object_type},
                          {"rule", &f->rule}, {"sentence", &f->sentence}}) {
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

}  // namespace

std::string FactToJson(const Fact& f) {
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
