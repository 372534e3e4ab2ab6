// Stopping cleanly. On SIGINT, SIGTERM or SIGHUP iact ends the programs it started (each in
// a process group of its own, so pandoc's own children go too), removes every partial file
// and work folder it was writing, and exits 128 + the signal (130, 143, 129).
//
// Writers register what they create here before creating it (util/files.h does this for
// partial files and work folders; util/process.h for child processes) and release it when
// it is renamed into place or removed. Files left by a run that was killed outright
// (SIGKILL, a power cut) carry its process id in their names; remove_stale_partials() clears
// them from a folder the next time a report is written there.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>

namespace iact {

// Blocks the three signals in every thread and handles them on a thread of their own.
// Call once in main, before any other thread starts.
void install_interrupt_handling();

// What is being written now. Thread-safe.
void track_scratch(const std::filesystem::path& path);
void release_scratch(const std::filesystem::path& path);
// Runs `create`, which makes `path` and says whether it did, and tracks `path` if it did,
// with no gap in which a signal could leave it behind or remove a `path` another run made
// (a lock file: util/plan_lock.h).
bool create_and_track(const std::filesystem::path& path, const std::function<bool()>& create);
// Removes a tracked `path` and stops tracking it, in one step (the inverse of the above).
void remove_and_release(const std::filesystem::path& path);
// Runs `spawn`, which starts a process in a process group of its own and returns its id (or
// -1), and tracks that group, with no gap in which a signal could leave it untracked.
pid_t spawn_and_track(const std::function<pid_t()>& spawn);
void release_child(pid_t process_group);

// Removes the partial files (".<name>.partial-<pid>-<n>.<ext>") and work folders
// (".<name>.work-<pid>") in `dir` whose process is no longer running. Returns how many.
int remove_stale_partials(const std::filesystem::path& dir);

}  // namespace iact
