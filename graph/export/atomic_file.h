// Internal to graph/export: replacing a file so readers see the old file or
// the whole new one, never a prefix: write a temporary beside it (created
// exclusively, so two exports never share one), flush, then rename over.
#ifndef KG_GRAPH_EXPORT_ATOMIC_FILE_H_
#define KG_GRAPH_EXPORT_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/model/status.h"

namespace kg {

// Calls write(stream) on a temporary beside `path`, then renames it to
// `path`. If write returns an error or the stream fails, the temporary is
// removed and `path` is left as it was.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write);

// Writes every (name, text) into `dir` (created if missing): all temporaries
// first, then the renames, so a failure while writing replaces nothing.
struct NamedText {
  std::string name;
  const std::string* text;
  bool executable;
};
Status WriteFilesAtomically(const std::string& dir, const std::vector<NamedText>& files);

}  // namespace kg

#endif  // KG_GRAPH_EXPORT_ATOMIC_FILE_H_
