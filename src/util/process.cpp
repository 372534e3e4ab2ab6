#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

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

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          const std::filesystem::path& cwd, std::string* output,
                          size_t max_output) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "no program to run";
    return result;
  }
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
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> envs = environment_with(env);
  std::vector<char*> envp;
  for (std::string& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(err_pipe[1]);
  if (output) close(out_pipe[1]);
  if (rc != 0) {
    close(err_pipe[0]);
    if (output) close(out_pipe[0]);
    result.error = std::strerror(rc);
    return result;
  }
  result.started = true;
  // Read both pipes as they fill, so neither can block the program.
  bool too_much = false;
  std::vector<pollfd> fds = {{err_pipe[0], POLLIN, 0}};
  if (output) fds.push_back({out_pipe[0], POLLIN, 0});
  char buffer[65536];
  while (!fds.empty()) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      // Cannot wait on the pipes: close them, so a program blocked writing to one ends
      // (SIGPIPE) rather than leaving waitpid() below waiting for ever.
      for (const pollfd& p : fds) close(p.fd);
      fds.clear();
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
      } else if (!too_much && output->size() + static_cast<size_t>(n) <= max_output) {
        output->append(buffer, static_cast<size_t>(n));
      } else {
        too_much = true;  // keep reading, so the program can finish, but keep nothing more
      }
      fds[i].revents = 0;
      ++i;
    }
  }
  int status = 0;
  pid_t waited;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  result.exit_code = waited == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output_truncated = too_much;
  return result;
}

}  // namespace iact
