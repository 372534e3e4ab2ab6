#include "util/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include <fmt/format.h>

namespace iact {

namespace fs = std::filesystem;

namespace {

struct Registry {
  std::mutex mutex;
  std::set<fs::path> scratch;
  std::set<pid_t> children;  // process group ids
};

Registry& registry() {
  static Registry r;
  return r;
}

void say(const std::string& text) {
  // Plain write(2): other threads may hold the iostream locks.
  const ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
  (void)ignored;
}

bool any_group_alive(const std::set<pid_t>& groups) {
  for (pid_t g : groups) {
    if (kill(-g, 0) == 0) return true;
  }
  return false;
}

void remove_all(const std::set<fs::path>& paths) {
  std::error_code ec;
  for (const fs::path& p : paths) fs::remove_all(p, ec);
}

// Runs on its own thread: waits for a signal, then stops everything and exits. The registry
// stays locked from here on, so no thread can start a program or a file after the clean-up.
[[noreturn]] void stop_on_signal(sigset_t signals) {
  int sig = 0;
  while (sigwait(&signals, &sig) != 0) {
  }
  Registry& r = registry();
  r.mutex.lock();
  const char* name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
  say(fmt::format("\niact: {}: stopping {} program{} and removing {} partial file{}\n", name,
                  r.children.size(), r.children.size() == 1 ? "" : "s", r.scratch.size(),
                  r.scratch.size() == 1 ? "" : "s"));
  for (pid_t g : r.children) kill(-g, SIGTERM);
  using namespace std::chrono_literals;
  for (int i = 0; i < 25 && any_group_alive(r.children); ++i) std::this_thread::sleep_for(20ms);
  for (pid_t g : r.children) kill(-g, SIGKILL);
  // A file being created as the signal came is in the list already (writers register
  // first); the second pass catches one that appeared after the first.
  remove_all(r.scratch);
  std::this_thread::sleep_for(100ms);
  remove_all(r.scratch);
  _exit(128 + sig);
}

}  // namespace

void install_interrupt_handling() {
  sigset_t signals;
  sigemptyset(&signals);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal iact was started ignoring stays ignored (nohup, a shell's background job).
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaddset(&signals, sig);
  }
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread(stop_on_signal, signals).detach();
}

void track_scratch(const fs::path& path) {
  std::lock_guard lock(registry().mutex);
  registry().scratch.insert(path);
}

void release_scratch(const fs::path& path) {
  std::lock_guard lock(registry().mutex);
  registry().scratch.erase(path);
}

bool create_and_track(const fs::path& path, const std::function<bool()>& create) {
  std::lock_guard lock(registry().mutex);
  const bool made = create();
  if (made) registry().scratch.insert(path);
  return made;
}

void remove_and_release(const fs::path& path) {
  std::lock_guard lock(registry().mutex);
  std::error_code ec;
  fs::remove(path, ec);
  registry().scratch.erase(path);
}

pid_t spawn_and_track(const std::function<pid_t()>& spawn) {
  std::lock_guard lock(registry().mutex);
  const pid_t pid = spawn();
  if (pid > 0) registry().children.insert(pid);
  return pid;
}

void release_child(pid_t process_group) {
  std::lock_guard lock(registry().mutex);
  registry().children.erase(process_group);
}

namespace {

// The process id in ".<name>.partial-<pid>-<n>[.ext]" or ".<name>.work-<pid>", or 0.
pid_t writer_of(const std::string& name) {
  if (name.empty() || name[0] != '.') return 0;
  for (std::string_view marker : {".partial-", ".work-"}) {
    const size_t at = name.rfind(marker);
    if (at == std::string::npos || at == 0) continue;
    size_t i = at + marker.size();
    long pid = 0;
    const size_t start = i;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9' && pid < 1'000'000'000) {
      pid = pid * 10 + (name[i++] - '0');
    }
    if (i == start) continue;
    if (marker == ".work-" && i != name.size()) continue;
    if (marker == ".partial-" && (i == name.size() || name[i] != '-')) continue;
    return static_cast<pid_t>(pid);
  }
  return 0;
}

}  // namespace

int remove_stale_partials(const fs::path& dir) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const pid_t pid = writer_of(entry.path().filename().string());
    if (pid <= 0 || pid == getpid()) continue;
    if (kill(pid, 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to ask)
    std::error_code rm;
    if (fs::remove_all(entry.path(), rm) > 0) ++removed;
  }
  return removed;
}

}  // namespace iact
