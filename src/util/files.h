// Reading plan files and finding them in folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
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

}  // namespace iact
