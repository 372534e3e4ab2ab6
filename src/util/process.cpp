#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <thread>
#include <vector>

#include "util/interrupt.h"

extern char** environ;

namespace iact {

namespace {

// The current environment with `extra` set (replacing any existing value).
std::vector<std::string> environment_with(
    const std::vector<std::pair<std::string, std::string>>& extra) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const size_t eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [k, v] : extra) vars[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

}  // namespace

bool program_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string dirs(path);
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = dirs.substr(start, end - start);
    const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

namespace {

using Clock = std::chrono::steady_clock;

// Milliseconds left before `deadline`, for poll(); -1 (wait for ever) when there is none.
int millis_left(const std::optional<Clock::time_point>& deadline) {
  if (!deadline) return -1;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

// Ends the process group `pid`: SIGTERM, then SIGKILL if it has not gone within two seconds.
// Reaps `pid` and returns its wait status.
int stop_group(pid_t pid) {
  kill(-pid, SIGTERM);
  int status = 0;
  const auto give_up = Clock::now() + std::chrono::seconds(2);
  while (Clock::now() < give_up) {
    const pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      kill(-pid, SIGKILL);  // anything the program started and left behind
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(-pid, SIGKILL);
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "no program to run";
    return result;
  }
  std::string* output = options.output;
  int err_pipe[2];
  int out_pipe[2] = {-1, -1};
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  if (output && pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.error = std::strerror(errno);
    close(err_pipe[0]);
    close(err_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (output) {
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());

  // A group of its own (a terminal's Ctrl-C reaches iact, which stops the group), and the
  // signals iact blocks for its own handling unblocked and at their defaults.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction current {};  // one that iact was started ignoring stays ignored
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler != SIG_IGN)
      sigaddset(&defaults, sig);
  }
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> envs = environment_with(options.env);
  std::vector<char*> envp;
  for (std::string& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);

  int rc = 0;
  const pid_t pid = spawn_and_track([&]() -> pid_t {
    pid_t child = 0;
    rc = posix_spawnp(&child, args[0], &actions, &attr, args.data(), envp.data());
    return rc == 0 ? child : -1;
  });
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(err_pipe[1]);
  if (output) close(out_pipe[1]);
  if (rc != 0) {
    close(err_pipe[0]);
    if (output) close(out_pipe[0]);
    result.error = std::strerror(rc);
    return result;
  }
  result.started = true;
  std::optional<Clock::time_point> deadline;
  if (options.timeout_seconds > 0)
    deadline = Clock::now() + std::chrono::seconds(options.timeout_seconds);

  // Read both pipes as they fill, so neither can block the program.
  bool too_much = false;
  std::vector<pollfd> fds = {{err_pipe[0], POLLIN, 0}};
  if (output) fds.push_back({out_pipe[0], POLLIN, 0});
  char buffer[65536];
  while (!fds.empty() && !result.timed_out) {
    const int ready = poll(fds.data(), fds.size(), millis_left(deadline));
    if (ready == 0) {
      result.timed_out = true;
      break;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (size_t i = 0; i < fds.size();) {
      if (fds[i].revents == 0) {
        ++i;
        continue;
      }
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fds[i].fd);
        fds.erase(fds.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      if (fds[i].fd == err_pipe[0]) {
        if (result.error.size() < 64 * 1024) result.error.append(buffer, static_cast<size_t>(n));
      } else if (!too_much && output->size() + static_cast<size_t>(n) <= options.max_output) {
        output->append(buffer, static_cast<size_t>(n));
      } else {
        too_much = true;  // keep reading, so the program can finish, but keep nothing more
      }
      fds[i].revents = 0;
      ++i;
    }
  }
  // Closing the pipes first means a program still writing to one ends (SIGPIPE) rather
  // than blocking for ever.
  for (const pollfd& p : fds) close(p.fd);
  int status = 0;
  bool reaped = false;
  while (!result.timed_out) {
    const pid_t w = waitpid(pid, &status, deadline ? WNOHANG : 0);
    if (w == pid) {
      reaped = true;
      break;
    }
    if (w < 0 && errno != EINTR) break;
    if (deadline && Clock::now() >= *deadline) {
      result.timed_out = true;
    } else if (deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  if (result.timed_out) {
    status = stop_group(pid);
    reaped = true;
  }
  release_child(pid);
  result.exit_code = reaped && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output_truncated = too_much;
  return result;
}

}  // namespace iact
