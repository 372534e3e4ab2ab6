#include "util/safe_path.h"

#include <unistd.h>

#include <sys/wait.h>
#include <filesystem>

#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "util/interrupt.h"

namespace iact {
namespace {

namespace fs = std::filesystem;

TEST(SafePath, PlainNamesAreSafe) {
  for (const char* name : {"nenc", "RH5", "2026-01", "north east & cumbria", "caf\xc3\xa9"}) {
    EXPECT_EQ(unsafe_component(name), "") << name;
  }
}

TEST(SafePath, NamesThatAreNotOneFolderAreRefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "empty"},
      {".", "not a folder name"},
      {"..", "not a folder name"},
      {"a/b", "holds a '/'"},
      {"a\\b", "holds a '\\'"},
      {std::string("a\0b", 3), "control character (0x00)"},
      {"line\nbreak", "control character (0x0A)"},
      {"del\x7f", "control character (0x7F)"},
      {"-rf", "starts with '-'"},
      {".hidden", "starts with '.'"},
      {std::string(121, 'x'), "121 bytes long"},
  };
  for (const auto& [name, why] : cases) {
    EXPECT_NE(unsafe_component(name).find(why), std::string::npos)
        << "'" << name << "' gave: " << unsafe_component(name);
  }
  EXPECT_EQ(unsafe_component(std::string(120, 'x')), "");
}

class OutputDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/iact-safe-path-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    tmp_ = pattern;
  }
  void TearDown() override { fs::remove_all(tmp_); }
  fs::path tmp_;
};

TEST_F(OutputDirTest, MakesTheFoldersUnderTheRoot) {
  std::string error;
  auto dir = make_output_dir(tmp_ / "out", {"nenc", "2026-01"}, error);
  ASSERT_TRUE(dir) << error;
  EXPECT_EQ(*dir, tmp_ / "out" / "nenc" / "2026-01");
  EXPECT_TRUE(fs::is_directory(*dir));
}

TEST_F(OutputDirTest, RefusesAnUnsafePartAndCreatesNothingPastIt) {
  std::string error;
  EXPECT_FALSE(make_output_dir(tmp_ / "out", {"nenc", ".."}, error));
  EXPECT_NE(error.find("'..' cannot name a folder under"), std::string::npos) << error;
  EXPECT_FALSE(make_output_dir(tmp_ / "out", {"a/../../x"}, error));
  EXPECT_FALSE(fs::exists(tmp_ / "x"));
}

TEST_F(OutputDirTest, ALinkOutOfTheRootIsRefusedAndOneInsideIsFollowed) {
  fs::create_directories(tmp_ / "out" / "inside");
  fs::create_directories(tmp_ / "elsewhere");
  fs::create_directory_symlink(tmp_ / "elsewhere", tmp_ / "out" / "nenc");
  std::string error;
  EXPECT_FALSE(make_output_dir(tmp_ / "out", {"nenc", "2026-01"}, error));
  EXPECT_NE(error.find("outside the output folder"), std::string::npos) << error;
  EXPECT_TRUE(fs::is_empty(tmp_ / "elsewhere"));

  fs::create_directory_symlink("inside", tmp_ / "out" / "bob");
  auto dir = make_output_dir(tmp_ / "out", {"bob", "2026-01"}, error);
  ASSERT_TRUE(dir) << error;
  EXPECT_TRUE(fs::is_directory(tmp_ / "out" / "inside" / "2026-01"));
}

TEST_F(OutputDirTest, AFileInTheWayIsNamed) {
  fs::create_directories(tmp_ / "out");
  std::ofstream(tmp_ / "out" / "nenc") << "x";
  std::string error;
  EXPECT_FALSE(make_output_dir(tmp_ / "out", {"nenc"}, error));
  EXPECT_NE(error.find("exists and is not a folder"), std::string::npos) << error;
}

TEST_F(OutputDirTest, StalePartialsOfFinishedRunsAreRemoved) {
  // A process id that is certainly not running: a child that has been reaped.
  const pid_t dead = fork();
  if (dead == 0) _exit(0);
  int status = 0;
  waitpid(dead, &status, 0);
  const std::string d = std::to_string(dead), me = std::to_string(getpid());
  for (const std::string& name :
       {".board-paper.partial-" + d + "-3.pdf", ".return.partial-" + d + "-1.xlsx",
        ".board-paper.partial-" + me + "-2.pdf", "board-paper.partial-" + d + "-3.pdf",
        std::string(".notes.partial-x-1.txt"), std::string("return.xlsx")}) {
    std::ofstream(tmp_ / name) << "x";
  }
  fs::create_directories(tmp_ / (".board-paper.work-" + d) / "inner");
  fs::create_directories(tmp_ / (".board-paper.work-" + d + "x"));
  EXPECT_EQ(remove_stale_partials(tmp_), 3);
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(tmp_)) left.insert(e.path().filename().string());
  EXPECT_EQ(left,
            (std::set<std::string>{".board-paper.partial-" + me + "-2.pdf",
                                   "board-paper.partial-" + d + "-3.pdf", ".notes.partial-x-1.txt",
                                   "return.xlsx", ".board-paper.work-" + d + "x"}));
}

}  // namespace
}  // namespace iact
