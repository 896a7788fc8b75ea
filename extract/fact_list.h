// FactList: the facts of one document, in records that outlive it. Extraction
// refills the same records document after document, so each fact's strings
// keep their buffers instead of being freed and allocated again (a fact holds
// about a dozen strings; the sentence, and often names and evidence, are too
// long for a string's inline buffer). The first size() records are the facts;
// the records after them are spare ones, kept only for their capacity.
#ifndef KG_EXTRACT_FACT_LIST_H_
#define KG_EXTRACT_FACT_LIST_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "graph/model/fact.h"

namespace kg {

class FactList {
 public:
  FactList() = default;
  FactList(const FactList&) = default;
  FactList& operator=(const FactList&) = default;
  // A list moved from is empty.
  FactList(FactList&& other) noexcept
      : records_(std::move(other.records_)), size_(std::exchange(other.size_, 0)) {}
  FactList& operator=(FactList&& other) noexcept {
    records_ = std::move(other.records_);
    size_ = std::exchange(other.size_, 0);
    return *this;
  }

  // A record at the end of the list, equal to a default Fact.
  Fact& Add();
  // Room for n facts without moving the records already held.
  void Reserve(size_t n) { records_.reserve(n); }
  // Forgets the facts; their records stay, to be reused by Add.
  void Clear() { size_ = 0; }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Fact& operator[](size_t i) { return records_[i]; }
  const Fact& operator[](size_t i) const { return records_[i]; }
  Fact* begin() { return records_.data(); }
  Fact* end() { return records_.data() + size_; }
  const Fact* begin() const { return records_.data(); }
  const Fact* end() const { return records_.data() + size_; }

 private:
  std::vector<Fact> records_;  // size() <= records_.size()
  size_t size_ = 0;
};

// Makes *fact equal to a default Fact without giving up its strings' buffers.
void ResetKeepingCapacity(Fact* fact);

}  // namespace kg

#endif  // KG_EXTRACT_FACT_LIST_H_
