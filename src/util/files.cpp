#include "util/files.h"

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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

fs::path partial_path_for(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  const std::string name = fmt::format(".{}.partial-{}-{}{}", path.stem().string(), getpid(),
                                       ++counter, path.extension().string());
  return path.parent_path() / name;
}

bool commit_partial(const fs::path& partial, const fs::path& path, std::string& error) {
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (!ec) return true;
  error = fmt::format("cannot write {}: {}", path.string(), ec.message());
  fs::remove(partial, ec);
  return false;
}

bool write_file_atomic(const fs::path& path, std::string_view bytes, std::string& error) {
  const fs::path partial = partial_path_for(path);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      error = fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
      std::error_code ec;
      fs::remove(partial, ec);
      return false;
    }
  }
  return commit_partial(partial, path, error);
}

std::optional<fs::path> find_data_dir(const std::string& name, const std::string& flag,
                                      const char* env, const fs::path& exe) {
  std::error_code ec;
  if (!flag.empty()) return fs::path(flag);
  if (const char* value = std::getenv(env); value && *value) return fs::path(value);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "iact" / name;
  if (!exe.empty() && fs::is_directory(installed, ec)) return installed;
  const fs::path configured = fs::path(IACT_INSTALL_DATA_DIR) / name;
  if (fs::is_directory(configured, ec)) return configured;
  const fs::path source = fs::path(IACT_SOURCE_DATA_DIR) / name;
  if (fs::is_directory(source, ec)) return source;
  return std::nullopt;
}

}  // namespace iact
