#include "util/files.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

namespace iact {

namespace fs = std::filesystem;

FileRead read_file(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return {std::nullopt, "is a folder, not a file"};
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return {std::nullopt, ec.message()};
  if (size > max_bytes) {
    return {std::nullopt, fmt::format("file is {} MiB; plans larger than {} MiB are refused",
                                      size / (1024 * 1024), max_bytes / (1024 * 1024))};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot open the file for reading"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return {std::nullopt, "read error"};
  return {buffer.str(), ""};
}

namespace {
bool is_yaml(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}
}  // namespace

std::vector<fs::path> find_yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();  // .git, .vscode and the like hold no plans
      continue;
    }
    if (it->is_regular_file(ec) && is_yaml(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> yaml_files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && is_yaml(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace iact
