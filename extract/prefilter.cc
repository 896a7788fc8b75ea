// The prefilter keeps, per pattern, up to kMaxClauses of the clauses
// RequiredLiterals finds, and only those whose strings are rare enough in views
// to reject anything: nothing of entity or time tokens ("<e", "person"), no
// strings shorter than three bytes unless they hold punctuation (", " is rare
// in short views; "an" is in most). Dropping a clause only makes the answer
// larger, never wrong.
#include "extract/prefilter.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>

#include "extract/ascii.h"
#include "extract/case_blind.h"
#include "extract/cue_filter.h"
#include "extract/literal_atoms.h"
#include "extract/regex_syntax.h"
#include "extract/rule_pack.h"

namespace kg {
namespace {

constexpr size_t kMaxClauses = 3;
constexpr size_t kMinAtom = 3;

// Any part of a required string is required too: the longest part outside
// entity and time token brackets ("> acquired <e" -> " acquired ") is one that
// not every view has.
std::string OutsideTokens(const std::string& s) {
  size_t best = 0, best_size = 0, start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '<' || s[i] == '>') {
      if (i - start > best_size) {
        best = start;
        best_size = i - start;
      }
      start = i + 1;
    }
  }
  return s.substr(best, best_size);
}

std::vector<std::string> OutsideTokens(const std::vector<std::string>& clause) {
  std::vector<std::string> out;
  for (const std::string& s : clause) out.push_back(OutsideTokens(s));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool HasPunctuation(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
}

bool Usable(const std::vector<std::string>& clause, const std::vector<std::string>& frequent) {
  if (clause.empty()) return false;
  for (const std::string& s : clause) {
    if (s.size() < kMinAtom && !(s.size() == kMinAtom - 1 && HasPunctuation(s))) return false;
    for (const std::string& f : frequent) {
      if (f.find(s) != std::string::npos) return false;
    }
  }
  return true;
}

size_t Shortest(const std::vector<std::string>& clause) {
  size_t n = SIZE_MAX;
  for (const std::string& s : clause) n = std::min(n, s.size());
  return n;
}

// Per-thread scratch, so a query allocates nothing once warm.
struct Scratch {
  // Per atom: one past where its last occurrence begins, 0 if it has none.
  std::vector<uint32_t> atom_last;
  std::vector<int> touched_atoms;
  std::vector<char> triggered;  // per pattern: its first clause is met
  std::vector<int> touched_patterns;
  std::vector<std::pair<int, uint32_t>> found;  // candidate, last start
};

}  // namespace

