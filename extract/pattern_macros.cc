#include "extract/pattern_macros.h"

#include <algorithm>
#include <map>

#include "extract/case_blind.h"
#include "extract/lazy_regex.h"

namespace kg {
namespace {

// Words of the view outside mentions: lower-case, digits, and the punctuation
// that lives inside words ("u.s.", "$44", "co-founded", "didn't").
constexpr char kWord[] = "(?:<t\\d+>|[a-z0-9$][a-z0-9'$%.&-]*)";

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "|") + p;
  return out;
}

// A mention of one of `types`; "unknown" (an untyped new name) fits any slot
// unless the list ends in "!" ({subj:person!}). Written by appending into one
// string, as are the slots below: every pattern has two.
std::string Token(const std::vector<std::string>& types) {
  if (types.empty()) return "<e\\d+:[a-z_]+>";
  const bool strict = types.back().size() > 1 && types.back().back() == '!';
  std::string out = "<e\\d+:(?:";
  for (size_t k = 0; k < types.size(); ++k) {
    if (k > 0) out += '|';
    const bool last = k + 1 == types.size();
    out.append(types[k], 0, last && strict ? types[k].size() - 1 : std::string::npos);
  }
  out += strict ? ")>" : "|unknown)>";
  return out;
}

// A slot: one mention, or a coordinated list "A, B and C" of mentions. Two
// members joined by ", and" are two clauses, not a list: "Meta launched
// Threads, and Twitter threatened to sue". The token is written three times,
// not four as "A(?:(?:, B)+,? and C| and C)?" would: the same strings in the
// same order of preference, and a smaller program for RE2 to build.
std::string SlotBody(const std::string& tok) {
  std::string out;
  out.reserve(3 * tok.size() + 40);
  out.append(tok).append("(?:(?:(?:, ").append(tok).append(")+,?)? (?:and|or|&) ").append(tok);
  out.append(")?");
  return out;
}

std::string Slot(const std::string& name, const std::vector<std::string>& types) {
  if (!types.empty() && types.back() == "!") return Slot(name, {});
  const std::string body = SlotBody(Token(types));
  std::string out;
  out.reserve(body.size() + name.size() + 32);
  out.append(kSlotLead).append("(?P<").append(name).append(">").append(body).append(")");
  return out;
}

// A slot in a screen (ExpandScreen). A match of the pattern that opens with
// the slot holds a match of the screen from the slot's last member on, and one
// that ends with it a match up to its first member ("both" included): there
// one token will do. Inside a pattern, the list is read as any run of members
// and separators.
std::string ScreenSlot(const std::vector<std::string>& types, bool first, bool last) {
  const std::string tok = !types.empty() && types.back() == "!" ? Token({}) : Token(types);
  if (first) return tok;
  const std::string lead(kSlotLead);
  if (last) return lead + tok;
  return lead + tok + "(?:(?:,|,? (?:and|or|&)) " + tok + ")*";
}

struct Template {
  const char* name;
  const char* needs;  // which forms it needs: v(erbs) p(articiples) n(ouns) t(itles)
  std::vector<std::string> patterns;
};

// An auxiliary before a base form: "did not acquire", "won't ban", "could buy".
// Not "to": "moved to buy" states no act and carries no cue to tell so.
constexpr char kAuxiliary[] =
    "(?:did|does|do|didn't|doesn't|don't|will|won't|would|wouldn't|can|can't|cannot|could|"
    "couldn't|may|might|must|shall|should|shouldn't)";

