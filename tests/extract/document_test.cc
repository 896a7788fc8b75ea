// Tests for the document reader: text files (date line, BOM, CRLF), JSON
// Lines, directories (order, ids, dates.csv), stdin, and one clear error for
// each kind of bad input. Inputs that cannot be committed (symlinks, a 100 MB
// line, unreadable directories) are made in a temporary directory at run time.
#include "extract/document.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document_parse.h"
#include "extract/manifest.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(KG_TEST_DATA_DIR) / "documents";

// A fresh directory, removed (permissions restored first) when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::path(::testing::TempDir()) / "kg_doc_XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink())
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }

 private:
  fs::path path_;
};

Result<std::vector<Document>> Read(const std::vector<std::string>& paths,
                                   const ReadOptions& options = {}) {
  return ReadDocuments(paths, options);
}

// The one-line error for `paths`, or "ok" if reading succeeded.
std::string ErrorOf(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  Result<std::vector<Document>> docs = Read(paths, options);
  return docs.ok() ? "ok" : docs.status().ToString();
}

std::string DateOf(const Document& doc) { return doc.date ? doc.date->ToString() : "none"; }

// ---- Text documents ----

TEST(DocumentTest, DateLineAloneIsRemoved) {
  Result<Document> doc =
      ParseTextDocument("date 2023-10-13\nMicrosoft closed the deal.\n", "x", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(DateOf(*doc), "2023-10-13");
  EXPECT_EQ(doc->text, "Microsoft closed the deal.\n");
}

TEST(DocumentTest, DateOnTheSameLineAsTheText) {
  // As in the seed 001_dd05d0a961fa166a.txt.
  Result<Document> doc = ParseTextDocument(
      " date 2024-03-13 Former US President Donald Trump reached out.\n\nMore.", "x", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(DateOf(*doc), "2024-03-13");
  EXPECT_EQ(doc->text, "Former US President Donald Trump reached out.\n\nMore.");
}

TEST(DocumentTest, DateLineFollowedByBlankLines) {
  Result<Document> doc = ParseTextDocument(" date 2024-11-28 \n\n\n\nMeta boss visited.", "x", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(DateOf(*doc), "2024-11-28");
  EXPECT_EQ(doc->text, "Meta boss visited.");
}

TEST(DocumentTest, TextStartingWithTheWordDateIsText) {
  Result<Document> doc = ParseTextDocument("date night ideas for 2024\nMore.", "x", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_FALSE(doc->date);
  EXPECT_EQ(doc->text, "date night ideas for 2024\nMore.");
}

TEST(DocumentTest, BadDateLineIsAnErrorAtItsColumn) {
  Result<Document> doc = ParseTextDocument("  date 2024-02-30\nText.", "f.txt", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().ToString(),
            "f.txt:1:8: bad date line: expected 'date YYYY-MM-DD' with a real calendar date, got "
            "'2024-02-30'");
  EXPECT_FALSE(ParseTextDocument("date 2024-3-1\nText.", "f.txt", {}).ok());
}

TEST(DocumentTest, DefaultDateOnlyForUndatedDocuments) {
  ReadOptions options;
  options.default_date = Date{2020, 1, 1};
  EXPECT_EQ(DateOf(*ParseTextDocument("Undated.", "x", options)), "2020-01-01");
  EXPECT_EQ(DateOf(*ParseTextDocument("date 2021-05-06\nDated.", "x", options)), "2021-05-06");
}

TEST(DocumentTest, BomDroppedAndLineEndsNormalised) {
  Result<std::vector<Document>> docs = Read({(kData / "bom_crlf.txt").string()});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].id, "bom_crlf.txt");
  EXPECT_EQ(DateOf((*docs)[0]), "2024-01-02");
  EXPECT_EQ((*docs)[0].text, "First line.\nSecond line.\n");
  EXPECT_EQ(ParseTextDocument("a\rb\r\nc", "x", {})->text, "a\nb\nc");
}

TEST(DocumentTest, FileGivenDirectlyIsNamedByItsFileName) {
  Result<std::vector<Document>> docs = Read({(kData / "date_inline.txt").string()});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ((*docs)[0].id, "date_inline.txt");
  EXPECT_EQ((*docs)[0].text.substr(0, 19), "Former US President");
}

TEST(DocumentTest, StdinIsOneTextDocument) {
  std::istringstream in("date 2022-10-28\nMusk completed the deal.");
  ReadOptions options;
  options.stdin_stream = &in;
  options.stdin_name = "<stdin>";
  Result<std::vector<Document>> docs = Read({"-"}, options);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].id, "<stdin>");
  EXPECT_EQ(DateOf((*docs)[0]), "2022-10-28");
}

