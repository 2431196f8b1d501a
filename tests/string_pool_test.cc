#include "base/string_pool.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine.h"
#include "test_util.h"

namespace leadlint {
namespace {

TEST(StringPool, EqualStringsShareOneCopy) {
  std::string a = "manifests/contoso/offer-1/configure.json";
  std::string b = a;  // a different buffer with the same text
  std::string_view first = Intern(a);
  std::string_view second = Intern(b);
  EXPECT_EQ(first, a);
  EXPECT_EQ(first.data(), second.data());
  EXPECT_NE(first.data(), a.data());  // a copy, not the caller's buffer
  EXPECT_NE(Intern("manifests/contoso/offer-2/configure.json").data(), first.data());
}

TEST(StringPool, ViewsOutliveTheirSource) {
  std::string_view kept;
  {
    std::string temporary = "\"leadDestination\": \"AzureTable\",";
    kept = Intern(temporary);
    temporary.assign(temporary.size(), 'x');
  }
  EXPECT_EQ(kept, "\"leadDestination\": \"AzureTable\",");
}

TEST(StringPool, EmptyAndEmbeddedNulAndLargeStrings) {
  EXPECT_TRUE(Intern("").empty());
  std::string with_nul("a\0b", 3);
  EXPECT_EQ(Intern(with_nul), with_nul);
  EXPECT_NE(Intern(with_nul).data(), Intern("a").data());
  std::string large(200 * 1024, 'q');  // larger than a block
  std::string_view stored = Intern(large);
  EXPECT_EQ(stored, large);
  EXPECT_EQ(Intern(large).data(), stored.data());
}

// A pool of its own: strings at and around the size that gets a block of its
// own (16 KiB with the 4-byte size), a large one first, small ones filling
// several 64 KiB blocks between large ones; every view stays intact and is
// found again, and the statistics count each distinct string once.
TEST(StringPool, BlocksOfEverySizeKeepTheirText) {
  StringPool pool;
  std::vector<std::string> texts = {std::string(40000, 'L')};
  for (size_t n : {16379u, 16380u, 16381u, 65531u, 65532u, 65536u})
    texts.emplace_back(n, static_cast<char>('a' + n % 26));
  for (int i = 0; i < 20000; ++i) {
    texts.push_back("small-" + std::to_string(i));
    if (i % 5000 == 0) texts.emplace_back(20000 + static_cast<size_t>(i), 'B');
  }
  std::vector<std::string_view> views;
  size_t bytes = 0;
  for (const std::string& t : texts) {
    views.push_back(pool.Intern(t));
    bytes += t.size();
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(views[i], texts[i]) << i;
    ASSERT_EQ(pool.Intern(texts[i]).data(), views[i].data()) << i;
  }
  const StringPoolStats stats = pool.Stats();
  EXPECT_EQ(stats.strings, texts.size());
  EXPECT_EQ(stats.bytes, bytes);
}

TEST(StringPool, GrowsAndStaysConsistent) {
  std::vector<std::string_view> views;
  for (int i = 0; i < 50000; ++i) views.push_back(Intern("key-" + std::to_string(i)));
  for (int i = 0; i < 50000; ++i) {
    ASSERT_EQ(views[static_cast<size_t>(i)], "key-" + std::to_string(i));
    ASSERT_EQ(Intern("key-" + std::to_string(i)).data(), views[static_cast<size_t>(i)].data());
  }
  StringPoolStats stats = GetStringPoolStats();
  EXPECT_GE(stats.strings, 50000u);
}

TEST(StringPool, ConcurrentInterningAgrees) {
  constexpr int kThreads = 4;
  std::vector<std::vector<std::string_view>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 5000; ++i) seen[static_cast<size_t>(t)].push_back(Intern("shared-" + std::to_string(i)));
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 1; t < kThreads; ++t) {
    for (size_t i = 0; i < 5000; ++i) ASSERT_EQ(seen[static_cast<size_t>(t)][i].data(), seen[0][i].data());
  }
}

TEST(PooledString, CopiesTemporariesAndComparesWithEveryStringType) {
  PooledString path;
  EXPECT_TRUE(path.empty());
  {
    std::string temporary = "docs/a.md";
    path = temporary;
    temporary[0] = 'X';
  }
  EXPECT_EQ(path, "docs/a.md");
  EXPECT_EQ(path, std::string("docs/a.md"));
  EXPECT_EQ(path, std::string_view("docs/a.md"));
  EXPECT_EQ(path, PooledString("docs/a.md"));
  EXPECT_EQ(path.data(), PooledString(std::string("docs/a.md")).data());  // one copy in the pool
  EXPECT_NE(path, "docs/b.md");
  EXPECT_LT(path, PooledString("docs/b.md"));
  EXPECT_LT(path, "docs/b.md");
  EXPECT_GT(path, std::string("docs/"));
  EXPECT_EQ("see " + path, "see docs/a.md");
  EXPECT_EQ(path + ":1", "docs/a.md:1");
  EXPECT_EQ(path.substr(5), "a.md");
  EXPECT_EQ(path.find('/'), 4u);
  std::ostringstream out;
  out << path;
  EXPECT_EQ(out.str(), "docs/a.md");
}

TEST(RunMemory, ScopesNestAndRestore) {
  StringPool outer;
  StringPool inner;
  EXPECT_FALSE(InRunPool());
  {
    PoolScope a(&outer);
    EXPECT_EQ(&CurrentPool(), &outer);
    {
      PoolScope b(&inner);
      EXPECT_EQ(&CurrentPool(), &inner);
      PooledString s("only in the inner pool");
      EXPECT_EQ(inner.Stats().strings, 1u);
      EXPECT_EQ(outer.Stats().strings, 0u);
    }
    EXPECT_EQ(&CurrentPool(), &outer);
  }
  EXPECT_FALSE(InRunPool());
}

// A long-lived process (an editor server, a fuzzer) checking thousands of
// documents: each check's text lives in memory owned by its outcome or run, so
// the process pool does not grow.
TEST(RunMemory, ThousandsOfChecksLeaveTheProcessPoolFlat) {
  RunOptions options;
  const StringPoolStats before = GetStringPoolStats();
  for (int i = 0; i < 3000; ++i) {
    std::string path = "offers/offer-" + std::to_string(i) + ".json";
    std::string text =
        R"({"$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json", "offer": {"id": "o)" +
        std::to_string(i) +
        R"(", "type": "powerBiApp", "listings": [{"storefront": "appsource"}], )"
        R"("leads": {"leadDestination": "salesforce", "salesforceLeadConfiguration": {"objectIdentifier": "x)" +
        std::to_string(i) + R"("}}}})";
    FileOutcome outcome = CheckManifestText(path, text, true, options);
    ASSERT_FALSE(outcome.findings.empty());
    ASSERT_NE(outcome.memory, nullptr);
    EXPECT_EQ(outcome.findings[0].path, path);
  }
  options.paths = {testing::SourceDir() + "/fixtures/examples"};
  for (int i = 0; i < 20; ++i) {
    RunResult r = RunCheck(options);
    ASSERT_FALSE(r.findings.empty());
    ASSERT_NE(r.memory, nullptr);
  }
  const StringPoolStats after = GetStringPoolStats();
  EXPECT_EQ(after.strings, before.strings);
  EXPECT_EQ(after.bytes, before.bytes);
}

}  // namespace
}  // namespace leadlint
