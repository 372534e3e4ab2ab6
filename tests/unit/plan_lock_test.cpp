// Editing plans in place: the lock a read-modify-write takes (util/plan_lock.h) and the
// rewrite that follows links, keeps the mode and refuses a read-only plan (util/files.h).
#include "util/plan_lock.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "util/files.h"

namespace iact {
namespace {

namespace fs = std::filesystem;

class PlanWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("iact-plan-lock-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    plan_ = dir_ / "sft.yaml";
    std::ofstream(plan_) << "iact: 1\n";
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(plan_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_);
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
  fs::path plan_;
};

TEST_F(PlanWrite, ALockIsAFileBesideThePlanAndGoesWithIt) {
  std::string error;
  {
    std::optional<PlanLock> lock = PlanLock::take(plan_, error, 0);
    ASSERT_TRUE(lock) << error;
    EXPECT_EQ(lock->file(), fs::canonical(dir_) / ".sft.yaml.lock");
    EXPECT_TRUE(fs::exists(lock->file()));
    EXPECT_EQ(read(lock->file()), std::to_string(getpid()) + "\n");
  }
  EXPECT_FALSE(fs::exists(dir_ / ".sft.yaml.lock"));
}

TEST_F(PlanWrite, AHeldLockIsRefusedWithHowToClearIt) {
  std::string error;
  std::optional<PlanLock> first = PlanLock::take(plan_, error, 0);
  ASSERT_TRUE(first) << error;
  std::optional<PlanLock> second = PlanLock::take(plan_, error, 0);
  EXPECT_FALSE(second);
  EXPECT_NE(error.find(plan_.string()), std::string::npos) << error;
  EXPECT_NE(error.find(".sft.yaml.lock"), std::string::npos) << error;
  EXPECT_NE(error.find("by process " + std::to_string(getpid())), std::string::npos) << error;
  EXPECT_NE(error.find("remove"), std::string::npos) << error;
  // The refused run left the holder's lock alone.
  EXPECT_TRUE(fs::exists(first->file()));
}

TEST_F(PlanWrite, ALockOfARunThatIsGoneIsCalledStaleAndLeftForTheUser) {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  const fs::path lock = dir_ / ".sft.yaml.lock";
  std::ofstream(lock) << child << "\n";
  std::string error;
  EXPECT_FALSE(PlanLock::take(plan_, error, 0));
  EXPECT_NE(error.find(fmt::format("by process {}, which is no longer running", child)),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("remove " + lock.string()), std::string::npos) << error;
  EXPECT_TRUE(fs::exists(lock));
}

TEST_F(PlanWrite, TwoNamesOfOnePlanShareOneLock) {
  fs::create_symlink(plan_, dir_ / "link.yaml");
  std::string error;
  std::optional<PlanLock> first = PlanLock::take(dir_ / "link.yaml", error, 0);
  ASSERT_TRUE(first) << error;
  EXPECT_FALSE(PlanLock::take(plan_, error, 0));
}

TEST_F(PlanWrite, LocksOfManyPlansAreAllOrNone) {
  const fs::path other = dir_ / "icb.yaml";  // locked before sft.yaml: the order is by name
  std::ofstream(other) << "iact: 1\n";
  std::string error;
  {
    std::optional<PlanLock> held = PlanLock::take(plan_, error, 0);
    ASSERT_TRUE(held);
    EXPECT_FALSE(take_plan_locks({plan_, other}, error, 0));
    // icb.yaml's lock, taken first, went when sft.yaml's could not be taken.
    EXPECT_FALSE(fs::exists(dir_ / ".icb.yaml.lock"));
  }
  std::optional<std::vector<PlanLock>> both = take_plan_locks({other, plan_, plan_}, error, 0);
  ASSERT_TRUE(both) << error;
  EXPECT_EQ(both->size(), 2u);
}

TEST_F(PlanWrite, ARewriteGoesThroughALinkToItsFile) {
  const fs::path link = dir_ / "link.yaml";
  fs::create_symlink(plan_.filename(), link);
  std::string error;
  ASSERT_TRUE(rewrite_file_atomic(link, "iact: 2\n", error)) << error;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(plan_), "iact: 2\n");
}

TEST_F(PlanWrite, ARewriteKeepsTheMode) {
  fs::permissions(plan_, fs::perms::owner_read | fs::perms::owner_write);
  std::string error;
  ASSERT_TRUE(rewrite_file_atomic(plan_, "iact: 2\n", error)) << error;
  EXPECT_EQ(fs::status(plan_).permissions() & fs::perms::mask,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(read(plan_), "iact: 2\n");
}

TEST_F(PlanWrite, AReadOnlyPlanIsRefused) {
  fs::permissions(plan_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::string error;
  EXPECT_FALSE(rewrite_file_atomic(plan_, "iact: 2\n", error));
  EXPECT_NE(error.find("read-only"), std::string::npos) << error;
  EXPECT_NE(error.find("chmod u+w"), std::string::npos) << error;
  EXPECT_EQ(read(plan_), "iact: 1\n");
  // Nothing left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(PlanWrite, ANewFileIsWrittenAsAnyOther) {
  std::string error;
  ASSERT_TRUE(rewrite_file_atomic(dir_ / "new.yaml", "iact: 1\n", error)) << error;
  EXPECT_EQ(read(dir_ / "new.yaml"), "iact: 1\n");
}

}  // namespace
}  // namespace iact
