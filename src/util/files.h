// Reading plan files and finding them in folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iact {

// Plans are small; a file over this size is refused before it is read.
inline constexpr std::uintmax_t kMaxPlanFileBytes = 16 * 1024 * 1024;

struct FileRead {
  std::optional<std::string> bytes;
  std::string error;  // set when bytes is empty: why the file could not be read
};

// Why `path` cannot be read as a file, or "" if it can: "no such file", "symlink loop",
// "broken link: ...", "is a folder", "is a named pipe (FIFO)", "is a device"... A pipe or a
// character device is readable when `streams_ok` (a path the user named, such as the
// /dev/fd/63 of `<(...)`), never when it was found in a folder.
std::string not_a_file(const std::filesystem::path& path, bool streams_ok = false);

// Reads a whole file of at most `max_bytes`; see not_a_file() for `streams_ok`.
FileRead read_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                   bool streams_ok = false);

// Whether `path` is named like a plan: *.yaml or *.yml.
bool is_yaml(const std::filesystem::path& path);

// Every *.yaml / *.yml entry under `dir` but folders and hidden files, recursively, in a
// stable (sorted) order. Entries that are not readable files (FIFOs, broken links) are
// included, so that reading them reports why.
std::vector<std::filesystem::path> find_yaml_files(const std::filesystem::path& dir);

// The same directly in `dir` (not in sub-folders), sorted.
std::vector<std::filesystem::path> yaml_files_in(const std::filesystem::path& dir);

// A temporary name beside `path`, for writing before an atomic rename: the same folder and
// extension (programs such as pandoc choose the format by it), hidden, and unique per
// process and call: "reports/x/.board-paper.partial-123-1.docx". The name is registered
// for removal if iact is interrupted (util/interrupt.h) until commit_partial() or
// discard_partial() is called.
std::filesystem::path partial_path_for(const std::filesystem::path& path);

// Writes `bytes` to `path` atomically (a partial file, then rename), so a reader never sees
// a half-written file. Returns false and sets `error` on failure, leaving no partial file.
bool write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                       std::string& error);

// Rewrites the file at `path` (a plan) atomically as write_file_atomic() does, as an edit
// in place would: through a symbolic link to the file it leads to (the link stays a link),
// keeping the file's mode (and, where allowed, its owner), and refusing a file that has no
// write permission. A `path` that does not exist yet is written as write_file_atomic() does.
bool rewrite_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                         std::string& error);

// Renames `partial` to `path`, or removes it on failure. Returns false and sets `error`.
bool commit_partial(const std::filesystem::path& partial, const std::filesystem::path& path,
                    std::string& error);

// Removes a partial file that will not be committed.
void discard_partial(const std::filesystem::path& partial);

// Removes an older report at `path` that a failed run would leave looking current; only a
// file or a link is removed, never a folder the user put there.
void remove_stale_output(const std::filesystem::path& path);

// A private work folder in `dir` (".<name>.work-<pid>"), created empty and registered for
// removal if iact is interrupted; remove it with remove_work_dir(). Returns nothing and sets
// `error` if it cannot be created.
std::optional<std::filesystem::path> make_work_dir(const std::filesystem::path& dir,
                                                   const std::string& name, std::string& error);
void remove_work_dir(const std::filesystem::path& work);

// The file of the running program (/proc/self/exe), so that data installed beside it is
// found however it was started (from PATH, argv[0] is just "iact"); argv[0] if unknown.
std::filesystem::path running_executable(const char* argv0);

// Where iact's data folder `name` (frameworks, templates) is: `flag` if given, else the
// environment variable `env`, else beside an installed binary (<prefix>/share/iact/name),
// else the configured install prefix, else the source tree iact was built from.
std::optional<std::filesystem::path> find_data_dir(const std::string& name, const std::string& flag,
                                                   const char* env,
                                                   const std::filesystem::path& exe);

}  // namespace iact