// ---- JSON Lines ----

TEST(DocumentTest, JsonlTextIsKeptByteForByte) {
  TempDir dir;
  std::string text = "\xEF\xBB\xBF  Line one.\r\nLine two \\u00e9.\t";
  std::string file =
      dir.Write("docs.jsonl",
                "{\"id\": \"APW19980227.0489\", \"text\": \"\\uFEFF  Line one.\\r\\nLine "
                "two \\\\u00e9.\\t\", \"date\": \"1998-02-27\", \"title\": \"T\", "
                "\"url\": \"http://x\"}\n");
  Result<std::vector<Document>> docs = Read({file});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  const Document& doc = (*docs)[0];
  EXPECT_EQ(doc.id, "APW19980227.0489");
  EXPECT_EQ(doc.text, text);
  EXPECT_EQ(DateOf(doc), "1998-02-27");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.url, "http://x");
}

TEST(DocumentTest, JsonlIdsAndBlankLines) {
  TempDir dir;
  std::string file =
      dir.Write("d.jsonl", "{\"id\": 7, \"text\": \"A.\"}\r\n\n  \n{\"text\": \"B.\"}");
  Result<std::vector<Document>> docs = Read({file});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].id, "7");
  EXPECT_EQ((*docs)[1].id, "d.jsonl#4");  // no "id": the file name and line
}

struct JsonlErrorCase {
  const char* line;
  const char* error;  // after "<file>:"
};

TEST(DocumentTest, JsonlErrorsNameLineAndColumn) {
  const JsonlErrorCase cases[] = {
      {R"({"id": "a", "text": "x")",
       "1:24: bad JSON: syntax error while parsing object - "
       "unexpected end of input; expected '}'"},
      {R"({"id": "a"})", "1:1: missing \"text\" field"},
      {R"({"id": "a", "text": 5})", "1:21: \"text\" must be a string"},
      {R"({"id": "a", "text": "x", "date": "2023-13-01"})",
       "1:34: bad \"date\": expected YYYY-MM-DD, a real calendar date, got '2023-13-01'"},
      {R"({"id": "a", "text": "x", "date": 20230101})",
       "1:34: \"date\" must be a YYYY-MM-DD string"},
      {R"({"id": [1], "text": "x"})", "1:8: \"id\" must be a string or an integer"},
      {R"({"id": "a", "text": "  "})", "1:21: empty \"text\""},
      {R"({"id": "a", "text": "x\u0000y"})", "1:21: binary text (\"text\" contains NUL)"},
      {R"(["id", "text"])", "1:1: expected a JSON object, got array"},
      {R"({"text": "x", "title": 3})", "1:24: \"title\" must be a string"},
  };
  for (const JsonlErrorCase& c : cases) {
    TempDir dir;
    std::string file = dir.Write("e.jsonl", std::string(c.line) + "\n");
    EXPECT_EQ(ErrorOf({file}), file + ":" + c.error) << c.line;
  }
}

TEST(DocumentTest, JsonlErrorOnALaterLineNamesThatLine) {
  TempDir dir;
  std::string file =
      dir.Write("e.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n\n{\"id\": \"b\", \"text\": tru}\n");
  std::string error = ErrorOf({file});
  EXPECT_EQ(error.substr(0, file.size() + 5), file + ":3:24") << error;  // where the parser gave up
}

// ---- Directories ----

TEST(DocumentTest, DirectoryInPathOrderWithRelativeIdsAndManifestDates) {
  Result<std::vector<Document>> docs = Read({(kData / "tree").string()});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  std::vector<std::string> got;
  for (const Document& doc : *docs) got.push_back(doc.id + " " + DateOf(doc));
  // "a.txt" sorts before "a/b.txt" ('.' < '/'); hidden files, notes.md and
  // dates.csv are not documents; dates.csv dates a/b.txt and doc-2.
  EXPECT_EQ(got, (std::vector<std::string>{"a.txt 2023-10-13", "a/b.txt 2023-02-09",
                                           "doc-1 2022-10-27", "doc-2 2023-02-09"}));
}

TEST(DocumentTest, DirectoryGivenTwiceIsReadTwice) {
  std::string tree = (kData / "tree").string();
  Result<std::vector<Document>> docs = Read({tree, tree});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(docs->size(), 8u);
}

TEST(DocumentTest, DatesCsvNamingNoDocumentIsAnError) {
  TempDir dir;
  dir.Write("one.txt", "Text.");
  std::string csv = dir.Write("dates.csv", "file,date\none.txt,2020-01-01\nonee.txt,2020-01-02\n");
  EXPECT_EQ(ErrorOf({dir.path().string()}),
            csv + ":3:1: no document 'onee.txt' to give this date to");
}

