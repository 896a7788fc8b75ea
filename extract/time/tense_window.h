// The stretch of text around a time expression where tense cues ("will",
// "ago") are looked for: up to `window` bytes on each side, not crossing a
// line break or a sentence end. Found sixteen bytes a step (the bytes that can
// end it are rare), not a test a byte. Internal to kg_time.
#ifndef KG_EXTRACT_TIME_TENSE_WINDOW_H_
#define KG_EXTRACT_TIME_TENSE_WINDOW_H_

#include <cstddef>
#include <string_view>

namespace kg::timex {

struct TenseWindow {
  size_t from = 0;  // text[from, begin) is looked at before the expression
  size_t to = 0;    // text[end, to) after it
};

// For the expression text[begin, end) (begin <= end <= text.size()). Before
// it, the window stops after the nearest line break, or the nearest '.', '?'
// or '!' that follows two lower-case letters and precedes a space inside the
// window; after it, at the first line break, '.', '?' or '!'.
TenseWindow FindTenseWindow(std::string_view text, size_t begin, size_t end, size_t window);

}  // namespace kg::timex

#endif  // KG_EXTRACT_TIME_TENSE_WINDOW_H_
