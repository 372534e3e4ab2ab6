#include "util/process.h"

#include <gtest/gtest.h>

namespace iact {
namespace {

TEST(Process, ExitCodeStderrAndEnvironment) {
  ProcessResult r =
      run_process({"sh", "-c", "echo \"$IACT_X\" >&2; exit 7"}, {{"IACT_X", "hello"}});
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.error, "hello\n");
}

TEST(Process, RunsInTheGivenFolder) {
  ProcessResult r = run_process({"sh", "-c", "pwd >&2"}, {}, "/tmp");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.error, "/tmp\n");
}

TEST(Process, MissingProgramIsNotStarted) {
  ProcessResult r = run_process({"iact-no-such-program"}, {});
  EXPECT_FALSE(r.started);
  EXPECT_FALSE(r.error.empty());
  EXPECT_FALSE(program_on_path("iact-no-such-program"));
  EXPECT_TRUE(program_on_path("sh"));
}

}  // namespace
}  // namespace iact
