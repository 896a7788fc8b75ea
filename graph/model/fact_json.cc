#include "graph/model/fact_json.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "graph/model/decimal.h"
#include "graph/model/text_scan.h"

namespace kg {
namespace {

using nlohmann::ordered_json;

#if defined(__SSE2__)
// Bit i set when byte i of `v` is one a JSON string escapes or >= 0x80 (which
// WriteJsonString checks as UTF-8): text_scan::IsPlainJsonPadded's test, for
// a block already loaded.
unsigned JsonStopMask(__m128i v) {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  const __m128i special = _mm_or_si128(
      control,
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(special) | _mm_movemask_epi8(v));
}
#endif

ordered_json OptionalDate(const std::optional<Date>& d) {
  return d ? ordered_json(d->ToString()) : ordered_json(nullptr);
}

ordered_json MentionToJson(const MentionEvidence& m) {
  return ordered_json{{"text", m.text}, {"resolution", m.resolution}};
}

// The fact line written directly: building an ordered_json object per fact
// was an eighth of extraction. The bytes are those nlohmann's dump() writes
// for the same object (tests/model/fact_json_test.cc compares the two). The
// line's largest possible size is reserved up front, so every piece is
// written through a raw pointer without a capacity check; each key goes out
// with the punctuation around it as one literal.
class LineWriter {
 public:
  explicit LineWriter(char* at) : at_(at) {}

  template <size_t N>
  void Literal(const char (&text)[N]) {
    std::memcpy(at_, text, N - 1);
    at_ += N - 1;
  }
  void Char(char c) { *at_++ = c; }
  // A string that is not valid UTF-8 leaves the writer not ok(); what is
  // written after it still stays within the room reserved.
  __attribute__((always_inline)) void String(const std::string& s) {
    const size_t n = s.size();
    *at_ = '"';
#if defined(__SSE2__)
    // Most strings (ids, names, types, rules) are at most 16 bytes: one load,
    // one store and one test, no call. Sixteen bytes are there to read: a
    // std::string's buffer holds capacity() + 1 bytes, and its short-string
    // buffer alone is 16 (the capacity test keeps that true elsewhere). The
    // bytes past n are written but not counted, and masked out of the test.
    if (n <= 16 && s.capacity() >= 15) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data()));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(at_ + 1), v);
      if ((JsonStopMask(v) & ((1u << n) - 1)) == 0) {
        at_ += n + 1;
        *at_++ = '"';
        return;
      }
      Escaped(s);
      return;
    }
    // Longer ones (the sentence) are copied and tested in the same pass,
    // sixteen bytes a step; the last step is the string's last sixteen
    // bytes, overlapping the step before.
    if (n > 16) {
      const char* const from = s.data();
      char* const to = at_ + 1;
      unsigned stops = 0;
      for (size_t i = 0; i + 16 < n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(to + i), v);
        stops |= JsonStopMask(v);
      }
      const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + n - 16));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to + n - 16), last);
      if ((stops | JsonStopMask(last)) == 0) {
        at_ += n + 1;
        *at_++ = '"';
        return;
      }
      Escaped(s);
      return;
    }
#endif
    // Copied first and checked where it landed (the line buffer has room
    // past it): most strings are plain.
    std::memcpy(at_ + 1, s.data(), n);
    if (text_scan::IsPlainJsonPadded(at_ + 1, n)) {
      at_ += n + 1;
      *at_++ = '"';
      return;
    }
    Escaped(s);
  }
  void Integer(int64_t v) { at_ = decimal::Write(v, at_); }
  void Date(const std::optional<kg::Date>& d) {
    if (!d) {
      Literal("null");
    } else if (d->year >= 0 && d->year <= 9999 && d->month >= 0 && d->month <= 99 && d->day >= 0 &&
               d->day <= 99) {
      char text[] = "\"0000-00-00\"";
      decimal::WritePair(static_cast<unsigned>(d->year / 100), text + 1);
      decimal::WritePair(static_cast<unsigned>(d->year % 100), text + 3);
      decimal::WritePair(static_cast<unsigned>(d->month), text + 6);
      decimal::WritePair(static_cast<unsigned>(d->day), text + 9);
      Literal(text);
    } else {
      // Date::ToString's form of an out-of-range field: digits and '-' only.
      const std::string s = d->ToString();
      Char('"');
      std::memcpy(at_, s.data(), s.size());
      at_ += s.size();
      Char('"');
    }
  }
  // Inlined like String: a call kept the write position in memory across it.
  __attribute__((always_inline)) void Mention(const MentionEvidence& m) {
    Literal("{\"text\":");
    String(m.text);
    Literal(",\"resolution\":");
    String(m.resolution);
    Char('}');
  }
  bool ok() const { return ok_; }
  char* end() const { return at_; }

  static constexpr size_t kMaxInteger = decimal::kMaxChars;
  static constexpr size_t kMaxDate = 49;  // quoted Date::ToString, at most 47 bytes

 private:
  // Out of line: String's plain case is the one worth inlining.
  __attribute__((noinline)) void Escaped(std::string_view s) {
    char* end = text_scan::WriteJsonString(s, at_);
    if (end) {
      at_ = end;
    } else {
      ok_ = false;
    }
  }

  char* at_;
  bool ok_ = true;
};

// Literal bytes of a fact line, keys and punctuation: less than this.
constexpr size_t kMaxFixedBytes = 512;

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

