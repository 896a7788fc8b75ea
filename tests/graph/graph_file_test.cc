#include "graph/graph_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/crc32.h"

namespace kg {
namespace {

Fact FullFact() {
  Fact f;
  f.doc = "001_dd05d0a961fa166a.txt";
  f.subject = "Donald Trump";
  f.subject_type = "person";
  f.relation = "reached_out_to";
  f.object = "Elon Musk";
  f.object_type = "person";
  f.time = FactTime{Date{2023, 6, 1}, Date{2023, 8, 31}, "2023-SU", "last summer", "relative"};
  f.negated = true;
  f.hedged = true;
  f.rule = "reached_out_to.active";
  f.sentence = "Trump reached out to Musk last summer.";
  f.span_begin = 12;
  f.span_end = 140;
  f.doc_date = Date{2024, 1, 5};
  f.subject_mention = {"Trump", "surname"};
  f.object_mention = {"the Tesla CEO", "role"};
  f.id = MakeFactId(f);
  return f;
}

TemporalGraph SampleGraph() {
  TemporalGraph g;
  g.AddFact(FullFact());
  Fact bare;  // every optional absent, every string empty
  bare.subject = "X";
  bare.object = "Donald Trump";
  bare.relation = "banned";
  bare.span_begin = -3;
  g.AddFact(bare);
  Fact half = FullFact();
  half.time->start.reset();
  half.time->text = "";
  half.negated = false;
  half.doc_date.reset();
  half.id = "other";
  g.AddFact(half);
  g.AddEntity("Isolated Entity", "place");
  g.AddAlias("Donald Trump", "Trump");
  g.AddAlias("Donald Trump", "the president-elect");
  g.AddAlias("Elon Musk", "Musk");
  g.AddAlias("X", "Twitter");
  return g;
}

void ExpectSameGraph(const TemporalGraph& a, const TemporalGraph& b) {
  ASSERT_EQ(a.entity_count(), b.entity_count());
  ASSERT_EQ(a.fact_count(), b.fact_count());
  for (EntityId e = 0; e < a.entity_count(); ++e) {
    EXPECT_EQ(a.entity(e).name, b.entity(e).name);
    EXPECT_EQ(a.entity(e).type, b.entity(e).type);
    EXPECT_EQ(a.entity(e).aliases, b.entity(e).aliases);
    for (const std::string& alias : a.entity(e).aliases) {
      EXPECT_EQ(a.FindEntity(alias), b.FindEntity(alias)) << alias;
    }
  }
  for (FactId f = 0; f < a.fact_count(); ++f) {
    EXPECT_EQ(a.fact(f), b.fact(f)) << "fact " << f;
    EXPECT_EQ(a.subject_of(f), b.subject_of(f));
    EXPECT_EQ(a.object_of(f), b.object_of(f));
  }
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/kg_graph_file_test_" + std::to_string(::getpid()) + "_" + name;
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string LoadError(const std::string& bytes) {
  Result<TemporalGraph> g = DecodeGraph(bytes, "g.kg");
  return g.ok() ? "ok" : g.status().ToString();
}

// The header's checksum field, recomputed for a payload edited in place.
void FixChecksum(std::string* bytes) {
  std::string_view payload = std::string_view(*bytes).substr(24);
  uint32_t crc = (*bytes)[8] == 1 ? Crc32(payload) : Crc32c(payload);
  for (int i = 0; i < 4; ++i) (*bytes)[20 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
}

// Every test of damaged files runs on both versions.
std::vector<std::pair<std::string, std::string>> BothEncodings(const TemporalGraph& g) {
  return {{"v2", EncodeGraph(g)}, {"v1", EncodeGraphVersion1(g)}};
}

TEST(Crc32Test, MatchesKnownValues) {
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32("56789", Crc32("1234")), 0xCBF43926u);
  // CRC-32C's check value (RFC 3720), by instruction and by table.
  EXPECT_EQ(Crc32c(""), 0u);
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c("56789", Crc32c("1234")), 0xE3069283u);
  EXPECT_EQ(Crc32cPortable("123456789"), 0xE3069283u);
}

TEST(Crc32Test, HardwareAndTableCrc32cAgreeAtEveryLengthAndSplit) {
  std::mt19937 rng(7);
  std::string s;
  for (int i = 0; i < 300; ++i) s.push_back(static_cast<char>(rng()));
  for (size_t n = 0; n <= s.size(); n += 7) {
    std::string_view head = std::string_view(s).substr(0, n), tail = std::string_view(s).substr(n);
    ASSERT_EQ(Crc32c(tail, Crc32c(head)), Crc32cPortable(s)) << n;
    ASSERT_EQ(Crc32c(head), Crc32cPortable(head)) << n;
  }
}

TEST(GraphFileTest, RoundTripsEveryFieldInMemory) {
  TemporalGraph g = SampleGraph();
  Result<TemporalGraph> back = DecodeGraph(EncodeGraph(g), "mem");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameGraph(g, *back);
  EXPECT_EQ(back->FindEntity("twitter"), g.FindEntity("X"));
  EXPECT_EQ(back->entity(*back->FindEntity("Isolated Entity")).type, "place");
}

TEST(GraphFileTest, RoundTripsThroughDisk) {
  TemporalGraph g = SampleGraph();
  std::string path = TempPath("disk.kg");
  ASSERT_TRUE(SaveGraph(g, path).ok());
  Result<TemporalGraph> back = LoadGraph(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameGraph(g, *back);
  // Saving again replaces the file atomically and leaves no temporary behind.
  ASSERT_TRUE(SaveGraph(TemporalGraph(), path).ok());
  Result<TemporalGraph> empty = LoadGraph(path);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->fact_count(), 0u);
  std::remove(path.c_str());
}

TEST(GraphFileTest, EncodingIsDeterministic) {
  EXPECT_EQ(EncodeGraph(SampleGraph()), EncodeGraph(SampleGraph()));
  EXPECT_EQ(EncodeGraph(SampleGraph())[8], 2);  // the version SaveGraph writes
}

TEST(GraphFileTest, LoadsVersion1Files) {
  TemporalGraph g = SampleGraph();
  std::string path = TempPath("v1.kg");
  WriteBytes(path, EncodeGraphVersion1(g));
  Result<TemporalGraph> back = LoadGraph(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameGraph(g, *back);
  // Saved again it is a version-2 file of the same graph.
  EXPECT_EQ(EncodeGraph(*back), EncodeGraph(g));
  std::remove(path.c_str());
}

// What `kg build --append` does: load, add, save over the same path.
TEST(GraphFileTest, AppendingToEitherVersionKeepsEveryFact) {
  for (const auto& [version, bytes] : BothEncodings(SampleGraph())) {
    std::string path = TempPath("append_" + version + ".kg");
    WriteBytes(path, bytes);
    Result<TemporalGraph> g = LoadGraph(path);
    ASSERT_TRUE(g.ok()) << version << ": " << g.status().ToString();
    Fact more = FullFact();
    more.id = "appended";
    more.object = "New Entity";
    g->AddFact(more);
    g->AddAlias("Donald Trump", "DJT");
    ASSERT_TRUE(SaveGraph(*g, path).ok());
    Result<TemporalGraph> back = LoadGraph(path);
    ASSERT_TRUE(back.ok()) << version << ": " << back.status().ToString();
    ExpectSameGraph(*g, *back);
    EXPECT_EQ(back->fact_count(), 4u);
    EXPECT_EQ(back->FindEntity("djt"), back->FindEntity("Donald Trump"));
    std::remove(path.c_str());
  }
}

TEST(GraphFileTest, SpansBeyond32BitsRoundTrip) {
  TemporalGraph g = SampleGraph();
  Fact wide = FullFact();
  wide.id = "wide";
  wide.span_begin = int64_t{1} << 40;
  wide.span_end = -(int64_t{1} << 35);
  g.AddFact(wide);
  Fact narrow = FullFact();
  narrow.id = "narrow";
  narrow.span_begin = INT32_MIN;
  narrow.span_end = INT32_MAX;
  g.AddFact(narrow);
  for (const auto& [version, bytes] : BothEncodings(g)) {
    Result<TemporalGraph> back = DecodeGraph(bytes, "mem");
    ASSERT_TRUE(back.ok()) << version << ": " << back.status().ToString();
    ExpectSameGraph(g, *back);
    EXPECT_EQ(back->fact(3).span_begin, int64_t{1} << 40) << version;
    EXPECT_EQ(back->fact(4).span_end, INT32_MAX) << version;
    EXPECT_EQ(EncodeGraph(*back), EncodeGraph(g)) << version;
  }
}

TEST(GraphFileTest, AliasOwnershipSurvivesConflicts) {
  TemporalGraph g;
  g.AddEntity("A", "");
  g.AddEntity("B", "");
  g.AddAlias("B", "shared");  // B claims it first
  g.AddAlias("A", "Shared");
  Result<TemporalGraph> back = DecodeGraph(EncodeGraph(g), "mem");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->FindEntity("shared"), g.FindEntity("shared"));
}

TEST(GraphFileTest, MissingFileSaysSo) {
  Result<TemporalGraph> g = LoadGraph(TempPath("does-not-exist.kg"));
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("cannot open graph: No such file"), std::string::npos)
      << g.status().ToString();
}

TEST(GraphFileTest, EmptyFileSaysSo) {
  std::string path = TempPath("empty.kg");
  WriteBytes(path, "");
  Result<TemporalGraph> g = LoadGraph(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().ToString(), path + ": empty file, not a kg graph");
  std::remove(path.c_str());
}

TEST(GraphFileTest, SaveIntoMissingDirectoryFails) {
  Status s = SaveGraph(SampleGraph(), TempPath("no/such/dir/g.kg"));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("temporary file"), std::string::npos) << s.ToString();
}