// {V} verbs, {B} base forms after {AUX}, {P} participles, {BY} passive agent markers, {N} nouns,
// {NP} noun prepositions, {T} the relation's titles.
const std::vector<Template>& Templates() {
  static const std::vector<Template> kTemplates = {
      {"active",
       "v",
       {"{subj} {adv}(?:{V}) {pre}{obj}", "{subj}(?:, [^,;\"()]+){1,3}, {adv}(?:{V}) {pre}{obj}",
        "{subj},? (?:which|that|who) {adv}(?:{V}) (?:{W} ){0,2}(?:such as |including )?{pre}{obj}",
        "{subj} (?:{W} |<e\\d+:[a-z_]+> ){1,6}and {adv}(?:{V}) {pre}{obj}",
        // A chain, "bought and later sold X", or objects listed after a plural noun, "bought
        // several studios, including A and B" (after a singular one they are parts of it: "bought
        // the studio, including Mojang's code").
        "{subj} {adv}(?:{V}) (?:and (?:{W} ){1,4}|(?:{W} ){0,3}{W}s,? (?:including|such as) )"
        "{pre}{obj}",
        "{subj}, (?:the |a |an )(?:{W} ){0,3}(?:that|which|who) {adv}(?:{V}) (?:{W} ){0,2}"
        "(?:such as |including )?{pre}{obj}",
        "{obj},? (?:which|that|whom) {subj} {adv}(?:{V})\\b"}},
      // Base forms after an auxiliary; their cues ("not", "won't", "could") then
      // decide: negated, or a plan that gives no fact.
      {"active_base", "b", {"{subj} {adv}{AUX} {adv}(?:{B}) {pre}{obj}"}},
      {"passive", "p", {"{obj},? {gap}(?:{P}) (?:{BY}) {pre}{subj}"}},
      {"nominal",
       "n",
       {"{subj}'s (?:{W} ){0,2}(?:{N}) (?:{NP}) {pre}{obj}",
        "(?:{N}) (?:{NP}) {pre}{obj} by {pre}{subj}",
        "{subj} {adv}(?:completed|announced|finalized|finalised|closed|oversaw|led|made|"
        "began|started|held|had|agreed|launched) {poss}(?:{W} ){0,2}(?:{N}) (?:{NP}) "
        "{det}{premod}{obj}"}},
      {"title",
       "t",
       // A word of time or standing may precede the title: "Disney's former chief executive X".
       {"{obj}(?:'s | |-)"
        "(?:(?:former|then|longtime|new|interim|acting|outgoing|incoming|current) )?"
        "(?:[a-z]+-[a-z-]+ )?(?:{W} and )?(?:{T})(?: and {W})? {subj}",
        "{subj}(?:,| -) {det}(?:{W} )?(?:{W} and )?(?:{T}) (?:of|at|for|to) {pre}{obj}",
        "{subj} {gap}(?:<e\\d+:[a-z_]+> )?(?:{W} )?as {det}(?:{T}) (?:of|at|for) {pre}{obj}",
        "(?:{T}) (?:of|at|for) {det}{obj},? {subj}",
        "(?:named|appointed|hired|tapped|picked|chose|made|promoted) {subj},? (?:as )?{det}(?:{T}) "
        "(?:of|at|for) {pre}{obj}",
        "{subj} (?:is|was|became|becomes|remains|named|appointed) {det}(?:{T}) (?:of|at|for) "
        "{pre}{obj}",
        // An apposition closed by punctuation: "Tim Cook, Apple's chief executive, said". Open
        // ("After meeting Musk, Trump's adviser said") the title belongs to the next subject.
        "{subj}, {obj}'s (?:{W} )?(?:{T})(?:,|;|\\.| -|$)"}},
      {"coordination", "v", {"{subj} {adv}(?:{V})\\b"}},
      {"coordination_base", "b", {"{subj} {adv}{AUX} {adv}(?:{B})\\b"}},
  };
  return kTemplates;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Head nouns of descriptions before a name: "crypto trading firm Bakkt".
constexpr char kDescriptors[] =
    "platform|firm|company|startup|site|network|app|maker|giant|service|rival|exchange|developer|"
    "publisher|studio|group|lender|bank|unit|business|brand|retailer|chain|subsidiary|venture|"
    "carmaker|automaker|regulator|agency|watchdog|outlet|newspaper|broadcaster|operator|"
    "conglomerate|corporation";

}  // namespace

