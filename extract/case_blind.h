// When a case-blind relation pattern may be compiled case-sensitively.
// Patterns are matched case-blind, yet only ever against mention views, which
// are lower-cased. Where neither the pattern nor the view holds anything that
// case folding could change, the case-sensitive compile of the same source
// matches the same strings with the same groups, and RE2 builds it in about
// half the time, without case-folded character classes.
#ifndef KG_EXTRACT_CASE_BLIND_H_
#define KG_EXTRACT_CASE_BLIND_H_

#include <string_view>

namespace kg {

// Whether `source` (RE2 syntax) matches lower-case ASCII text the same with
// and without case folding: it has no upper-case ASCII letter, no non-ASCII
// byte, no POSIX class ("[:upper:]"), and no escape that names a character
// by code or property (\x, octal, \p, \P, \Q, \C).
bool CaseNeutralRegex(std::string_view source);

// Whether `text` holds one of the non-ASCII characters RE2's case folding
// takes to ASCII letters (KELVIN SIGN, LONG S, dotted and dotless I).
bool HasAsciiFoldingChars(std::string_view text);

// Whether case folding cannot change how a case-neutral regex reads `text`:
// no upper-case ASCII letter and no HasAsciiFoldingChars.
bool CaseFreeText(std::string_view text);
// The same, and in *ascii whether every byte of `text` is ASCII (one pass
// for both).
bool CaseFreeText(std::string_view text, bool* ascii);

}  // namespace kg

#endif  // KG_EXTRACT_CASE_BLIND_H_
