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

// A clause's bit in a 64-bit set of clauses (several share each bit).
inline uint64_t ClauseBit(int32_t clause) { return uint64_t{1} << (clause & 63); }

// Per-thread scratch, so a query allocates nothing once warm.
struct Scratch {
  // Per clause: one past where the latest-starting occurrence of its strings
  // begins, 0 if none occurs.
  std::vector<uint32_t> clause_last;
  // Per clause touched: one past where its earliest-ending occurrence ends.
  std::vector<uint32_t> clause_first_end;
  std::vector<int32_t> touched_clauses;         // the first ones: those touched this view
  std::vector<std::pair<int, uint32_t>> found;  // candidate, last start: the first ones
};

// Steps the automaton from *row over bytes[at, n) and stops at the first
// byte that takes it to a state at or past `first_output` (where something
// ends): returns that byte's index, or n. Most bytes end nothing, so this
// loop is the scan's cost: four bytes a round, its state in registers.
inline size_t StepToOutput(const int32_t* next, const uint8_t* byte_class,
                           const unsigned char* bytes, size_t at, size_t n, int32_t first_output,
                           int32_t* row) {
  // Rows are non-negative: unsigned, they index without sign extension.
  const uint32_t* step = reinterpret_cast<const uint32_t*>(next);
  const uint32_t first = static_cast<uint32_t>(first_output);
  uint32_t r = static_cast<uint32_t>(*row);
  auto ends_at = [&](size_t i) {
    r = step[r + byte_class[bytes[i]]];
    return r >= first;
  };
  size_t found = n;
  for (; at + 4 <= n; at += 4) {
    if (ends_at(at)) {
      found = at;
    } else if (ends_at(at + 1)) {
      found = at + 1;
    } else if (ends_at(at + 2)) {
      found = at + 2;
    } else if (ends_at(at + 3)) {
      found = at + 3;
    } else {
      continue;
    }
    *row = static_cast<int32_t>(r);
    return found;
  }
  for (; at < n; ++at) {
    if (ends_at(at)) {
      found = at;
      break;
    }
  }
  *row = static_cast<int32_t>(r);
  return found;
}

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
  // Distinct clauses by their atoms (sorted strings give sorted ids).
  std::map<std::vector<int>, int> clause_ids;
  std::vector<std::vector<int>> clause_atoms;
  clause_begin_.assign(1, 0);
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
    for (const std::vector<std::string>& clause : clauses) {
      std::vector<int> ids;
      for (const std::string& s : clause) ids.push_back(atom_id(s));
      auto [it, added] = clause_ids.emplace(ids, static_cast<int>(clause_atoms.size()));
      if (added) clause_atoms.push_back(std::move(ids));
      pattern_clauses_.push_back(it->second);
    }
    clause_begin_.push_back(static_cast<int32_t>(pattern_clauses_.size()));
    requirements_[p] = std::move(clauses);
  }
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
  Build(clause_atoms);
}

