#include "util/process.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace iact {
namespace {

// Whether process `pid` is running (a zombie waiting to be reaped is not).
bool running(long pid) {
  FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (!f) return false;
  char state = 0;
  const int n = std::fscanf(f, "%*d (%*[^)]) %c", &state);
  std::fclose(f);
  return n == 1 && state != 'Z';
}

TEST(Process, ExitCodeStderrAndEnvironment) {
  ProcessOptions options;
  options.env = {{"IACT_X", "hello"}};
  ProcessResult r = run_process({"sh", "-c", "echo \"$IACT_X\" >&2; exit 7"}, options);
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.error, "hello\n");
  EXPECT_FALSE(r.timed_out);
}

TEST(Process, RunsInTheGivenFolder) {
  ProcessOptions options;
  options.cwd = "/tmp";
  ProcessResult r = run_process({"sh", "-c", "pwd >&2"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.error, "/tmp\n");
}

TEST(Process, CapturesOutputUpToTheLimit) {
  std::string out;
  ProcessOptions options;
  options.output = &out;
  options.max_output = 8;
  ProcessResult r = run_process({"sh", "-c", "printf abcdefgh"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(out, "abcdefgh");
  EXPECT_FALSE(r.output_truncated);
  out.clear();
  r = run_process({"sh", "-c", "printf abcdefghi"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LE(out.size(), 8u);
  EXPECT_TRUE(r.output_truncated);
}

TEST(Process, MissingProgramIsNotStarted) {
  ProcessResult r = run_process({"iact-no-such-program"});
  EXPECT_FALSE(r.started);
  EXPECT_FALSE(r.error.empty());
  EXPECT_FALSE(program_on_path("iact-no-such-program"));
  EXPECT_TRUE(program_on_path("sh"));
}

// The program leads a process group of its own, and the signals iact blocks for its own
// handling are unblocked in it.
TEST(Process, OwnProcessGroupAndNoBlockedSignals) {
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  std::string out;
  ProcessOptions options;
  options.output = &out;
  ProcessResult r = run_process(
      {"sh", "-c", "ps -o pid=,pgid= -p $$; exec grep '^SigBlk' /proc/self/status"}, options);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  ASSERT_EQ(r.exit_code, 0) << r.error;
  long pid = 0, pgid = 0;
  ASSERT_EQ(std::sscanf(out.c_str(), "%ld %ld", &pid, &pgid), 2) << out;
  EXPECT_EQ(pid, pgid);
  EXPECT_NE(pgid, static_cast<long>(getpgrp()));
  EXPECT_NE(out.find("SigBlk:\t0000000000000000"), std::string::npos) << out;
}

// Past the timeout the whole group goes: the program and what it started.
TEST(Process, TimeoutStopsTheWholeGroup) {
  char pattern[] = "/tmp/iact-process-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::string pid_file = std::string(pattern) + "/grandchild";
  ProcessOptions options;
  options.timeout_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  ProcessResult r =
      run_process({"sh", "-c", "sleep 60 & echo $! > " + pid_file + "; wait"}, options);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(r.started);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_LT(took, std::chrono::seconds(5));
  FILE* f = std::fopen(pid_file.c_str(), "r");
  ASSERT_NE(f, nullptr);
  long grandchild = 0;
  ASSERT_EQ(std::fscanf(f, "%ld", &grandchild), 1);
  std::fclose(f);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = !running(grandchild);
    if (!gone) usleep(20000);
  }
  EXPECT_TRUE(gone) << "the grandchild " << grandchild << " is still running";
  std::remove(pid_file.c_str());
  rmdir(pattern);
}

TEST(Process, FinishesBeforeTheTimeout) {
  ProcessOptions options;
  options.timeout_seconds = 30;
  ProcessResult r = run_process({"sh", "-c", "exit 3"}, options);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 3);
}

}  // namespace
}  // namespace iact
