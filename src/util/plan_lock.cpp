#include "util/plan_lock.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

#include "util/files.h"
#include "util/interrupt.h"
#include "util/text.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// The file `plan` is, with its links followed; the path itself if it does not exist yet.
fs::path real_file(const fs::path& plan) {
  std::error_code ec;
  fs::path real = fs::canonical(plan, ec);
  return ec ? fs::absolute(plan, ec) : real;
}

// The process id written in a lock file, or "" if it cannot be read.
std::string holder_of(const fs::path& lock) {
  FileRead read = read_file(lock, 64);
  if (!read.bytes) return "";
  return std::string(trim(*read.bytes));
}

}  // namespace

fs::path plan_lock_path(const fs::path& plan) {
  const fs::path real = real_file(plan);
  return real.parent_path() / fmt::format(".{}.lock", real.filename().string());
}

PlanLock::PlanLock(PlanLock&& other) noexcept : file_(std::move(other.file_)) {
  other.file_.clear();
}

PlanLock& PlanLock::operator=(PlanLock&& other) noexcept {
  if (this != &other) {
    release();
    file_ = std::move(other.file_);
    other.file_.clear();
  }
  return *this;
}

PlanLock::~PlanLock() {
  release();
}

void PlanLock::release() {
  if (file_.empty()) return;
  remove_and_release(file_);
  file_.clear();
}

std::optional<PlanLock> PlanLock::take(const fs::path& plan, std::string& error, int wait_seconds) {
  const fs::path lock = plan_lock_path(plan);
  constexpr int kTriesPerSecond = 20;
  for (int attempt = 0; attempt <= wait_seconds * kTriesPerSecond; ++attempt) {
    if (attempt > 0) usleep(1'000'000 / kTriesPerSecond);
    int why = 0;
    // Made and registered in one step: a signal removes it if it is ours, never if it is
    // another run's.
    const bool made = create_and_track(lock, [&] {
      const int fd = open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0) {
        why = errno;
        return false;
      }
      const std::string pid = fmt::format("{}\n", static_cast<long>(getpid()));
      const ssize_t ignored = write(fd, pid.data(), pid.size());
      (void)ignored;
      close(fd);
      return true;
    });
    if (made) {
      PlanLock taken;
      taken.file_ = lock;
      return taken;
    }
    if (why != EEXIST) {
      error = fmt::format("cannot lock {} for writing: cannot create {}: {}", plan.string(),
                          lock.string(), std::strerror(why));
      return std::nullopt;
    }
  }
  // Named as the user named the plan where that is the same folder (no link to follow).
  std::error_code ec;
  const fs::path shown =
      fs::is_symlink(fs::symlink_status(plan, ec)) ? lock : plan.parent_path() / lock.filename();
  const std::string holder = holder_of(lock);
  std::string held;
  if (!holder.empty()) {
    // A holder that is no longer running was killed outright: its lock is stale. It is not
    // removed here, since two runs doing so at once could each take the plan.
    char* end = nullptr;
    const long pid = std::strtol(holder.c_str(), &end, 10);
    const bool gone =
        end && *end == '\0' && pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    held = fmt::format(" by process {}{}", holder, gone ? ", which is no longer running" : "");
  }
  error = fmt::format(
      "{} is being changed by another run (its lock file {} is held{}); waited {} s and "
      "changed nothing. Run this again when that run has finished; if no iact is running "
      "(one was killed), remove {} and run this again",
      plan.string(), shown.string(), held, wait_seconds, shown.string());
  return std::nullopt;
}

std::optional<std::vector<PlanLock>> take_plan_locks(std::vector<fs::path> plans,
                                                     std::string& error, int wait_seconds) {
  std::vector<std::pair<fs::path, fs::path>> order;  // lock file, plan
  for (const fs::path& p : plans) order.emplace_back(plan_lock_path(p), p);
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              order.end());
  std::vector<PlanLock> locks;
  for (const auto& [lock, plan] : order) {
    std::optional<PlanLock> taken = PlanLock::take(plan, error, wait_seconds);
    if (!taken) return std::nullopt;  // those taken are released as `locks` goes
    locks.push_back(std::move(*taken));
  }
  return locks;
}

}  // namespace iact
