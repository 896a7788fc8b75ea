#include "extract/mention_view.h"

#include <algorithm>

namespace kg {
namespace {

class ViewWriter {
 public:
  explicit ViewWriter(MentionView* view) : v_(view) {}

  void Put(std::string_view s, size_t src_begin, size_t src_end) {
    v_->text.append(s);
    v_->source_begin.insert(v_->source_begin.end(), s.size(), src_begin);
    v_->source_end.insert(v_->source_end.end(), s.size(), src_end);
  }
  void Put(char c, size_t src_begin, size_t src_end) {
    v_->text.push_back(c);
    v_->source_begin.push_back(src_begin);
    v_->source_end.push_back(src_end);
  }
  void Space(size_t src_begin, size_t src_end) {
    if (!v_->text.empty() && v_->text.back() != ' ') Put(' ', src_begin, src_end);
  }
  size_t size() const { return v_->text.size(); }

 private:
  MentionView* v_;
};

// Folds a UTF-8 punctuation sequence at text[i] to ASCII; returns its length
// (0 if none applies) and sets *out.
size_t Fold(std::string_view text, size_t i, std::string_view* out) {
  // Every folded sequence starts with one of these two bytes.
  if (text[i] != '\xe2' && text[i] != '\xc2') return 0;
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\xe2\x80\x99", "'"},  {"\xe2\x80\x98", "'"},   {"\xe2\x80\x9c", "\""},
      {"\xe2\x80\x9d", "\""}, {"\xe2\x80\x94", " - "}, {"\xe2\x80\x93", " - "},
      {"\xc2\xa0", " "}};
  for (const auto& [from, to] : kFolds) {
    if (text.substr(i, from.size()) == from) {
      *out = to;
      return from.size();
    }
  }
  return 0;
}

}  // namespace

const ViewToken* MentionView::TokenAt(size_t pos) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const ViewToken& t, size_t p) { return t.begin < p; });
  return it != tokens.end() && it->begin == pos ? &*it : nullptr;
}

MentionView BuildView(std::string_view document, size_t begin, size_t end,
                      const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
                      const MentionTracker& tracker) {
  MentionView view;
  view.text.reserve(end - begin + 64);
  view.source_begin.reserve(end - begin + 64);
  view.source_end.reserve(end - begin + 64);
  ViewWriter w(&view);
  size_t m = 0;
  auto t = std::lower_bound(times.begin(), times.end(), begin,
                            [](const TimeSpanRef& ts, size_t p) { return ts.end <= p; });
  size_t i = begin;
  while (i < end) {
    while (t != times.end() && t->end <= i) ++t;
    while (m < mentions.size() && mentions[m].begin < i) ++m;
    if (m < mentions.size() && mentions[m].begin == i) {
      const Mention& mention = mentions[m];
      if (mention.resolution == "description") {
        // "Trump's social media company" reads "<e0>'s company <e7>": the head
        // noun stays for patterns such as owns' "{subj}'s company {obj}".
        std::string_view span = document.substr(mention.begin, mention.end - mention.begin);
        std::string head(
            span.substr(span.rfind(' ') == std::string_view::npos ? 0 : span.rfind(' ') + 1));
        for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        w.Put(head + " ", mention.begin, mention.end);
      }
      for (size_t k = 0; k < mention.entities.size(); ++k) {
        if (k > 0) w.Put(" and ", mention.begin, mention.end);
        const int e = mention.entities[k];
        ViewToken tok;
        tok.begin = w.size();
        w.Put("<e" + std::to_string(e) + ":" + tracker.entity(e).type + ">", mention.begin,
              mention.end);
        tok.end = w.size();
        tok.mention = static_cast<int>(m);
        tok.entity = e;
        view.tokens.push_back(tok);
      }
      if (mention.possessive) w.Put("'s", mention.begin, mention.end);
      i = mention.end;
      ++m;
      // "the Federal Trade Commission (FTC)": the repeated acronym is dropped.
      if (m < mentions.size() && mentions[m].entities == mention.entities &&
          mentions[m].begin == i + 2 && document.substr(i, 2) == " (" && mentions[m].end < end &&
          document[mentions[m].end] == ')') {
        i = mentions[m].end + 1;
        ++m;
      }
      continue;
    }
    if (t != times.end() && t->begin == i && t->end <= end &&
        (m >= mentions.size() || mentions[m].begin >= t->end)) {
      ViewToken tok;
      tok.begin = w.size();
      tok.time = static_cast<int>(t - times.begin());
      w.Put("<t" + std::to_string(tok.time) + ">", t->begin, t->end);
      tok.end = w.size();
      view.tokens.push_back(tok);
      i = t->end;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(document[i]);
    std::string_view folded;
    if (size_t n = Fold(document, i, &folded); n > 0) {
      for (char f : folded) {
        if (f == ' ') {
          w.Space(i, i + n);
        } else {
          w.Put(f, i, i + n);
        }
      }
      i += n;
    } else if (c == ' ' || (c >= '\t' && c <= '\r') || c == '<' || c == '>') {
      w.Space(i, i + 1);
      ++i;
    } else {
      // ASCII only, as the C locale's tolower.
      w.Put(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c), i, i + 1);
      ++i;
    }
  }
  return view;
}

}  // namespace kg