TEST(DocumentTest, ManifestFromOptionsAndPrecedence) {
  TempDir dir;
  std::string dated = dir.Write("dated.txt", "date 2021-01-08\nText.");
  std::string listed = dir.Write("listed.txt", "Text.");
  std::string other = dir.Write("other.txt", "Text.");
  ReadOptions options;
  options.date_manifest = dir.Write("m.csv", "dated.txt,1999-01-01\nlisted.txt,2023-02-09\n");
  options.default_date = Date{2000, 1, 1};
  Result<std::vector<Document>> docs = Read({dated, listed, other}, options);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(DateOf((*docs)[0]), "2021-01-08");  // its own date line wins
  EXPECT_EQ(DateOf((*docs)[1]), "2023-02-09");  // then the manifest
  EXPECT_EQ(DateOf((*docs)[2]), "2000-01-01");  // then --date
}

TEST(DocumentTest, ManifestErrors) {
  EXPECT_EQ(DateManifest::Parse("a.txt,2023-02-30\n", "m.csv").status().ToString(),
            "m.csv:1:7: bad date '2023-02-30': expected YYYY-MM-DD, a real calendar date");
  EXPECT_EQ(DateManifest::Parse("a.txt 2023-02-03\n", "m.csv").status().ToString(),
            "m.csv:1:1: expected 'file,date'");
  EXPECT_EQ(
      DateManifest::Parse("a.txt,2023-02-03\n\"a.txt\", 2023-02-04\n", "m.csv").status().ToString(),
      "m.csv:2:1: 'a.txt' is listed twice (first on line 1)");
  Result<DateManifest> ok = DateManifest::Parse("\xEF\xBB\xBF# c\r\nx,y.txt,2023-02-03\r\n", "m");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->Find("x,y.txt")->ToString(), "2023-02-03");
}

TEST(DocumentTest, SinkSeesDocumentsAsTheyAreReadAndItsErrorStops) {
  TempDir dir;
  dir.Write("1.txt", "First.");
  dir.Write("2.txt", "Second.");
  dir.Write("3.txt", std::string("bad\0", 4));
  std::vector<std::string> seen;
  Status s = ForEachDocument({dir.path().string()}, {}, [&](Document&& doc) {
    seen.push_back(doc.id);
    return doc.id == "2.txt" ? Status::Error("stop here") : Status::Ok();
  });
  EXPECT_EQ(s.ToString(), "stop here");
  EXPECT_EQ(seen, (std::vector<std::string>{"1.txt", "2.txt"}));
}

// ---- Bad inputs: one clear error each, never a crash ----

TEST(DocumentTest, EmptyInputsAreErrors) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  EXPECT_EQ(ErrorOf({empty}), empty + ": empty document (no text)");
  std::string spaces = dir.Write("spaces.txt", " \n\t\n");
  EXPECT_EQ(ErrorOf({spaces}), spaces + ": empty document (no text)");
  std::string only_date = dir.Write("date.txt", "date 2024-01-01\n\n");
  EXPECT_EQ(ErrorOf({only_date}), only_date + ": no text after the date line");
  std::string jsonl = dir.Write("empty.jsonl", "\n\n");
  EXPECT_EQ(ErrorOf({jsonl}), jsonl + ": no documents (the file is empty)");
  fs::create_directory(dir.path() / "nothing");
  std::string nothing = (dir.path() / "nothing").string();
  EXPECT_EQ(ErrorOf({nothing}), nothing + ": no documents (*.txt, *.jsonl) in this directory");
  EXPECT_EQ(ErrorOf({}), "no input: give a file, a directory or -");
}

