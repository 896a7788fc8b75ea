#include "extract/time/extent_memo.h"

namespace kg::timex {

ExtentMemo& ExtentMemo::ForThread(uint64_t rules_id) {
  thread_local ExtentMemo memo;
  if (memo.rules_id_ != rules_id) {
    memo.Clear();
    memo.rules_id_ = rules_id;
  }
  return memo;
}

}  // namespace kg::timex
