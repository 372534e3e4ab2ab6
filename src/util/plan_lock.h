// A lock on a plan for the length of one read-modify-write, so that two runs writing one
// plan at once (apply from a shared inbox, a CI job, a person's update) cannot lose each
// other's edits.
//
// The lock is a file beside the plan's real file (links followed, so two names of one plan
// share one lock): "plans/x/.sft.yaml.lock", made with O_CREAT|O_EXCL as git does and
// holding the process id of its holder. Take it before reading the plan and keep it until
// the plan is renamed into place. It is removed when the PlanLock goes, and registered with
// util/interrupt.h so that a signal removes it too; only a run killed outright (SIGKILL, a
// power cut) leaves one, and the message for a lock that stays says how to clear it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace iact {

// How long a run waits for another to finish with a plan before it gives up.
inline constexpr int kPlanLockWaitSeconds = 10;

class PlanLock {
 public:
  PlanLock() = default;
  PlanLock(const PlanLock&) = delete;
  PlanLock& operator=(const PlanLock&) = delete;
  PlanLock(PlanLock&& other) noexcept;
  PlanLock& operator=(PlanLock&& other) noexcept;
  ~PlanLock();

  // Takes the lock of `plan`, waiting up to `wait_seconds` for a run that holds it. Returns
  // nothing and sets `error` (naming the plan and the lock file, and how to clear a stale
  // one) if it cannot.
  static std::optional<PlanLock> take(const std::filesystem::path& plan, std::string& error,
                                      int wait_seconds = kPlanLockWaitSeconds);

  const std::filesystem::path& file() const { return file_; }

 private:
  void release();
  std::filesystem::path file_;  // the lock file; empty once released
};

// The lock file of `plan`: ".<name>.lock" beside the file a link leads to.
std::filesystem::path plan_lock_path(const std::filesystem::path& plan);

// Takes the locks of every plan in `plans` (in a fixed order, so that two runs that want
// some of the same plans cannot each hold one the other waits for). Returns nothing, having
// taken none, and sets `error` if one cannot be taken.
std::optional<std::vector<PlanLock>> take_plan_locks(std::vector<std::filesystem::path> plans,
                                                     std::string& error,
                                                     int wait_seconds = kPlanLockWaitSeconds);

}  // namespace iact
