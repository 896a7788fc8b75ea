// Sentence splitting for news text.
//
// Splits on . ! ? (and closing quotes/brackets after them) followed by space
// and a plausible sentence start, and on blank lines (paragraphs, headlines);
// does not split after abbreviations and initials ("Mr.", "U.S.", "Jan. 6",
// "Corp.", "J. Smith") or inside numbers ("$44.5 billion").
#ifndef KG_EXTRACT_SENTENCE_H_
#define KG_EXTRACT_SENTENCE_H_

#include <string_view>
#include <vector>

namespace kg {

struct SentenceSpan {
  size_t begin = 0;  // byte offsets into the text; [begin, end), trimmed of spaces
  size_t end = 0;
};

std::vector<SentenceSpan> SplitSentences(std::string_view text);

// The same, written into `*out` (its old contents replaced): a caller splitting
// many documents keeps one buffer.
void SplitSentences(std::string_view text, std::vector<SentenceSpan>* out);

}  // namespace kg

#endif  // KG_EXTRACT_SENTENCE_H_
