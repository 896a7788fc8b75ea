#include "extract/mention_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace kg {
namespace {

// Writes the view's three parallel arrays through raw pointers: a sentence is
// written a byte at a time, and three growth checks per byte (string and two
// vectors) cost more than the byte's own work. The arrays are sized ahead by
// Reserve and cut to length by Finish.
class ViewWriter {
 public:
  ViewWriter(MentionView* view, size_t expected, size_t tokens) : v_(view) {
    v_->tokens.clear();
    v_->tokens.reserve(tokens);
    Grow(expected);
  }

  // Room for `k` more bytes; Add needs it.
  void Reserve(size_t k) {
    if (n_ + k > capacity_) Grow(n_ + k);
  }
  void Add(char c, size_t src_begin, size_t src_end) {
    text_[n_] = c;
    begin_[n_] = src_begin;
    end_[n_] = src_end;
    ++n_;
  }
  void AddSpace(size_t src_begin, size_t src_end) {
    if (n_ > 0 && text_[n_ - 1] != ' ') Add(' ', src_begin, src_end);
  }
  void Put(std::string_view s, size_t src_begin, size_t src_end) {
    Reserve(s.size());
    for (char c : s) Add(c, src_begin, src_end);
  }
  size_t size() const { return n_; }

  // Writes document[*i, stop) — bytes no mention or time starts inside — and
  // leaves *i past them (past `stop` when a folded sequence straddles it).
  void PutWords(std::string_view document, size_t* i, size_t stop);

  void Finish() {
    v_->text.resize(n_);
    v_->source_begin.resize(n_);
    v_->source_end.resize(n_);
  }

 private:
  void Grow(size_t need) {
    capacity_ = std::max(need, 2 * capacity_);
    v_->text.resize(capacity_);
    v_->source_begin.resize(capacity_);
    v_->source_end.resize(capacity_);
    text_ = v_->text.data();
    begin_ = v_->source_begin.data();
    end_ = v_->source_end.data();
  }

  MentionView* v_;
  char* text_ = nullptr;
  size_t* begin_ = nullptr;
  size_t* end_ = nullptr;
  size_t n_ = 0;
  size_t capacity_ = 0;
};

// What a document byte outside mentions and times becomes in the view.
enum ByteClass : uint8_t { kCopy, kSpace, kFoldLead };

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = '\t'; c <= '\r'; ++c) classes[c] = kSpace;
  for (unsigned char c : {' ', '<', '>'}) classes[c] = kSpace;
  // Every folded sequence starts with one of these two bytes.
  classes[0xE2] = kFoldLead;
  classes[0xC2] = kFoldLead;
  return classes;
}();

// ASCII only, as the C locale's tolower.
constexpr std::array<char, 256> kLower = [] {
  std::array<char, 256> lower{};
  for (int c = 0; c < 256; ++c) {
    lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return lower;
}();

// Folds a UTF-8 punctuation sequence at text[i] to ASCII; returns its length
// (0 if none applies) and sets *out.
size_t Fold(std::string_view text, size_t i, std::string_view* out) {
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

void ViewWriter::PutWords(std::string_view document, size_t* i, size_t stop) {
  // A fold that straddles `stop` writes at most 3 bytes for its up to 3.
  Reserve(stop - *i + 3);
  // Locals, not members: a store through the char pointer could alias the
  // members, and would make the compiler reload them for every byte.
  char* const text = text_;
  size_t* const begin = begin_;
  size_t* const end = end_;
  size_t n = n_;
  auto add = [&](char c, size_t src_begin, size_t src_end) {
    text[n] = c;
    begin[n] = src_begin;
    end[n] = src_end;
    ++n;
  };
  auto add_space = [&](size_t src_begin, size_t src_end) {
    if (n > 0 && text[n - 1] != ' ') add(' ', src_begin, src_end);
  };
  size_t p = *i;
  while (p < stop) {
    const unsigned char c = static_cast<unsigned char>(document[p]);
    switch (kByteClass[c]) {
      case kCopy: {
        // A word: its bytes lower-cased, each its own source byte.
        size_t q = p + 1;
        while (q < stop && kByteClass[static_cast<unsigned char>(document[q])] == kCopy) ++q;
        for (size_t k = p; k < q; ++k)
          text[n + k - p] = kLower[static_cast<unsigned char>(document[k])];
        for (size_t k = p; k < q; ++k) {
          begin[n + k - p] = k;
          end[n + k - p] = k + 1;
        }
        n += q - p;
        p = q;
        break;
      }
      case kSpace:
        add_space(p, p + 1);
        ++p;
        break;
      default: {
        std::string_view folded;
        const size_t length = Fold(document, p, &folded);
        if (length == 0) {
          add(static_cast<char>(c), p, p + 1);
          ++p;
          break;
        }
        for (char f : folded) {
          if (f == ' ') {
            add_space(p, p + length);
          } else {
            add(f, p, p + length);
          }
        }
        p += length;
      }
    }
  }
  n_ = n;
  *i = p;
}

// "<e12:person>" or "<t3>".
void PutToken(char kind, int index, std::string_view type, size_t src_begin, size_t src_end,
              ViewWriter* w) {
  char digits[16];
  const char* digits_end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  const size_t n = static_cast<size_t>(digits_end - digits);
  w->Reserve(n + type.size() + 4);
  w->Add('<', src_begin, src_end);
  w->Add(kind, src_begin, src_end);
  for (const char* d = digits; d != digits_end; ++d) w->Add(*d, src_begin, src_end);
  if (kind == 'e') {
    w->Add(':', src_begin, src_end);
    for (char c : type) w->Add(c, src_begin, src_end);
  }
  w->Add('>', src_begin, src_end);
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
  BuildView(document, begin, end, mentions, times, tracker, &view);
  return view;
}

void BuildView(std::string_view document, size_t begin, size_t end,
               const std::vector<Mention>& mentions, const std::vector<TimeSpanRef>& times,
               const MentionTracker& tracker, MentionView* view) {
  // Mentions and times are not counted separately: a few tokens more than the
  // sentence's mentions is one allocation for nearly every sentence.
  ViewWriter w(view, end - begin + 64, mentions.size() + 4);
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
        const size_t space = span.rfind(' ');
        const std::string_view head = span.substr(space == std::string_view::npos ? 0 : space + 1);
        w.Reserve(head.size() + 1);
        for (char c : head) {
          w.Add(static_cast<char>(std::tolower(static_cast<unsigned char>(c))), mention.begin,
                mention.end);
        }
        w.Add(' ', mention.begin, mention.end);
      }
      for (size_t k = 0; k < mention.entities.size(); ++k) {
        if (k > 0) w.Put(" and ", mention.begin, mention.end);
        const int e = mention.entities[k];
        ViewToken tok;
        tok.begin = w.size();
        PutToken('e', e, tracker.entity(e).type, mention.begin, mention.end, &w);
        tok.end = w.size();
        tok.mention = static_cast<int>(m);
        tok.entity = e;
        view->tokens.push_back(tok);
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
      PutToken('t', tok.time, {}, t->begin, t->end, &w);
      tok.end = w.size();
      view->tokens.push_back(tok);
      i = t->end;
      continue;
    }
    // Up to the next byte where a mention or a time could start (or where the
    // current time, one not written as a token, ends and the next is looked at).
    size_t stop = end;
    if (m < mentions.size()) stop = std::min(stop, mentions[m].begin);
    if (t != times.end()) stop = std::min(stop, t->begin > i ? t->begin : t->end);
    w.PutWords(document, &i, std::max(stop, i + 1));
  }
  w.Finish();
}

}  // namespace kg