PatternPrefilter::PatternPrefilter(const std::vector<std::string>& sources,
                                   const std::vector<std::string>& frequent, const CueFilter* cues)
    : patterns_(static_cast<int>(sources.size())) {
  std::map<std::string, int> atom_ids;
  auto atom_id = [&](const std::string& s) {
    auto [it, added] = atom_ids.emplace(s, static_cast<int>(atoms_.size()));
    if (added) atoms_.push_back(s);
    return it->second;
  };
  std::vector<std::vector<int>> clause_atoms;
  clauses_of_.assign(sources.size(), 0);
  first_clause_.assign(sources.size(), 0);
  requirements_.resize(sources.size());
  const std::vector<std::vector<std::vector<std::string>>> required = RequiredLiterals(sources);
  for (size_t p = 0; p < sources.size(); ++p) {
    std::vector<std::vector<std::string>> clauses;
    for (const std::vector<std::string>& c : required[p]) {
      clauses.push_back(OutsideTokens(c));
    }
    std::erase_if(clauses, [&](const std::vector<std::string>& c) { return !Usable(c, frequent); });
    std::stable_sort(clauses.begin(), clauses.end(),
                     [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
                       return Shortest(a) > Shortest(b);
                     });
    if (clauses.size() > kMaxClauses) clauses.resize(kMaxClauses);
    if (clauses.empty()) always_.push_back(static_cast<int>(p));
    first_clause_[p] = static_cast<int>(clause_atoms.size());
    for (const std::vector<std::string>& clause : clauses) {
      std::vector<int> ids;
      for (const std::string& s : clause) ids.push_back(atom_id(s));
      clause_atoms.push_back(std::move(ids));
      ++clauses_of_[p];
    }
    requirements_[p] = std::move(clauses);
  }
  in_clause_.assign(atoms_.size(), 1);
  if (cues != nullptr) {
    answers_cues_ = true;
    cue_always_ = cues->always();
    cue_all_ = cues->all();
    for (const CueFilter::Cue& cue : cues->Cues()) {
      // The filter reads folded text, so a string with an upper-case letter
      // is never found; the automaton, which folds as it reads, would find it.
      // An empty string is found everywhere.
      if (std::any_of(cue.text.begin(), cue.text.end(), ascii::Upper)) continue;
      if (cue.text.empty()) {
        cue_always_ |= cue.list;
        continue;
      }
      const int atom = atom_id(cue.text);
      if (static_cast<size_t>(atom) >= atom_cues_.size()) atom_cues_.resize(atom + 1);
      atom_cues_[atom].push_back(CueCheck{cue.list, static_cast<uint32_t>(cue.text.size()),
                                          static_cast<uint8_t>(cue.where), cue.whole,
                                          IsWordChar(cue.text.back())});
    }
  }
  // The characters RE2's case folding takes to ASCII letters (see
  // HasAsciiFoldingChars) are looked for in the same pass.
  for (const char* folding : {"\xe2\x84\xaa", "\xc5\xbf", "\xc4\xb0", "\xc4\xb1"}) {
    const std::string s(folding);
    const int atom = atom_id(s);
    if (static_cast<size_t>(atom) >= atom_cues_.size()) atom_cues_.resize(atom + 1);
    atom_cues_[atom].push_back(CueCheck{0, static_cast<uint32_t>(s.size()), kFoldsToAscii});
  }
  atom_cues_.resize(atoms_.size());
  in_clause_.resize(atoms_.size(), 0);
  Build(clause_atoms);
}