bool IsSlotGroupBody(std::string_view body) {
  const size_t close = body.find('>');
  if (close == std::string_view::npos || body.substr(0, 6) != "<e\\d+:") return false;
  return body == SlotBody(std::string(body.substr(0, close + 1)));
}

const std::vector<std::string>& TemplateNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const Template& t : Templates()) names.push_back(t.name);
    return names;
  }();
  return kNames;
}

Result<std::vector<std::pair<std::string, std::string>>> ExpandTemplates(
    const RelationForms& forms) {
  std::vector<std::pair<std::string, std::string>> out;
  // A relation with base forms gets their template beside `active` and
  // `coordination` without listing it.
  std::vector<std::string> names = forms.templates;
  if (!forms.bases.empty()) {
    for (const std::string& t : forms.templates) {
      if ((t == "active" || t == "coordination") &&
          std::find(names.begin(), names.end(), t + "_base") == names.end()) {
        names.push_back(t + "_base");
      }
    }
  }
  for (const std::string& name : names) {
    const Template* tmpl = nullptr;
    for (const Template& t : Templates()) {
      if (name == t.name) tmpl = &t;
    }
    if (tmpl == nullptr) {
      std::string known;
      for (const std::string& n : TemplateNames()) known += (known.empty() ? "" : ", ") + n;
      return Status::Error("unknown template '" + name + "' (known: " + known + ")");
    }
    for (const char* need = tmpl->needs; *need; ++need) {
      const std::vector<std::string>* list = nullptr;
      const char* what = "";
      switch (*need) {
        case 'v':
          list = &forms.verbs, what = "verbs";
          break;
        case 'b':
          list = &forms.bases, what = "bases";
          break;
        case 'p':
          list = &forms.participles, what = "participles";
          break;
        case 'n':
          list = &forms.nouns, what = "nouns";
          break;
        case 't':
          list = &forms.titles, what = "titles";
          break;
      }
      if (list->empty()) {
        return Status::Error("template '" + name + "' needs '" + what + "'");
      }
    }
    if (name.rfind("coordination", 0) == 0 && !forms.symmetric) {
      return Status::Error("template 'coordination' is only for symmetric relations");
    }
    int n = 0;
    for (const std::string& p : tmpl->patterns) {
      std::string s = p;
      s = Replace(s, "{W}", kWord);
      s = Replace(s, "{V}", Join(forms.verbs));
      s = Replace(s, "{AUX}", kAuxiliary);
      s = Replace(s, "{B}", Join(forms.bases));
      s = Replace(s, "{P}", Join(forms.participles));
      s = Replace(s, "{BY}", forms.passive_preps.empty() ? "by" : Join(forms.passive_preps));
      s = Replace(s, "{NP}", forms.noun_preps.empty() ? "of" : Join(forms.noun_preps));
      s = Replace(s, "{N}", Join(forms.nouns));
      s = Replace(s, "{T}", Join(forms.titles));
      out.emplace_back(tmpl->patterns.size() == 1 ? name : name + std::to_string(++n), s);
    }
  }
  return out;
}

namespace {

// The characters of `words` (regex alternatives), as a class, when each is a
// plain word (letters, digits, '-', ' ', '\'' and escaped '.'): then
// "[chars]+" matches every one of them. Empty otherwise.
std::string WordClass(const std::vector<std::string>& words) {
  bool seen[128] = {};
  for (const std::string& w : words) {
    if (w.empty()) return "";
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      const bool escaped_dot = c == '\\' && i + 1 < w.size() && w[i + 1] == '.';
      if (escaped_dot) c = w[++i];
      const bool plain =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '\'';
      if (!plain && !escaped_dot) return "";
      seen[static_cast<unsigned char>(c)] = true;
    }
  }
  // '-' first, where a class reads it as itself.
  std::string out = seen['-'] ? "[-" : "[";
  for (int c = 0; c < 128; ++c) {
    if (!seen[c] || c == '-') continue;
    if (c == '.') out += '\\';
    out += static_cast<char>(c);
  }
  return out + "]";
}

