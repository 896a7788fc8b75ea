// NameIndex: the names a document introduces (unknown names, their surnames)
// mapped to entity ids, for MentionTracker. Keys are compared byte for byte.
// The slots are one flat array and a key is not copied: its slot points at the
// bytes it was given (the tracker's names are views of its document's text),
// so adding a name allocates and copies nothing, and a lookup takes a
// string_view into the text. The bytes of a key given to Emplace or Set must
// stay as they are until the next Clear.
#ifndef KG_EXTRACT_MENTION_NAMES_H_
#define KG_EXTRACT_MENTION_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg {

class NameIndex {
 public:
  // The value of `name`; -1 if it has none.
  int Find(std::string_view name) const;
  // The value of `name`, given `value` (>= 0) first if it had none.
  int Emplace(std::string_view name, int value);
  // Gives `name` the value `value` (>= 0), whether or not it had one.
  void Set(std::string_view name, int value);
  // Forgets every name (their bytes may then go), keeping the memory of a small index for the next
  // document (a large one's is let go, or each later document would clear it).
  // Slots are not cleared one by one: the index moves on to a new stamp.
  void Clear();

 private:
  struct Slot {
    const char* key = nullptr;  // the bytes the key was given with (not owned)
    uint32_t length = 0;        // of the key: a name's, well under 4 GB
    uint32_t hash = 0;
    int value = -1;
    uint8_t stamp = 0;  // the index's stamp when filled; any other: an empty slot
  };
  static uint32_t Hash(std::string_view name);
  // The bit of shapes_ for a key's first byte and length.
  static uint64_t ShapeBit(std::string_view name);
  // The index of the slot holding `name`, or of the empty one where it would go.
  size_t IndexOf(std::string_view name, uint32_t hash) const;
  // The slot for `name` (its own, or an empty one now reserved for it).
  Slot& SlotFor(std::string_view name);
  void Grow();

  std::vector<Slot> slots_;  // empty, or a power of two at most half full
  // slots_.size() - 1, or 0 while there are none: kept, not worked out from
  // the vector's ends (a division by the slot's 24 bytes) at every lookup.
  size_t mask_ = 0;
  size_t size_ = 0;
  // The ShapeBits of the keys since the last Clear: a name whose bit is clear
  // is no key, told without hashing it (most names looked up are none: a
  // document has few surnames, and every capitalised word is asked).
  uint64_t shapes_ = 0;
  // The stamp of filled slots, never 0 (a new slot's): Clear moves it on, and
  // clears every slot only when it comes round (one Clear in 255).
  uint8_t stamp_ = 1;
};

}  // namespace kg

#endif  // KG_EXTRACT_MENTION_NAMES_H_