void PatternPrefilter::Build(const std::vector<std::vector<int>>& clause_atoms) {
  clause_atoms_ = clause_atoms;
  // A pattern's clauses are sorted rarest first: its first clause alone is
  // watched during the scan, the others checked once it is met. A common
  // string such as ", " is then no pattern's trigger, and a view holding it
  // touches nothing.
  atom_patterns_.assign(atoms_.size(), {});
  for (int p = 0; p < patterns_; ++p) {
    if (clauses_of_[p] == 0) continue;
    for (int a : clause_atoms[first_clause_[p]]) atom_patterns_[a].push_back(p);
  }
  // Byte classes: one per byte that occurs in an atom (upper case shares its
  // lower-case letter's), one for all others.
  for (const std::string& atom : atoms_) {
    for (char ch : atom) {
      const unsigned char b = static_cast<unsigned char>(ch);
      if (byte_class_[b] == 0) byte_class_[b] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int b = 'A'; b <= 'Z'; ++b) byte_class_[b] = byte_class_[b - 'A' + 'a'];

  // The trie, then failure links breadth first, filling missing transitions.
  std::vector<std::vector<int>> ends(1);
  next_.assign(classes_, -1);
  for (size_t a = 0; a < atoms_.size(); ++a) {
    int s = 0;
    for (char ch : atoms_[a]) {
      const int c = byte_class_[static_cast<unsigned char>(ch)];
      if (next_[s * classes_ + c] < 0) {
        next_[s * classes_ + c] = static_cast<int32_t>(ends.size());
        ends.emplace_back();
        next_.resize(next_.size() + classes_, -1);
      }
      s = next_[s * classes_ + c];
    }
    ends[s].push_back(static_cast<int>(a));
  }
  const size_t states = ends.size();
  std::vector<int> fail(states, 0);
  std::vector<std::vector<int>> outputs(states);
  std::deque<int> queue;
  for (int c = 0; c < classes_; ++c) {
    int& t = next_[c];
    if (t < 0) {
      t = 0;
    } else {
      fail[t] = 0;
      queue.push_back(t);
    }
  }
  outputs[0] = ends[0];
  while (!queue.empty()) {
    const int u = queue.front();
    queue.pop_front();
    outputs[u] = ends[u];
    outputs[u].insert(outputs[u].end(), outputs[fail[u]].begin(), outputs[fail[u]].end());
    for (int c = 0; c < classes_; ++c) {
      int& t = next_[u * classes_ + c];
      if (t < 0) {
        t = next_[fail[u] * classes_ + c];
      } else {
        fail[t] = next_[fail[u] * classes_ + c];
        queue.push_back(t);
      }
    }
  }
  // Per state: the clause atoms ending there, and the cue strings.
  std::vector<std::vector<int>> clause_outputs(states);
  std::vector<std::vector<CueCheck>> cue_outputs(states);
  for (size_t s = 0; s < states; ++s) {
    for (int a : outputs[s]) {
      if (in_clause_[a]) clause_outputs[s].push_back(a);
      cue_outputs[s].insert(cue_outputs[s].end(), atom_cues_[a].begin(), atom_cues_[a].end());
    }
  }
  // States renumbered so that those where something ends come last: the scan
  // then tells them by one comparison. The root (no atom is empty) stays 0.
  std::vector<int32_t> renumbered(states);
  int32_t next_number = 0;
  for (int with_output = 0; with_output < 2; ++with_output) {
    for (size_t s = 0; s < states; ++s) {
      const bool has = !clause_outputs[s].empty() || !cue_outputs[s].empty();
      if (has == (with_output == 1)) renumbered[s] = next_number++;
    }
    if (with_output == 0) first_output_state_ = next_number * classes_;
  }
  std::vector<int32_t> moved(next_.size());
  for (size_t s = 0; s < states; ++s) {
    for (int c = 0; c < classes_; ++c) {
      moved[renumbered[s] * classes_ + c] = renumbered[next_[s * classes_ + c]] * classes_;
    }
  }
  next_ = std::move(moved);
  out_begin_.assign(states + 1, 0);
  cue_begin_.assign(states + 1, 0);
  std::vector<size_t> by_number(states);
  for (size_t s = 0; s < states; ++s) by_number[renumbered[s]] = s;
  for (size_t n = 0; n < states; ++n) {
    const size_t s = by_number[n];
    out_begin_[n + 1] = out_begin_[n] + static_cast<int32_t>(clause_outputs[s].size());
    out_.insert(out_.end(), clause_outputs[s].begin(), clause_outputs[s].end());
    cue_begin_[n + 1] = cue_begin_[n] + static_cast<int32_t>(cue_outputs[s].size());
    cue_checks_.insert(cue_checks_.end(), cue_outputs[s].begin(), cue_outputs[s].end());
  }
}

// The cue lists of the strings that end at state number `state`, at
// view[end - 1], whose places and word boundaries fit.
uint32_t PatternPrefilter::CueAnswer(std::string_view view, size_t end, int32_t state,
                                     bool* folds_to_ascii) const {
  uint32_t found = 0;
  for (int32_t i = cue_begin_[state]; i < cue_begin_[state + 1]; ++i) {
    const CueCheck& c = cue_checks_[i];
    if (c.where == kFoldsToAscii) {
      *folds_to_ascii = true;
      continue;
    }
    const size_t begin = end - c.size;
    if (c.where != CueFilter::Cue::kAnywhere) {
      const bool after_word = begin > 0 && IsWordChar(view[begin - 1]);
      if (after_word != (c.where == CueFilter::Cue::kAfterWord)) continue;
    }
    if (c.whole && c.ends_in_word == (end < view.size() && IsWordChar(view[end]))) continue;
    found |= c.list;
  }
  return found;
}

void PatternPrefilter::Candidates(std::string_view view, std::vector<int>* out) const {
  Candidates(view, out, nullptr, nullptr);
}

void PatternPrefilter::Candidates(std::string_view view, std::vector<int>* out,
                                  std::vector<uint32_t>* last_start) const {
  Candidates(view, out, last_start, nullptr);
}

void PatternPrefilter::Candidates(std::string_view view, std::vector<int>* out,
                                  std::vector<uint32_t>* last_start, uint32_t* cues) const {
  out->clear();
  if (last_start != nullptr) last_start->clear();
  thread_local Scratch scratch;
  Scratch& sc = scratch;
  if (sc.atom_last.size() < atoms_.size()) sc.atom_last.resize(atoms_.size());
  if (sc.triggered.size() < static_cast<size_t>(patterns_)) sc.triggered.resize(patterns_);
  // The automaton's tables in locals: the stores below cannot alias them then.
  const uint8_t* byte_class = byte_class_;
  const int32_t* next = next_.data();
  const int32_t classes = classes_;
  const int32_t first_output = first_output_state_;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(view.data());
  const size_t n = view.size();
  uint32_t found_cues = cue_always_;
  bool folds_to_ascii = false;
  int32_t row = 0;
  for (size_t at = 0; at < n; ++at) {
    row = next[row + byte_class[bytes[at]]];
    if (row < first_output) continue;
    const int32_t s = row / classes;
    if (cue_begin_[s] != cue_begin_[s + 1]) {
      found_cues |= CueAnswer(view, at + 1, s, &folds_to_ascii);
    }
    for (int32_t i = out_begin_[s]; i < out_begin_[s + 1]; ++i) {
      const int atom = out_[i];
      // A later occurrence only moves the atom's last start.
      const bool seen = sc.atom_last[atom] != 0;
      sc.atom_last[atom] = static_cast<uint32_t>(at + 2 - atoms_[atom].size());
      if (seen) continue;
      sc.touched_atoms.push_back(atom);
      for (int p : atom_patterns_[atom]) {
        if (sc.triggered[p]) continue;
        sc.triggered[p] = 1;
        sc.touched_patterns.push_back(p);
      }
    }
  }
  // RE2's case folding takes a few non-ASCII characters to ASCII letters; the
  // prefilter compares folded ASCII, so a view holding one keeps every
  // pattern (and the cue filter answers "maybe" for every list).
  if (folds_to_ascii) {
    for (int a : sc.touched_atoms) sc.atom_last[a] = 0;
    sc.touched_atoms.clear();
    for (int p : sc.touched_patterns) sc.triggered[p] = 0;
    sc.touched_patterns.clear();
    for (int p = 0; p < patterns_; ++p) out->push_back(p);
    if (last_start != nullptr) last_start->assign(out->size(), view.size());
    if (cues != nullptr) *cues = cue_all_;
    return;
  }
  if (cues != nullptr) *cues = found_cues;
  // A pattern whose first clause is met is a candidate if every other clause
  // is met too. Its last start: a match holds one string of each clause, so
  // it begins no later than the latest occurrence of each clause's strings.
  sc.found.clear();
  for (int p : sc.touched_patterns) {
    sc.triggered[p] = 0;
    uint32_t last = static_cast<uint32_t>(view.size());
    bool met = true;
    for (int c = first_clause_[p]; met && c < first_clause_[p] + clauses_of_[p]; ++c) {
      // One past the latest start of the clause's strings; 0 if none occurs.
      uint32_t clause_last = 0;
      for (int a : clause_atoms_[c]) clause_last = std::max(clause_last, sc.atom_last[a]);
      met = clause_last != 0;
      last = std::min(last, clause_last - 1);
    }
    if (met) sc.found.emplace_back(p, last);
  }
  for (int p : always_) sc.found.emplace_back(p, static_cast<uint32_t>(view.size()));
  std::sort(sc.found.begin(), sc.found.end());
  for (const auto& [p, last] : sc.found) {
    out->push_back(p);
    if (last_start != nullptr) last_start->push_back(last);
  }
  for (int a : sc.touched_atoms) sc.atom_last[a] = 0;
  sc.touched_atoms.clear();
  sc.touched_patterns.clear();
}

int PatternPrefilter::unfiltered() const { return static_cast<int>(always_.size()); }

std::vector<std::vector<std::string>> PatternPrefilter::Requirements(int p) const {
  return requirements_[p];
}

std::shared_ptr<const PatternPrefilter> MakePatternPrefilter(const RulePack& pack) {
  std::vector<std::string> sources;
  for (const PatternDef& p : pack.patterns) sources.push_back(p.source);
  // The types MentionTracker gives names the pack does not know, then the pack's own.
  std::vector<std::string> frequent = {"<t0>"};
  for (const char* type : {"unknown", "person", "organization", "agency", "place"}) {
    frequent.push_back(std::string("<e0:") + type + ">");
  }
  for (const EntityDef& e : pack.entities) frequent.push_back("<e0:" + e.type + ">");
  std::sort(frequent.begin(), frequent.end());
  frequent.erase(std::unique(frequent.begin(), frequent.end()), frequent.end());
  return std::make_shared<const PatternPrefilter>(sources, frequent, pack.cues.filter.get());
}

}  // namespace kg