TEST(GraphFileTest, RejectsOtherFiles) {
  EXPECT_EQ(LoadError("{\"id\": 1}\n"), "g.kg: not a kg graph file (bad magic number)");
  EXPECT_EQ(LoadError(std::string("\x89KGR", 4)),
            "g.kg: truncated graph file: 4 bytes, shorter than the 24-byte header");
}

TEST(GraphFileTest, RejectsOtherVersion) {
  std::string bytes = EncodeGraph(SampleGraph());
  bytes[8] = 7;
  EXPECT_EQ(
      LoadError(bytes),
      "g.kg: graph file version 7, but this kg reads versions 1 to 2; rebuild it with kg build");
  bytes[8] = 0;
  EXPECT_NE(LoadError(bytes).find("graph file version 0,"), std::string::npos);
}

TEST(GraphFileTest, RejectsTruncatedFileAtEveryLength) {
  for (const auto& [version, bytes] : BothEncodings(SampleGraph())) {
    for (size_t n = 1; n < bytes.size(); ++n) {
      std::string error = LoadError(bytes.substr(0, n));
      EXPECT_NE(error.find("truncated"), std::string::npos) << version << " " << n << ": " << error;
    }
  }
}

TEST(GraphFileTest, RejectsTruncatedFileOnDisk) {
  std::string bytes = EncodeGraph(SampleGraph());
  std::string path = TempPath("truncated.kg");
  WriteBytes(path, bytes.substr(0, bytes.size() - 5));
  Result<TemporalGraph> g = LoadGraph(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().ToString(),
            path + ": truncated graph file: header says " + std::to_string(bytes.size() - 24) +
                " payload bytes, file has " + std::to_string(bytes.size() - 29));
  std::remove(path.c_str());
}