TEST(DocumentTest, BinaryAndInvalidUtf8AreLocated) {
  TempDir dir;
  std::string nul = dir.Write("nul.txt", std::string("line one\nab\0c", 13));
  EXPECT_EQ(ErrorOf({nul}), nul + ":2:3: binary file (NUL byte at byte offset 11)");
  std::string latin1 = dir.Write("latin1.txt", "Caf\xE9 au lait.\n");
  EXPECT_EQ(ErrorOf({latin1}), latin1 + ":1:4: invalid UTF-8 (byte 0xe9 at byte offset 3)");
  const char* invalid[] = {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                           "\xE2\x80", "\xFF",         "\x80"};
  for (const char* bytes : invalid) {
    Result<Document> doc = ParseTextDocument(std::string("ok ") + bytes, "x", {});
    ASSERT_FALSE(doc.ok()) << bytes;
    EXPECT_EQ(doc.status().message().substr(0, 13), "invalid UTF-8");
  }
  EXPECT_TRUE(ParseTextDocument("\u00e9 \u20ac \U0001F600 \u201Cquoted\u201D", "x", {}).ok());
  std::string png = dir.Write("image.jsonl", "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(ErrorOf({png}), png + ":1:1: invalid UTF-8 (byte 0x89 at byte offset 0)");
}

TEST(DocumentTest, MissingFilesAndADirectoryAsManifest) {
  TempDir dir;
  std::string missing = (dir.path() / "nope.txt").string();
  EXPECT_EQ(ErrorOf({missing}), missing + ": cannot open: No such file or directory");
  std::string manifest_missing = (dir.path() / "m.csv").string();
  ReadOptions options;
  options.date_manifest = manifest_missing;
  EXPECT_EQ(ErrorOf({missing}, options),
            manifest_missing + ": cannot open: No such file or directory");
  options.date_manifest = dir.path().string();
  EXPECT_EQ(ErrorOf({missing}, options), dir.path().string() + ": is a directory, not a file");
}

TEST(DocumentTest, HugeSingleLineIsRefusedWithoutReadingIt) {
  TempDir dir;
  const size_t kSize = size_t{100} << 20;  // 100 MB, one line
  std::string text_file = (dir.path() / "huge.txt").string();
  std::string jsonl_file = (dir.path() / "huge.jsonl").string();
  {
    std::string chunk(1 << 20, 'a');
    std::ofstream text(text_file, std::ios::binary), jsonl(jsonl_file, std::ios::binary);
    jsonl << "{\"id\": \"big\", \"text\": \"";
    for (size_t i = 0; i < kSize / chunk.size(); ++i) {
      text << chunk;
      jsonl << chunk;
    }
    jsonl << "\"}\n";
  }
  EXPECT_EQ(ErrorOf({text_file}),
            text_file + ": document is 100 MiB, over the 16 MiB cap (--max-document-bytes)");
  EXPECT_EQ(ErrorOf({jsonl_file}),
            jsonl_file + ":1: line is over the 16 MiB document cap (--max-document-bytes)");
  ReadOptions small;
  small.max_document_bytes = 10;
  std::istringstream in("date 2024-01-01\nA longer text.");
  small.stdin_stream = &in;
  EXPECT_EQ(ErrorOf({"-"}, small), "-: document is over the 10 bytes cap (--max-document-bytes)");
}

TEST(DocumentTest, DeeplyNestedOrTruncatedJsonLine) {
  TempDir dir;
  std::string deep =
      dir.Write("deep.jsonl", "{\"text\": \"x\", \"a\": " + std::string(100000, '[') + "\n");
  EXPECT_EQ(ErrorOf({deep}),
            deep + ":1:83: JSON nested deeper than the cap of 64 levels (--max-json-depth)");
  std::string truncated = dir.Write("cut.jsonl", "{\"id\": \"a\", \"text\": \"Musk bought Twi");
  std::string error = ErrorOf({truncated});
  EXPECT_EQ(error.substr(0, truncated.size() + 8), truncated + ":1:37: b") << error;
  EXPECT_NE(error.find("bad JSON"), std::string::npos) << error;
}

TEST(DocumentTest, SymlinkLoopsAreSafe) {
  TempDir dir;
  dir.Write("corpus/story.txt", "Text.");
  fs::create_directory_symlink("..", dir.path() / "corpus" / "up");   // a cycle
  fs::create_directory_symlink(".", dir.path() / "corpus" / "self");  // a cycle
  Result<std::vector<Document>> docs = Read({(dir.path() / "corpus").string()});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);  // each directory read once
  EXPECT_EQ((*docs)[0].id, "story.txt");

  fs::create_symlink("loop.txt", dir.path() / "loop.txt");  // a link to itself
  std::string loop = (dir.path() / "loop.txt").string();
  EXPECT_EQ(ErrorOf({loop}), loop + ": cannot open: Too many levels of symbolic links");
  std::string walked = (dir.path()).string();
  EXPECT_EQ(ErrorOf({walked}),
            walked + "/loop.txt: cannot open: Too many levels of symbolic links");
  fs::remove(dir.path() / "loop.txt");
  fs::create_symlink("gone.txt", dir.path() / "broken.txt");
  EXPECT_EQ(ErrorOf({walked}), walked + "/broken.txt: cannot open: No such file or directory");
}

