// RequiredLiterals: the literal strings a regular expression cannot match
// without, as a conjunction of alternatives — e.g. "(?:acquired|bought) <e\d+>"
// requires {"acquired ", "bought "}. Read from RE2 syntax, case-blind (every
// string is lower-case ASCII); conservative: whatever it cannot read, it
// requires nothing of. PatternPrefilter (prefilter.h) scans views for them.
#ifndef KG_EXTRACT_LITERAL_ATOMS_H_
#define KG_EXTRACT_LITERAL_ATOMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Every text `regex` matches (searched unanchored, case-insensitively)
// contains, for each returned clause, at least one of the clause's strings
// (compared after folding ASCII to lower case). Empty: nothing is known.
std::vector<std::vector<std::string>> RequiredLiterals(std::string_view regex);

// The same for many regexes at once, reading a group repeated among them once.
std::vector<std::vector<std::vector<std::string>>> RequiredLiterals(
    const std::vector<std::string>& regexes);

}  // namespace kg

#endif  // KG_EXTRACT_LITERAL_ATOMS_H_
