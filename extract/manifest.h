// Date manifests: a small CSV that gives documents their dates from outside,
// for corpora whose files carry no "date" line.
//
//   # comment            (blank lines and '#' lines are ignored)
//   file,date            (an optional header line)
//   001_dd05d0a961fa166a.txt,2024-03-13
//   sub/dir/story.txt,2023-10-13
//
// A name is a document id: the path relative to the directory holding the
// manifest (for a directory's dates.csv) or as kg names documents. The last
// comma separates the date, so names may contain commas; surrounding spaces and
// double quotes around a field are dropped. Errors say file:line:column.
#ifndef KG_EXTRACT_MANIFEST_H_
#define KG_EXTRACT_MANIFEST_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "graph/model/status.h"

namespace kg {

class DateManifest {
 public:
  // `name` locates errors. Duplicate names and bad dates are errors.
  static Result<DateManifest> Parse(std::string_view text, const std::string& name);
  // Reads and parses the file at `path` (at most `max_bytes` of it).
  static Result<DateManifest> Load(const std::string& path, size_t max_bytes);

  // The date given for `id`, remembering that it was used.
  std::optional<Date> Find(const std::string& id);

  // Ok, or an error naming the first entry (in file order) never found, so a
  // directory's dates.csv with a misspelt name does not go unnoticed.
  Status CheckAllUsed() const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    Date date;
    int line = 0;
    bool used = false;
  };
  std::string name_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace kg

#endif  // KG_EXTRACT_MANIFEST_H_