void PatternPrefilter::Build(const std::vector<std::vector<int>>& clause_atoms) {
  clauses_ = static_cast<int>(clause_atoms.size());
  // A pattern's clauses are sorted rarest first: its first clause alone
  // triggers it, the others are checked once it is met. A common string such
  // as ", " then triggers no pattern, and a view holding it only has its
  // clause marked met.
  std::vector<std::vector<int32_t>> triggered_by(clauses_);
  for (int p = 0; p < patterns_; ++p) {
    if (clause_begin_[p] == clause_begin_[p + 1]) continue;
    triggered_by[pattern_clauses_[clause_begin_[p]]].push_back(p);
  }
  clause_bits_.assign(patterns_, 0);
  for (int p = 0; p < patterns_; ++p) {
    for (int32_t i = clause_begin_[p]; i < clause_begin_[p + 1]; ++i) {
      clause_bits_[p] |= ClauseBit(pattern_clauses_[i]);
    }
  }
  trigger_begin_.assign(1, 0);
  for (const std::vector<int32_t>& patterns : triggered_by) {
    triggers_.insert(triggers_.end(), patterns.begin(), patterns.end());
    trigger_begin_.push_back(static_cast<int32_t>(triggers_.size()));
  }
  std::vector<std::vector<int32_t>> atom_clauses(atoms_.size());
  for (int c = 0; c < clauses_; ++c) {
    for (int a : clause_atoms[c]) {
      if (atom_clauses[a].empty() || atom_clauses[a].back() != c) atom_clauses[a].push_back(c);
    }
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
  // Per state: the clause strings ending there, and the cue strings.
  std::vector<std::vector<ClauseHit>> clause_outputs(states);
  std::vector<std::vector<CueCheck>> cue_outputs(states);
  for (size_t s = 0; s < states; ++s) {
    for (int a : outputs[s]) {
      for (int32_t c : atom_clauses[a]) {
        clause_outputs[s].push_back(ClauseHit{c, static_cast<uint32_t>(atoms_[a].size())});
      }
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
  hit_begin_.assign(states + 1, 0);
  cue_begin_.assign(states + 1, 0);
  std::vector<size_t> by_number(states);
  for (size_t s = 0; s < states; ++s) by_number[renumbered[s]] = s;
  for (size_t n = 0; n < states; ++n) {
    const size_t s = by_number[n];
    hit_begin_[n + 1] = hit_begin_[n] + static_cast<int32_t>(clause_outputs[s].size());
    hits_.insert(hits_.end(), clause_outputs[s].begin(), clause_outputs[s].end());
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
                                  std::vector<uint32_t>* last_start, uint32_t* cues,
                                  std::vector<uint32_t>* first_end) const {
  out->clear();
  if (last_start != nullptr) last_start->clear();
  if (first_end != nullptr) first_end->clear();
  thread_local Scratch scratch;
  Scratch& sc = scratch;
  if (sc.clause_last.size() < static_cast<size_t>(clauses_)) {
    sc.clause_last.resize(clauses_);
    sc.clause_first_end.resize(clauses_);
    // Each clause is touched at most once a view: written by index, not
    // pushed, so the scan checks no capacity.
    sc.touched_clauses.resize(clauses_);
  }
  if (sc.found.size() < static_cast<size_t>(patterns_)) sc.found.resize(patterns_);
  int32_t* touched = sc.touched_clauses.data();
  size_t touched_count = 0;
  uint64_t touched_bits = 0;  // ClauseBit of each clause touched
  // The automaton's tables in locals: the stores below cannot alias them then.
  const uint8_t* byte_class = byte_class_;
  const int32_t* next = next_.data();
  const int32_t classes = classes_;
  const int32_t first_output = first_output_state_;
  const ClauseHit* hits = hits_.data();
  const int32_t* hit_begin = hit_begin_.data();
  uint32_t* clause_last = sc.clause_last.data();
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(view.data());
  const size_t n = view.size();
  uint32_t found_cues = cue_always_;
  bool folds_to_ascii = false;
  int32_t row = 0;
  for (size_t at = 0;; ++at) {
    at = StepToOutput(next, byte_class, bytes, at, n, first_output, &row);
    if (at == n) break;
    const int32_t s = row / classes;
    if (cue_begin_[s] != cue_begin_[s + 1]) {
      found_cues |= CueAnswer(view, at + 1, s, &folds_to_ascii);
    }
    for (int32_t i = hit_begin[s]; i < hit_begin[s + 1]; ++i) {
      // One past where this occurrence begins; a later-ending occurrence of a
      // shorter string may begin later than an earlier one of a longer string.
      const uint32_t start = static_cast<uint32_t>(at + 2 - hits[i].size);
      uint32_t& last = clause_last[hits[i].clause];
      if (last == 0) {
        // Occurrences are reported in the order they end.
        touched[touched_count++] = hits[i].clause;
        touched_bits |= ClauseBit(hits[i].clause);
        sc.clause_first_end[hits[i].clause] = static_cast<uint32_t>(at + 1);
      }
      last = std::max(last, start);
    }
  }
  // RE2's case folding takes a few non-ASCII characters to ASCII letters; the
  // prefilter compares folded ASCII, so a view holding one keeps every
  // pattern (and the cue filter answers "maybe" for every list).
  if (folds_to_ascii) {
    for (size_t i = 0; i < touched_count; ++i) clause_last[touched[i]] = 0;
    for (int p = 0; p < patterns_; ++p) out->push_back(p);
    if (last_start != nullptr) last_start->assign(out->size(), view.size());
    if (first_end != nullptr) first_end->assign(out->size(), 0);
    if (cues != nullptr) *cues = cue_all_;
    return;
  }
  if (cues != nullptr) *cues = found_cues;
  // A pattern whose first clause is met is a candidate if every other clause
  // is met too. Its last start: a match holds one string of each clause, so
  // it begins no later than the latest occurrence of each clause's strings.
  // Each pattern is found at most once: written by index too.
  std::pair<int, uint32_t>* found = sc.found.data();
  size_t found_count = 0;
  for (size_t k = 0; k < touched_count; ++k) {
    const int32_t c = touched[k];
    for (int32_t t = trigger_begin_[c]; t < trigger_begin_[c + 1]; ++t) {
      const int p = triggers_[t];
      if ((clause_bits_[p] & ~touched_bits) != 0) continue;  // a clause is missing
      uint32_t last = static_cast<uint32_t>(n);
      bool met = true;
      for (int32_t i = clause_begin_[p]; met && i < clause_begin_[p + 1]; ++i) {
        const uint32_t clause = clause_last[pattern_clauses_[i]];
        met = clause != 0;
        last = std::min(last, clause - 1);
      }
      if (met) found[found_count++] = {p, last};
    }
  }
  for (int p : always_) found[found_count++] = {p, static_cast<uint32_t>(n)};
  std::sort(found, found + found_count);
  for (size_t k = 0; k < found_count; ++k) {
    const auto [p, last] = found[k];
    out->push_back(p);
    if (last_start != nullptr) last_start->push_back(last);
    if (first_end == nullptr) continue;
    // Read for the candidates only: most patterns a clause triggers are not.
    uint32_t end = 0;
    for (int32_t i = clause_begin_[p]; i < clause_begin_[p + 1]; ++i) {
      end = std::max(end, sc.clause_first_end[pattern_clauses_[i]]);
    }
    first_end->push_back(end);
  }
  for (size_t i = 0; i < touched_count; ++i) clause_last[touched[i]] = 0;
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
