// Coordinated members a slot's regex leaves out. A slot ({subj}, {obj}) reads
// a list only of bare mentions, "A, B and C": a title or determiner before a
// later member ("Mayor A and Mayor B flew", "sued the FTC and the Justice
// Department", "A and its chief executive B") would have to be written into
// every slot of every pattern, twice, and grow RE2's programs. Instead a match
// is widened here, after the fact, from the member at the match's edge
// outwards, over list separators and words of standing only: a run of other
// words ("A met the press and Mayor B flew") joins no list.
#ifndef KG_EXTRACT_COORDINATION_H_
#define KG_EXTRACT_COORDINATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/mention_view.h"

namespace kg {

struct RulePack;

// The types a slot of a pattern takes, read from its expanded regex
// `source` when first asked: the token regex after `group` ("(?P<subj>"),
// "<e\\d+:(?:person|unknown)>" or any type "<e\\d+:[a-z_]+>". Most matches
// never ask, and a pattern's source is long.
class SlotTypes {
 public:
  SlotTypes(std::string_view source, std::string_view group) : source_(source), group_(group) {}
  bool Fits(std::string_view type) const;

 private:
  std::string_view source_, group_;
  mutable std::string_view token_;
  mutable bool read_ = false;
};

class CoordinationReader {
 public:
  // `pack` gives the title words (titles, person titles, demonyms); it must
  // outlive the reader.
  explicit CoordinationReader(const RulePack& pack) : pack_(pack) {}

  // The members listed before the entity token starting at view offset
  // `first` (a slot's first member), nearest first: from B in
  // "<A> and mayor <B>", A. The list is joined to `first` by "and", "or" or
  // "&"; earlier members by commas. Each member is of a type the slot takes.
  std::vector<const ViewToken*> Before(const MentionView& view, size_t first,
                                       const SlotTypes& types) const;

  // The members listed after the entity token ending at view offset `last`
  // (a slot's last member), in order: "<A>, mayor <B> and the <C>" from A
  // gives B and C. Commas alone give none: the list ends in "and", "or" or
  // "&" ("met <A>, Mayor <B> said" lists nothing).
  std::vector<const ViewToken*> After(const MentionView& view, size_t last,
                                      const SlotTypes& types) const;

 private:
  enum class Join { kNone, kAnd, kComma };
  // How view[b, e) joins two members: a separator, then at most four words
  // of standing or possessives ("<e3:organization>'s").
  Join ReadJoin(std::string_view text, size_t b, size_t e) const;
  bool StandingWord(std::string_view word) const;

  const RulePack& pack_;
};

}  // namespace kg

#endif  // KG_EXTRACT_COORDINATION_H_
