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

FileRead read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Every *.yaml / *.yml file under `dir`, recursively, in a stable (sorted) order.
std::vector<std::filesystem::path> find_yaml_files(const std::filesystem::path& dir);

// The *.yaml / *.yml files directly in `dir` (not in sub-folders), sorted.
std::vector<std::filesystem::path> yaml_files_in(const std::filesystem::path& dir);

// A temporary name beside `path`, for writing before an atomic rename: the same folder and
// extension (programs such as pandoc choose the format by it), hidden, and unique per
// process and call: "reports/x/.board-paper.partial-123-1.docx".
std::filesystem::path partial_path_for(const std::filesystem::path& path);

// Writes `bytes` to `path` atomically (a partial file, then rename), so a reader never sees
// a half-written file. Returns false and sets `error` on failure, leaving no partial file.
bool write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                       std::string& error);

// Renames `partial` to `path`, or removes it on failure. Returns false and sets `error`.
bool commit_partial(const std::filesystem::path& partial, const std::filesystem::path& path,
                    std::string& error);

// Where iact's data folder `name` (frameworks, templates) is: `flag` if given, else the
// environment variable `env`, else beside an installed binary (<prefix>/share/iact/name),
// else the configured install prefix, else the source tree iact was built from.
std::optional<std::filesystem::path> find_data_dir(const std::string& name, const std::string& flag,
                                                   const char* env,
                                                   const std::filesystem::path& exe);

}  // namespace iact