TEST(GraphFileTest, RejectsFlippedBytesByChecksum) {
  for (const auto& [version, bytes] : BothEncodings(SampleGraph())) {
    for (size_t i = 24; i < bytes.size(); ++i) {
      std::string copy = bytes;
      copy[i] ^= 0x20;
      EXPECT_EQ(LoadError(copy), "g.kg: corrupt graph file: checksum mismatch") << version << i;
    }
    EXPECT_EQ(LoadError(bytes + "x"), "g.kg: corrupt graph file: 1 bytes after the payload");
  }
}

TEST(GraphFileTest, RejectsFlippedBytesOnDiskByChecksum) {
  std::string bytes = EncodeGraph(SampleGraph());
  std::string path = TempPath("flipped.kg");
  for (size_t i : {size_t{24}, size_t{80}, bytes.size() - 1}) {
    std::string copy = bytes;
    copy[i] ^= 0x01;
    WriteBytes(path, copy);
    Result<TemporalGraph> g = LoadGraph(path);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.status().ToString(), path + ": corrupt graph file: checksum mismatch") << i;
  }
  std::remove(path.c_str());
}

// Corrupts the payload and fixes up the checksum, so only structural checks stand
// between random bytes and the decoder: it must fail cleanly or succeed.
TEST(GraphFileTest, SurvivesCorruptPayloadWithValidChecksum) {
  for (const auto& [version, bytes] : BothEncodings(SampleGraph())) {
    std::mt19937 rng(42);
    int failures = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string copy = bytes;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits; ++e) {
        copy[24 + rng() % (copy.size() - 24)] = static_cast<char>(rng());
      }
      FixChecksum(&copy);
      Result<TemporalGraph> g = DecodeGraph(copy, "g.kg");
      if (!g.ok()) {
        ++failures;
        EXPECT_NE(g.status().message().find("corrupt graph file: at payload byte"),
                  std::string::npos)
            << version << ": " << g.status().ToString();
      } else {
        // Whatever loads is a graph that saves and loads again.
        Result<TemporalGraph> again = DecodeGraph(EncodeGraph(*g), "again");
        ASSERT_TRUE(again.ok()) << version << ": " << again.status().ToString();
        ExpectSameGraph(*g, *again);
      }
    }
    EXPECT_GT(failures, 100) << version;
  }
}