// Room WriteLine may use for `f`'s line: every string at its longest
// escaped form, the literals, numbers and dates at their longest, and 16
// bytes LineWriter::String may store past a string it copied.
size_t MaxLineSize(const Fact& f) {
  const std::string* const strings[] = {&f.id,
                                        &f.doc,
                                        &f.subject,
                                        &f.subject_type,
                                        &f.relation,
                                        &f.object,
                                        &f.object_type,
                                        &f.rule,
                                        &f.sentence,
                                        &f.subject_mention.text,
                                        &f.subject_mention.resolution,
                                        &f.object_mention.text,
                                        &f.object_mention.resolution};
  size_t room = kMaxFixedBytes + 2 * LineWriter::kMaxInteger + 3 * LineWriter::kMaxDate + 16;
  for (const std::string* s : strings) room += text_scan::MaxJsonStringSize(*s);
  if (f.time) {
    for (const std::string* s : {&f.time->value, &f.time->text, &f.time->source}) {
      room += text_scan::MaxJsonStringSize(*s);
    }
  }
  return room;
}

// Writes `f`'s line at `at`, which has MaxLineSize(f) bytes of room; returns
// its end, or nullptr when a string is not valid UTF-8 (the line is then
// FactToJsonByObject's).
char* WriteLine(const Fact& f, char* at) {
  LineWriter w(at);
  w.Literal("{\"id\":");
  w.String(f.id);
  w.Literal(",\"doc\":");
  w.String(f.doc);
  w.Literal(",\"subject\":");
  w.String(f.subject);
  w.Literal(",\"subject_type\":");
  w.String(f.subject_type);
  w.Literal(",\"relation\":");
  w.String(f.relation);
  w.Literal(",\"object\":");
  w.String(f.object);
  w.Literal(",\"object_type\":");
  w.String(f.object_type);
  if (f.time) {
    w.Literal(",\"time\":{\"start\":");
    w.Date(f.time->start);
    w.Literal(",\"end\":");
    w.Date(f.time->end);
    w.Literal(",\"value\":");
    w.String(f.time->value);
    w.Literal(",\"text\":");
    w.String(f.time->text);
    w.Literal(",\"source\":");
    w.String(f.time->source);
    w.Char('}');
  } else {
    w.Literal(",\"time\":null");
  }
  if (f.negated) {
    w.Literal(",\"negated\":true");
  } else {
    w.Literal(",\"negated\":false");
  }
  if (f.hedged) {
    w.Literal(",\"hedged\":true");
  } else {
    w.Literal(",\"hedged\":false");
  }
  w.Literal(",\"rule\":");
  w.String(f.rule);
  w.Literal(",\"sentence\":");
  w.String(f.sentence);
  w.Literal(",\"span\":[");
  w.Integer(f.span_begin);
  w.Char(',');
  w.Integer(f.span_end);
  w.Literal("],\"doc_date\":");
  w.Date(f.doc_date);
  w.Literal(",\"subject_mention\":");
  w.Mention(f.subject_mention);
  w.Literal(",\"object_mention\":");
  w.Mention(f.object_mention);
  w.Char('}');
  return w.ok() ? w.end() : nullptr;
}

// Lines are written in a per-thread buffer that keeps its size across calls:
// sizing the caller's string by the worst case instead would clear ~6 bytes
// for every byte written.
class LineBuffer {
 public:
  LineBuffer() : buffer_(Buffer()) {}

  // Appends `f`'s line, and '\n' when `newline`.
  void Add(const Fact& f, bool newline) {
    Reserve(MaxLineSize(f) + 1);
    char* end = WriteLine(f, buffer_.data() + used_);
    if (end == nullptr) {
      // Invalid UTF-8 cannot come from the document reader, but nlohmann
      // replaces it rather than throw if a caller builds a fact by hand.
      const std::string line = FactToJsonByObject(f);
      Reserve(line.size() + 1);
      end = std::copy(line.begin(), line.end(), buffer_.data() + used_);
    }
    if (newline) *end++ = '\n';
    used_ = static_cast<size_t>(end - buffer_.data());
  }
  std::string_view lines() const { return std::string_view(buffer_.data(), used_); }

 private:
  static std::string& Buffer() {
    thread_local std::string buffer;
    return buffer;
  }
  void Reserve(size_t room) {
    if (buffer_.size() - used_ < room) buffer_.resize(std::max(used_ + room, 2 * buffer_.size()));
  }

  std::string& buffer_;
  size_t used_ = 0;
};

}  // namespace

void AppendFactJson(const Fact& f, std::string* out) {
  LineBuffer buffer;
  buffer.Add(f, /*newline=*/false);
  out->append(buffer.lines());
}

void AppendFactJsonLines(std::span<const Fact> facts, std::string* out) {
  LineBuffer buffer;
  for (const Fact& f : facts) buffer.Add(f, /*newline=*/true);
  out->append(buffer.lines());
}

size_t FactJsonSizeHint(const Fact& f) {
  // Keys, punctuation, dates, span and newline of a line with a time: 359-364
  // bytes on the example articles.
  constexpr size_t kRest = 364;
  size_t n = kRest + f.id.size() + f.doc.size() + f.subject.size() + f.subject_type.size() +
             f.relation.size() + f.object.size() + f.object_type.size() + f.rule.size() +
             f.sentence.size() + f.subject_mention.text.size() +
             f.subject_mention.resolution.size() + f.object_mention.text.size() +
             f.object_mention.resolution.size();
  if (f.time) n += f.time->value.size() + f.time->text.size() + f.time->source.size();
  return n;
}

std::string FactToJson(const Fact& f) {
  std::string out;
  AppendFactJson(f, &out);
  return out;
}

}  // namespace kg
