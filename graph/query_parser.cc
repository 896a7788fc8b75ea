// A hand-written recursive-descent parser over the tokens of one query. Each
// command takes its positional arguments, then any of its options in any
// order, each at most once; anything else is an error at that token.
#include "graph/query_parser.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "graph/model/ascii_case.h"
#include "graph/suggest.h"

namespace kg {

namespace {

// Bytes that end a bare word: spaces, a comma, a quote.
constexpr std::array<bool, 256> kWordStop = [] {
  std::array<bool, 256> stop{};
  for (unsigned char c : std::string_view(" \t\r\n,\"")) stop[c] = true;
  return stop;
}();

// Reads the quoted token whose opening quote is text[*i]; *i ends past the
// closing quote. Its text is a view of the query unless it has escapes.
bool ReadQuoted(std::string_view text, size_t* i, QueryTokens* tokens, QueryError* error) {
  const size_t start = (*i)++;
  size_t run = text.find_first_of("\"\\", *i);
  if (run != std::string_view::npos && text[run] == '"') {
    tokens->list.push_back(
        {QueryToken::kQuoted, text.substr(*i, run - *i), {start, run + 1 - start}});
    *i = run + 1;
    return true;
  }
  // Escapes: the text is unescaped into storage that never moves while this
  // query's tokens live (the unescaped texts together are shorter than the query).
  std::string& out = tokens->unescaped;
  if (out.empty()) out.reserve(text.size());
  const size_t first = out.size();
  while (*i < text.size()) {
    run = std::min(text.find_first_of("\"\\", *i), text.size());
    out.append(text, *i, run - *i);
    *i = run;
    if (*i == text.size()) break;
    if (text[*i] == '"') {
      ++*i;
      tokens->list.push_back(
          {QueryToken::kQuoted, std::string_view(out).substr(first), {start, *i - start}});
      return true;
    }
    // A backslash at the very end stands for itself.
    out += *i + 1 < text.size() ? text[*i + 1] : text[*i];
    *i += 2;
  }
  *error = {"unterminated string: missing the closing \"", {start, 1}};
  return false;
}

}  // namespace

bool TokenizeQuery(std::string_view text, QueryTokens* tokens, QueryError* error) {
  tokens->list.clear();
  tokens->unescaped.clear();
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == ',') {
      tokens->list.push_back({QueryToken::kComma, text.substr(i, 1), {i, 1}});
      ++i;
    } else if (c == '"') {
      if (!ReadQuoted(text, &i, tokens, error)) return false;
    } else {
      const size_t start = i;
      while (i < text.size() && !kWordStop[static_cast<unsigned char>(text[i])]) ++i;
      tokens->list.push_back(
          {QueryToken::kWord, text.substr(start, i - start), {start, i - start}});
    }
  }
  return true;
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const std::vector<QueryToken>& tokens, const QueryLimits& limits,
         QueryError* error)
      : text_(text), tokens_(tokens), limits_(limits), error_(error) {}

  bool Parse(Query* q) {
    if (AtEnd()) return Fail("empty query; try `help`", End());
    return Command(q, /*inside_at=*/false);
  }

 private:
  bool AtEnd() const { return pos_ >= tokens_.size(); }
  const QueryToken& Peek() const { return tokens_[pos_]; }
  TextRange End() const { return {text_.size(), 1}; }
  bool Fail(std::string message, TextRange range) {
    *error_ = {std::move(message), range};
    return false;
  }
  bool IsKeyword(const QueryToken& t) const {
    if (t.kind != QueryToken::kWord) return false;
    // Keywords are short words: lower-cased on the stack, not in a string.
    char lower[16];
    if (t.text.size() > sizeof lower) return false;
    for (size_t i = 0; i < t.text.size(); ++i) lower[i] = LowerAscii(t.text[i]);
    const std::vector<std::string>& words = QueryOptionKeywords();
    return std::binary_search(words.begin(), words.end(), std::string_view(lower, t.text.size()),
                              [](std::string_view a, std::string_view b) { return a < b; });
  }
  // `text` lower-cased, in a buffer the next call reuses.
  const std::string& Lowered(std::string_view text) {
    lowered_.assign(text);
    for (char& c : lowered_) c = LowerAscii(c);
    return lowered_;
  }

  bool Command(Query* q, bool inside_at) {
    const QueryToken& head = tokens_[pos_++];
    // Lowered's buffer: `name` is not read once the arguments are parsed.
    const std::string& name = Lowered(head.text);
    const CommandSpec* spec = head.kind == QueryToken::kWord ? FindCommand(name) : nullptr;
    if (!spec) {
      std::vector<std::string> names;
      for (const CommandSpec& c : QueryCommands()) names.emplace_back(c.name);
      return Fail("unknown command '" + std::string(head.text) + "'" +
                      DidYouMean(SuggestWords(name, names)),
                  head.range);
    }
    if (inside_at && (spec->kind == QueryKind::kAt || spec->kind == QueryKind::kDiff ||
                      spec->kind == QueryKind::kHelp)) {
      return Fail("'" + name + "' cannot follow 'at DATE'", head.range);
    }
    q->kind = spec->kind;
    if (!Positionals(q, *spec)) return false;
    return Options(q, *spec);
  }

  bool Positionals(Query* q, const CommandSpec& spec) {
    switch (spec.kind) {
      case QueryKind::kNeighbors:
      case QueryKind::kTimeline:
      case QueryKind::kEntity:
        return Entity(&q->entities.emplace_back(), "an entity");
      case QueryKind::kStates:
        if (!AtEnd() && !IsKeyword(Peek())) return Entity(&q->entities.emplace_back(), "");
        return true;
      case QueryKind::kPath:
      case QueryKind::kTpath:
      case QueryKind::kPaths:
        return EntityPair(q);
      case QueryKind::kExplain:
        if (AtEnd()) return Fail("expected a fact id after 'explain'", End());
        q->fact_id = Peek().text;
        q->fact_id_range = Peek().range;
        ++pos_;
        return true;
      case QueryKind::kTop:
        return Top(q);
      case QueryKind::kAt:
        return At(q);
      case QueryKind::kDiff:
        if (!AtEnd() && FoldsTo(Peek().text, "from")) ++pos_;
        if (!Date(&q->diff_from, "the first date of 'diff'")) return false;
        if (!AtEnd() && FoldsTo(Peek().text, "to")) ++pos_;
        if (!Date(&q->diff_to, "the second date of 'diff'")) return false;
        if (q->diff_to.end < q->diff_from.start) {
          return Fail("diff: the second date is before the first", tokens_[pos_ - 1].range);
        }
        return true;
      case QueryKind::kHelp:
        if (!AtEnd()) {
          q->help_topic_range = Peek().range;
          q->help_topic = LowerAscii(tokens_[pos_++].text);
        }
        return true;
      default:
        return true;
    }
  }

  // A quoted name, or bare words up to the next keyword, quoted name or comma.
  bool Entity(EntityArg* e, const char* what) {
    if (AtEnd() || Peek().kind == QueryToken::kComma || IsKeyword(Peek())) {
      return Fail(std::string("expected ") + (*what ? what : "an entity"),
                  AtEnd() ? End() : Peek().range);
    }
    if (Peek().kind == QueryToken::kQuoted) {
      e->text = Peek().text;
      e->range = Peek().range;
      e->quoted = true;
      ++pos_;
      return true;
    }
    size_t first = pos_;
    while (!AtEnd() && Peek().kind == QueryToken::kWord && !IsKeyword(Peek())) {
      e->words.emplace_back(Peek().text);
      e->word_ranges.push_back(Peek().range);
      if (!e->text.empty()) e->text += ' ';
      e->text += Peek().text;
      ++pos_;
    }
    const TextRange& a = tokens_[first].range;
    const TextRange& b = tokens_[pos_ - 1].range;
    e->range = {a.offset, b.offset + b.length - a.offset};
    return true;
  }

  bool EntityPair(Query* q) {
    EntityArg first;
    if (!Entity(&first, "two entities")) return false;
    if (!AtEnd() && Peek().kind == QueryToken::kQuoted) {
      q->entities.push_back(std::move(first));
      return Entity(&q->entities.emplace_back(), "");
    }
    if (first.quoted) return Entity(&q->entities.emplace_back(), "a second entity");
    if (first.words.size() < 2) {
      return Fail("expected a second entity", AtEnd() ? End() : Peek().range);
    }
    if (first.words.size() == 2) {
      for (int i = 0; i < 2; ++i) {
        q->entities.push_back(EntityArg{
            first.words[i], first.word_ranges[i], false, {first.words[i]}, {first.word_ranges[i]}});
      }
      return true;
    }
    q->pair_words = std::move(first);
    return true;
  }

  // `what` and the other message pieces are read only when the query is
  // refused: views, so that a query that parses makes no strings of them.
  bool Date(DaySpan* out, std::string_view what) {
    if (AtEnd()) {
      return Fail("expected " + std::string(what) + " (YYYY, YYYY-MM or YYYY-MM-DD)", End());
    }
    std::optional<DaySpan> span = ParseDateSpan(Peek().text);
    if (!span || Peek().kind != QueryToken::kWord) {
      return Fail(
          "'" + std::string(Peek().text) + "' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
          Peek().range);
    }
    *out = *span;
    ++pos_;
    return true;
  }

  // A count from 1 to `cap`. A number over the cap (or too large to read) is
  // refused with the option that raises it, never clamped: a clamped answer
  // would look complete.
  bool Count(size_t cap, const char* flag, std::string_view what, std::string_view noun,
             size_t* out) {
    if (AtEnd()) return Fail("expected " + std::string(what), End());
    const std::string_view t = Peek().text;
    unsigned long long value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    const bool digits = !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos;
    if (digits && (ec == std::errc::result_out_of_range || value > cap)) {
      return Fail(std::string(noun) + " " + std::string(t) + " is over the cap of " +
                      std::to_string(cap) + " (raise it with kg query " + flag + ")",
                  Peek().range);
    }
    if (ec != std::errc() || end != t.data() + t.size() || value < 1) {
      return Fail("expected " + std::string(what) + " from 1 to " + std::to_string(cap) +
                      ", got '" + std::string(t) + "'",
                  Peek().range);
    }
    *out = static_cast<size_t>(value);
    ++pos_;
    return true;
  }

  bool Top(Query* q) {
    if (!AtEnd()) {
      const bool pagerank = FoldsTo(Peek().text, "pagerank");
      if (pagerank || FoldsTo(Peek().text, "degree")) {
        q->pagerank = pagerank;
        ++pos_;
      }
    }
    if (!AtEnd() && !IsKeyword(Peek())) {
      if (!Count(limits_.max_top, "--max-top", "a count, or 'degree' or 'pagerank',", "count",
                 &q->top_n)) {
        return false;
      }
    }
    return true;
  }

  bool At(Query* q) {
    DaySpan day;
    if (!Date(&day, "a date after 'at'")) return false;
    if (AtEnd()) {
      q->at = day;
      return true;
    }
    if (!Command(q, /*inside_at=*/true)) return false;
    q->at = day;
    return true;
  }

  bool Options(Query* q, const CommandSpec& spec) {
    uint64_t seen = 0;  // by index in spec.options (no command has 64 options)
    while (!AtEnd()) {
      const QueryToken& t = Peek();
      const std::string& word = Lowered(t.text);
      const size_t index = std::find_if(spec.options.begin(), spec.options.end(),
                                        [&](std::string_view o) { return word == o; }) -
                           spec.options.begin();
      if (index == spec.options.size()) {
        if (IsKeyword(t)) {
          return Fail("option '" + word + "' does not apply to '" + spec.name + "'", t.range);
        }
        std::vector<std::string> options(spec.options.begin(), spec.options.end());
        std::string hint = DidYouMean(SuggestWords(word, options));
        if (spec.options.empty()) {
          return Fail(
              "unexpected '" + std::string(t.text) + "': '" + spec.name + "' takes no options",
              t.range);
        }
        return Fail("unexpected '" + std::string(t.text) + "'" +
                        (hint.empty() ? "; usage: " + std::string(spec.usage) : hint),
                    t.range);
      }
      if (seen >> index & 1) return Fail("option '" + word + "' given twice", t.range);
      seen |= uint64_t{1} << index;
      ++pos_;
      if (!Option(q, word, t.range)) return false;
    }
    if (q->window.from && q->window.to && q->window.to->end < q->window.from->start) {
      return Fail("the 'to' date is before the 'from' date", to_range_);
    }
    return true;
  }

  // `word` is the option, lower-cased; Lowered may overwrite it, so it is not
  // read after anything that calls Lowered.
  bool Option(Query* q, std::string_view word, TextRange at) {
    size_t n = 0;
    if (word == "depth") {
      if (!Count(limits_.max_depth, "--max-depth", "a depth", "depth", &n)) return false;
      q->depth = static_cast<int>(n);
    } else if (word == "max") {
      if (!Count(limits_.max_hops, "--max-hops", "a maximum number of hops", "max", &n)) {
        return false;
      }
      q->max_hops = static_cast<int>(n);
    } else if (word == "limit") {
      if (!Count(limits_.max_results, "--max-results", "a limit", "limit", &q->limit)) {
        return false;
      }
      q->limit_given = true;
    } else if (word == "rel") {
      return Relations(q);
    } else if (word == "dir") {
      if (AtEnd()) return Fail("expected out, in or both after 'dir'", End());
      const std::string_view d = Peek().text;
      if (FoldsTo(d, "out")) {
        q->direction = Direction::kOut;
      } else if (FoldsTo(d, "in")) {
        q->direction = Direction::kIn;
      } else if (FoldsTo(d, "both")) {
        q->direction = Direction::kBoth;
      } else {
        return Fail("expected out, in or both after 'dir', got '" + std::string(Peek().text) + "'",
                    Peek().range);
      }
      q->direction_given = true;
      ++pos_;
    } else if (word == "from") {
      return Date(&q->window.from.emplace(), "a date after 'from'");
    } else if (word == "to") {
      if (!AtEnd()) to_range_ = Peek().range;
      return Date(&q->window.to.emplace(), "a date after 'to'");
    } else if (word == "type") {
      if (AtEnd() || IsKeyword(Peek())) return Fail("expected an entity type after 'type'", End());
      q->type = LowerAscii(Peek().text);
      q->type_range = Peek().range;
      ++pos_;
    } else if (word == "subject") {
      return Entity(&q->subject.emplace(), "an entity after 'subject'");
    } else if (word == "object") {
      return Entity(&q->object.emplace(), "an entity after 'object'");
    } else if (word == "negated") {
      q->include_negated = true;
    } else {
      return Fail("unhandled option '" + std::string(word) + "'", at);
    }
    return true;
  }

  // R[,R]... ; a trailing comma is an error at the end.
  bool Relations(Query* q) {
    while (true) {
      if (AtEnd() || Peek().kind == QueryToken::kComma || IsKeyword(Peek())) {
        return Fail("expected a relation name", AtEnd() ? End() : Peek().range);
      }
      q->relations.push_back({std::string(Peek().text), Peek().range});
      ++pos_;
      if (AtEnd() || Peek().kind != QueryToken::kComma) return true;
      ++pos_;
    }
  }

  std::string_view text_;
  const std::vector<QueryToken>& tokens_;  // a QueryTokens' list
  QueryLimits limits_;
  QueryError* error_;
  size_t pos_ = 0;
  TextRange to_range_;
  std::string lowered_;  // Lowered's buffer
};

}  // namespace

bool ParseQuery(std::string_view text, Query* query, QueryError* error, const QueryLimits& limits) {
  // Reused: a session parses thousands of queries, most of a few short tokens.
  thread_local QueryTokens tokens;
  if (!TokenizeQuery(text, &tokens, error)) return false;
  *query = Query();
  Parser parser(text, tokens.list, limits, error);
  return parser.Parse(query);
}

}  // namespace kg