TEST(DocumentTest, FifoInADirectoryIsRefusedNotRead) {
  TempDir dir;
  dir.Write("a.txt", "Text.");
  ASSERT_EQ(mkfifo((dir.path() / "pipe.txt").c_str(), 0600), 0);
  std::string walked = dir.path().string() + "/";  // a trailing slash is not doubled
  EXPECT_EQ(ErrorOf({walked}), walked + "pipe.txt: not a regular file");
}

TEST(DocumentTest, UnreadableDirectory) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not block reading";
  TempDir dir;
  dir.Write("locked/story.txt", "Text.");
  fs::permissions(dir.path() / "locked", fs::perms::none);
  std::string locked = (dir.path() / "locked").string();
  EXPECT_EQ(ErrorOf({locked}), locked + ": cannot read directory: Permission denied");
  std::string file = dir.Write("closed.txt", "Text.");
  fs::permissions(file, fs::perms::none);
  EXPECT_EQ(ErrorOf({file}), file + ": cannot open: Permission denied");
}

TEST(DocumentTest, MutatedInputsGiveADocumentOrALocatedError) {
  // Random byte edits of valid inputs: every outcome is a document or an
  // error that names the input, never a crash (the sanitizer build checks the rest).
  const std::string jsonl =
      R"({"id": "a", "text": "Musk bought \u201CTwitter\u201D.", "date": "2022-10-27", )"
      R"("title": "T", "url": null, "extra": [1, {"x": [true]}]})";
  const std::string text =
      "\xEF\xBB\xBF date 2022-10-28 Mr. Musk \u201Cfreed\u201D the bird.\r\n\r\nDone.";
  const char alphabet[] = "{}[]\":,\\ \r\n\t0aZ.\x80\xC3\xE2\xF0\xFF";
  std::mt19937 random(20240313);
  int parsed = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string line = jsonl, doc = text;
    for (std::string* s : {&line, &doc}) {
      int edits = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < edits && !s->empty(); ++e) {
        size_t at = random() % s->size();
        char c = alphabet[random() % (sizeof alphabet - 1)];
        switch (random() % 3) {
          case 0:
            (*s)[at] = c;
            break;
          case 1:
            s->insert(s->begin() + at, c);
            break;
          default:
            s->erase(at, 1);
            break;
        }
      }
    }
    std::replace(line.begin(), line.end(), '\n', ' ');  // the reader splits lines there
    Result<Document> a = document_internal::ParseJsonlLine(line, "m.jsonl", 7, "m#7", 64);
    if (!a.ok()) {
      EXPECT_EQ(a.status().ToString().substr(0, 10), "m.jsonl:7:") << line;
    }
    ++(a.ok() ? parsed : refused);
    Result<Document> b = ParseTextDocument(doc, "m.txt", {});
    if (!b.ok()) {
      EXPECT_EQ(b.status().file(), "m.txt");
    } else {
      EXPECT_EQ(b->text.find('\r'), std::string::npos);
    }
  }
  // Both outcomes occur, so the loop exercises the parser and the error paths.
  EXPECT_GT(parsed, 100);
  EXPECT_GT(refused, 100);
}

// ---- The real seeds ----

TEST(DocumentTest, SeedArticles) {
  fs::path seeds = fs::path(KG_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "shared corpus not found at " << seeds;
  Result<std::vector<Document>> docs = Read({seeds.string()});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  std::vector<std::string> got;
  for (const Document& doc : *docs) got.push_back(doc.id + " " + DateOf(doc));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "000_4422c009182fa4ce.txt none", "001_dd05d0a961fa166a.txt 2024-03-13",
                     "002_dd0cac55e210b4c1.txt 2024-11-28", "003_b90516f353409529.txt none"}));
  EXPECT_EQ((*docs)[1].text.substr(0, 32), "Former US President Donald Trump");
  EXPECT_EQ((*docs)[2].text.substr(0, 16), "Meta boss Mark Z");
}

// docs/examples is documented as twelve dated pieces of 120-250 words.
TEST(DocumentTest, ExampleCorpusIsAsDocumented) {
  Result<std::vector<Document>> docs = Read({KG_SOURCE_DIR "/docs/examples"});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 12u);
  for (const Document& doc : *docs) {
    EXPECT_TRUE(doc.date) << doc.id;
    std::istringstream words(doc.text);
    size_t count = std::distance(std::istream_iterator<std::string>(words),
                                 std::istream_iterator<std::string>());
    EXPECT_GE(count, 120u) << doc.id;
    EXPECT_LE(count, 250u) << doc.id;
  }
  EXPECT_EQ(docs->front().id, "01_microsoft_activision.txt");
}

}  // namespace
}  // namespace kg
