// Internal to graph/export: making arbitrary text safe for each output format.
// All functions first repair UTF-8 (each invalid byte becomes U+FFFD), so a
// name read from a broken document can never make a file unreadable.
#ifndef KG_GRAPH_EXPORT_ESCAPE_H_
#define KG_GRAPH_EXPORT_ESCAPE_H_

#include <string>
#include <string_view>

namespace kg {

// Valid UTF-8: well-formed sequences are kept, any other byte is U+FFFD.
std::string RepairUtf8(std::string_view text);

// XML 1.0 character data or attribute value: & < > " ' as entities, tab,
// newline and CR as character references (so attribute values keep them), and
// characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF) dropped.
std::string XmlEscape(std::string_view text);

// The inside of a DOT double-quoted string: \" and \\, a newline as \n (a
// centred line break in labels), other controls as spaces, '&' and every
// non-ASCII character as an HTML numeric entity, which Graphviz decodes, so
// the file stays ASCII whatever the charset setting.
std::string DotEscape(std::string_view text);

// An IRI path segment: unreserved ASCII (A-Z a-z 0-9 - . _ ~) kept, every
// other byte of the UTF-8 as %XX (upper-case hex), so the IRI is also a URI.
std::string PercentEncode(std::string_view text);

// The inside of an N-Triples string literal: \" \\ \n \r \t escaped, other
// controls and all non-ASCII as \uXXXX / \UXXXXXXXX (ASCII-only output).
std::string NTriplesEscape(std::string_view text);

// One RFC 4180 field: quoted (with "" for ") when it holds the delimiter, a
// quote, CR or LF, or starts or ends with a space.
std::string CsvField(std::string_view text, char delimiter = ',');

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_ESCAPE_H_