// Each structural check of version 2, one damaged record at a time.
TEST(GraphFileTest, Version2NamesWhatIsCorrupt) {
  const std::string bytes = EncodeGraph(SampleGraph());
  const size_t counts = 24, facts_end = bytes.size();
  auto damaged = [&](size_t at, uint32_t value) {
    std::string copy = bytes;
    for (int i = 0; i < 4; ++i) copy[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    FixChecksum(&copy);
    return LoadError(copy);
  };
  const size_t fact_count = 3, fact_size = 76;
  const size_t first_fact = facts_end - fact_count * fact_size;
  const size_t objects = first_fact - 4 * fact_count;
  EXPECT_EQ(damaged(first_fact, 1000), "g.kg: corrupt graph file: at payload byte " +
                                           std::to_string(first_fact - 24) +
                                           ": string index 1000 out of range");
  EXPECT_EQ(damaged(objects, 99), "g.kg: corrupt graph file: at payload byte " +
                                      std::to_string(objects - 24) + ": entity index out of range");
  EXPECT_NE(damaged(first_fact + 72, 0x80).find("unknown fact flags"), std::string::npos);
  EXPECT_NE(damaged(first_fact + 72, 0x100 | 4).find("reserved bytes not zero"), std::string::npos);
  EXPECT_NE(damaged(first_fact + 52, 20'000'000).find("date out of range"), std::string::npos);
  EXPECT_NE(damaged(counts, 1u << 31).find("string count 2147483648 cannot fit in the payload"),
            std::string::npos);
  EXPECT_NE(damaged(counts + 16, 2).find("sections take"), std::string::npos);
}

TEST(GraphFileTest, RejectsHugeVersion1CountWithoutAllocating) {
  // A string count of 2^62 in an otherwise tiny payload.
  std::string payload("\x80\x80\x80\x80\x80\x80\x80\x80\x40", 9);
  std::string bytes("\x89KGRAPH\n", 8);
  auto put32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  put32(1);
  uint64_t size = payload.size();
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  put32(Crc32(payload));
  bytes += payload;
  EXPECT_EQ(LoadError(bytes),
            "g.kg: corrupt graph file: at payload byte 9: string count 4611686018427387904 "
            "cannot fit in the 0 remaining bytes");
}

}  // namespace
}  // namespace kg