// A counted repetition "{n}", "{n,}" or "{n,m}" at pattern[i] (RE2 reads
// nothing else as one); its end in *close, whether n is 0 in *from_zero.
bool CountedRepetition(const std::string& pattern, size_t i, size_t* close, bool* from_zero) {
  size_t j = i + 1;
  auto digits = [&] {
    const size_t from = j;
    while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) ++j;
    return j > from;
  };
  if (!digits()) return false;
  *from_zero = pattern.find_first_not_of('0', i + 1) == j;
  if (j < pattern.size() && pattern[j] == ',') {
    ++j;
    digits();
  }
  if (j >= pattern.size() || pattern[j] != '}') return false;
  *close = j;
  return true;
}

// The word macros' expansions for a pack's titles, exact or for screens.
std::map<std::string, std::string> MacroWords(const std::vector<std::string>& global_titles,
                                              bool screen) {
  const std::string word = kWord;
  const std::string titles = global_titles.empty() ? "ceo" : Join(global_titles);
  const std::string any_tok = Token({});
  // Each word once: a repeat adds to RE2's program and matches nothing more.
  // (Sorted, the list gave a smaller program that took longer to compile.)
  const std::string det_words =
      "the|a|an|its|his|her|their|both|either|former|then|new|current|ex|us|u\\.s\\.|"
      "and|president|president-elect|vice|prime|minister|sen\\.|senator|rep\\.|gov\\.|governor|"
      "chief|executive|ceo|founder|billionaire|rapper|entrepreneur|business|magnate|tech|mogul|"
      "tycoon|investor|co-founder|chairman|chairwoman|commissioner|mr\\.|ms\\.|mrs\\.|dr\\.|"
      "[a-z]+(?:ian|ese|ish|eli)|german|french|greek|thai|saudi|chancellor|crown|prince|king|queen|"
      "secretary|director|leader|rival|ally|longtime|republican|democratic|democrat|incoming|"
      "outgoing|acting|interim|deputy|senior|top|fellow|judge|justice|general|"
      "gen\\.|adviser|advisor|aide|spokesperson|spokesman|spokeswoman|candidate|nominee|star|"
      "singer|actor|owner|head";
  // A screen reads a word list as any run of its characters, and a bounded
  // run of words as any number of them: a larger language, a far smaller
  // program. The determiners' "[a-z]+(?:ian|...)" is a run of letters too.
  const std::string title_class = screen ? WordClass(global_titles) : "";
  const std::string title_alt = !title_class.empty() ? title_class + "+" : "(?:" + titles + ")";
  const std::string descriptors =
      screen ? std::string("[a-z]+") : "(?:" + std::string(kDescriptors) + ")";
  const std::string det = screen ? std::string("(?:[-.a-z]+ )*") : "(?:(?:" + det_words + ") )*";
  const std::string upto3 = screen ? "*" : "{0,3}";
  const std::string premod =
      "(?:" + any_tok + "(?:'s)? (?:" + word + " )?" + title_alt + " (?:and " + title_alt + " )?)?";
  const std::string before_premod = det + "(?:<e\\d+:place> )?(?:" + any_tok +
                                    "'s )?(?:the [a-z]+(?:i|an|ese|ish) )?(?:(?:" + any_tok +
                                    " )?(?:" + word + " )" + upto3 + descriptors + ",? )?";
  std::string pre = before_premod + premod;
  // The titles as one class of their characters, "" when they are not all
  // plain words.
  static const std::vector<std::string> kCeo = {"ceo"};
  const std::string plain_titles = WordClass(global_titles.empty() ? kCeo : global_titles);
  // In a screen, {pre} is any run of view words, time and entity tokens:
  // every piece of it is one (its titles too, when plain words). As loose as
  // its runs of words already were, save that any entity may stand between,
  // and a third of the screen's program.
  if (screen && !plain_titles.empty()) {
    pre = "(?:[- $%&',.0-9a-z]|<t\\d+>|" + any_tok + ")*";
  }
  std::map<std::string, std::string> words = {
      {"adv", "(?:" + word + " )" + (screen ? "*" : "{0,4}")},
      {"gap", "(?:(?:" + word + "|" + any_tok + "'s) )" + (screen ? "*" : "{0,8}")},
      {"det", det},
      {"pre", pre},
      {"poss", "(?:" + any_tok + "'s |the |a |an |its |his |her |their )?"},
      {"title", title_alt},
      {"premod", premod},
      {"tok", any_tok},
      {"W", word},
  };
  return words;
}

// The types a slot macro's inside ("obj", "subj:person|organization") lists:
// its own list, else the relation's for that slot.
Result<std::vector<std::string>> SlotTypes(const std::string& inner, const RelationForms& forms) {
  const size_t colon = inner.find(':');
  std::vector<std::string> types =
      inner.compare(0, colon, "subj") == 0 ? forms.subject_types : forms.object_types;
  if (colon == std::string::npos) return types;
  types.clear();
  const std::string list = inner.substr(colon + 1);
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string::npos) bar = list.size();
    std::string t = list.substr(start, bar - start);
    const bool strict = bar == list.size() && t.size() > 1 && t.back() == '!';
    const std::string bare = strict ? t.substr(0, t.size() - 1) : t;
    if (bare.empty() ||
        bare.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      return Status::Error("bad type '" + t + "' in slot {" + inner + "}");
    }
    types.push_back(t);
    start = bar + 1;
  }
  return types;
}

// `expansions`, if given, gets where in the result each macro's expansion
// lies, and `plain_types` whether every slot type is lower-case letters and '_'.
Result<std::string> Expand(const std::string& pattern, const RelationForms& forms,
                           const std::map<std::string, std::string>& words, bool screen,
                           std::vector<std::pair<size_t, size_t>>* expansions = nullptr,
                           bool* plain_types = nullptr) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      i += 2;
      continue;
    }
    if (c != '{') {
      // Up to the next macro or escape in one piece.
      static constexpr SyntaxBytes kMacroOrEscape("{\\");
      const size_t next = kMacroOrEscape.Next(pattern, i + 1);
      out.append(pattern, i, next - i);
      i = next;
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string::npos) {
      out += c;
      ++i;
      continue;
    }
    const std::string inner = pattern.substr(i + 1, close - i - 1);
    // Regex repetition braces ({2}, {0,3}) pass through untouched, or, in a
    // screen, widen to '*' or '+' (x{0,n} is within x*, x{m,n} within x+).
    if (!inner.empty() && (std::isdigit(static_cast<unsigned char>(inner[0])) || inner[0] == ',')) {
      size_t end = 0;
      bool from_zero = false;
      if (screen && CountedRepetition(pattern, i, &end, &from_zero) && end == close) {
        out += from_zero ? '*' : '+';
      } else {
        out += pattern.substr(i, close - i + 1);
      }
      i = close + 1;
      continue;
    }
    const size_t colon = inner.find(':');
    const std::string name = inner.substr(0, colon);
    if (name == "subj" || name == "obj") {
      auto slot_types = SlotTypes(inner, forms);
      if (!slot_types.ok()) return slot_types.status();
      const std::vector<std::string>& types = *slot_types;
      const size_t begin = out.size();
      if (!screen) {
        out += Slot(name, types);
      } else {
        out += ScreenSlot(types, /*first=*/i == 0, /*last=*/close + 1 == pattern.size());
      }
      if (expansions != nullptr) expansions->emplace_back(begin, out.size());
      for (const std::string& t : types) {
        if (plain_types != nullptr &&
            t.find_first_not_of("abcdefghijklmnopqrstuvwxyz_!") != std::string::npos) {
          *plain_types = false;
        }
      }
    } else if (auto it = words.find(inner); it != words.end()) {
      if (expansions != nullptr)
        expansions->emplace_back(out.size(), out.size() + it->second.size());
      out += it->second;
    } else {
      return Status::Error("unknown macro {" + inner + "}");
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

MacroExpander::MacroExpander(const std::vector<std::string>& global_titles)
    : titles_(global_titles),
      exact_(MacroWords(global_titles, /*screen=*/false)),
      screen_(MacroWords(global_titles, /*screen=*/true)) {
  words_neutral_ = std::all_of(exact_.begin(), exact_.end(),
                               [](const auto& word) { return CaseNeutralRegex(word.second); });
}

Result<std::string> MacroExpander::Expand(const std::string& pattern, const RelationForms& forms,
                                          bool* case_neutral) const {
  if (case_neutral == nullptr) return kg::Expand(pattern, forms, exact_, /*screen=*/false);
  std::vector<std::pair<size_t, size_t>> expansions;
  bool plain_types = true;
  auto out = kg::Expand(pattern, forms, exact_, /*screen=*/false, &expansions, &plain_types);
  if (!out.ok()) return out;
  // The pattern's own text with each expansion one plain letter: an
  // expansion is a whole regex of its own, so neither it nor its edges can
  // change how CaseNeutralRegex reads the text around it; its own case is
  // known (words_neutral_, plain_types).
  std::string skeleton;
  size_t at = 0;
  for (const auto& [begin, end] : expansions) {
    skeleton.append(*out, at, begin - at);
    skeleton += 'x';
    at = end;
  }
  skeleton.append(*out, at);
  *case_neutral = words_neutral_ && plain_types && CaseNeutralRegex(skeleton);
  return out;
}

std::string MacroExpander::PreThenSlotLead() const {
  // {pre} exactly: the check's regex is compiled once a pack, and titles
  // read as a class of their characters (spaces too) would let through runs
  // of words such as "and" before a token of a type the slot does not take.
  return "(?:" + exact_.at("pre") + ")" + std::string(kSlotLead);
}

std::vector<std::string> MacroExpander::PreSlotTypes(const std::string& pattern,
                                                     const RelationForms& forms) const {
  const size_t pre = pattern.find("{pre}");
  if (pre == std::string::npos) return {};
  const size_t slot = pre + 5;
  if (pattern.compare(slot, 5, "{obj}") != 0 && pattern.compare(slot, 5, "{obj:") != 0 &&
      pattern.compare(slot, 6, "{subj}") != 0 && pattern.compare(slot, 6, "{subj:") != 0) {
    return {};
  }
  auto types = SlotTypes(pattern.substr(slot + 1, pattern.find('}', slot) - slot - 1), forms);
  // As Token and Slot read a list: none, or one ending in "!" alone, takes
  // any type; a list ending in "type!" only those listed; any other list
  // "unknown" too.
  if (!types.ok() || types->empty() || types->back() == "!") return {};
  std::vector<std::string> names = std::move(*types);
  if (names.back().back() == '!') {
    names.back().pop_back();
  } else {
    names.push_back("unknown");
  }
  return names;
}

Result<std::string> MacroExpander::Screen(const std::string& pattern,
                                          const RelationForms& forms) const {
  return kg::Expand(pattern, forms, screen_, /*screen=*/true);
}

Result<std::string> ExpandMacros(const std::string& pattern, const RelationForms& forms,
                                 const std::vector<std::string>& global_titles) {
  return MacroExpander(global_titles).Expand(pattern, forms);
}

Result<std::string> ExpandScreen(const std::string& pattern, const RelationForms& forms,
                                 const std::vector<std::string>& global_titles) {
  return MacroExpander(global_titles).Screen(pattern, forms);
}

}  // namespace kg
