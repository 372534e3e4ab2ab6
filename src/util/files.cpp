#include "util/files.h"

#include <sys/stat.h>
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

#include "util/interrupt.h"

namespace iact {

namespace fs = std::filesystem;

std::string not_a_file(const fs::path& path, bool streams_ok) {
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  if (!fs::exists(link) && !fs::is_symlink(link)) return "no such file";
  const fs::file_status st = fs::status(path, ec);
  if (ec && ec.value() == ELOOP) return "symlink loop (the link leads back to itself)";
  if (fs::is_symlink(link) && !fs::exists(st)) {
    std::error_code rl;
    return fmt::format("broken link: it points to {}, which does not exist",
                       fs::read_symlink(path, rl).string());
  }
  if (ec) return ec.message();
  if (fs::is_regular_file(st)) return "";
  if (fs::is_directory(st)) return "is a folder, not a file";
  if (fs::is_fifo(st)) return streams_ok ? "" : "is a named pipe (FIFO), not a file";
  if (fs::is_character_file(st)) return streams_ok ? "" : "is a device, not a file";
  if (fs::is_block_file(st)) return "is a device, not a file";
  if (fs::is_socket(st)) return "is a socket, not a file";
  return "is not a regular file";
}

FileRead read_file(const fs::path& path, std::uintmax_t max_bytes, bool streams_ok) {
  if (std::string why = not_a_file(path, streams_ok); !why.empty()) return {std::nullopt, why};
  auto too_large = [&](std::uintmax_t size) {
    return FileRead{std::nullopt,
                    fmt::format("file is {} MiB; plans larger than {} MiB are refused",
                                size / (1024 * 1024), max_bytes / (1024 * 1024))};
  };
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  if (regular) {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return {std::nullopt, ec.message()};
    if (size > max_bytes) return too_large(size);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot open the file for reading"};
  // A pipe has no size to check first: read at most one byte more than allowed.
  std::string bytes;
  char chunk[65536];
  while (in && bytes.size() <= max_bytes) {
    in.read(chunk, sizeof chunk);
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return {std::nullopt, "read error"};
  if (bytes.size() > max_bytes) return too_large(bytes.size());
  return {std::move(bytes), ""};
}

bool is_yaml(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::vector<fs::path> find_yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code entry_ec;  // a broken entry must not end the walk
    const bool folder = it->is_directory(entry_ec);
    if (folder && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();  // .git, .vscode and the like hold no plans
      continue;
    }
    // Everything named *.yaml but a folder: one that cannot be read (a FIFO, a broken
    // link) is reported by whoever reads it, never skipped in silence. Hidden files
    // (.iact-timeline.yaml) are settings, not plans.
    if (is_yaml(it->path()) && !folder && name[0] != '.') out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> yaml_files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::error_code entry_ec;
    const std::string name = entry.path().filename().string();
    if (is_yaml(entry.path()) && !entry.is_directory(entry_ec) && name[0] != '.')
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path partial_path_for(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  const std::string name = fmt::format(".{}.partial-{}-{}{}", path.stem().string(), getpid(),
                                       ++counter, path.extension().string());
  fs::path partial = path.parent_path() / name;
  track_scratch(partial);
  return partial;
}

void discard_partial(const fs::path& partial) {
  std::error_code ec;
  fs::remove(partial, ec);
  release_scratch(partial);
}

bool commit_partial(const fs::path& partial, const fs::path& path, std::string& error) {
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (!ec) {
    release_scratch(partial);
    return true;
  }
  error = fmt::format("cannot write {}: {}", path.string(), ec.message());
  discard_partial(partial);
  return false;
}

void remove_stale_output(const fs::path& path) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (fs::is_regular_file(st) || fs::is_symlink(st)) fs::remove(path, ec);
}

namespace {

// Writes `bytes` to a partial file beside `target`, gives it `mode` (with its owner) if
// asked, and renames it over `target`. `shown` is the name errors give.
bool write_partial_and_commit(const fs::path& target, const fs::path& shown, std::string_view bytes,
                              const struct stat* keep, std::string& error) {
  const fs::path partial = partial_path_for(target);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      error = fmt::format("cannot write {}: {}", shown.string(), std::strerror(errno));
      discard_partial(partial);
      return false;
    }
  }
  if (keep) {
    // The owner first: changing it can clear the set-id bits the mode then restores.
    if (chown(partial.c_str(), keep->st_uid, keep->st_gid) != 0) {
      // Only the superuser may give a file away; the caller's own file keeps its owner.
    }
    if (chmod(partial.c_str(), keep->st_mode & 07777) != 0) {
      error = fmt::format("cannot write {}: cannot keep its mode: {}", shown.string(),
                          std::strerror(errno));
      discard_partial(partial);
      return false;
    }
  }
  if (commit_partial(partial, target, error)) return true;
  if (shown != target) error += fmt::format(" (the file {} leads to)", shown.string());
  return false;
}

}  // namespace

bool write_file_atomic(const fs::path& path, std::string_view bytes, std::string& error) {
  return write_partial_and_commit(path, path, bytes, nullptr, error);
}

bool rewrite_file_atomic(const fs::path& path, std::string_view bytes, std::string& error) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return write_file_atomic(path, bytes, error);
  // A link is followed to the file it leads to, which is rewritten; the link stays.
  const fs::path real = fs::canonical(path, ec);
  if (ec) {
    error = fmt::format("cannot write {}: {}", path.string(), ec.message());
    return false;
  }
  struct stat st {};
  if (stat(real.c_str(), &st) != 0) {
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    return false;
  }
  // Read-only by its mode even for the superuser, whom access(2) would let through.
  if ((st.st_mode & 0222) == 0 || access(real.c_str(), W_OK) != 0) {
    error = fmt::format(
        "{} is read-only (mode {:04o}{}); it was not changed. If it should be edited, make it "
        "writable (chmod u+w {}) and run this again",
        path.string(), st.st_mode & 07777,
        fs::is_symlink(fs::symlink_status(path, ec))
            ? fmt::format(", the file {} its link leads to", real.string())
            : std::string(),
        real.string());
    return false;
  }
  return write_partial_and_commit(real, path, bytes, &st, error);
}

std::optional<fs::path> make_work_dir(const fs::path& dir, const std::string& name,
                                      std::string& error) {
  const fs::path work = dir / fmt::format(".{}.work-{}", name, static_cast<long>(getpid()));
  track_scratch(work);
  std::error_code ec;
  fs::remove_all(work, ec);  // left by an earlier run of this process id
  if (!fs::create_directory(work, ec)) {
    error = fmt::format("cannot create the work folder {}: {}", work.string(),
                        ec ? ec.message() : "it exists");
    release_scratch(work);
    return std::nullopt;
  }
  return work;
}

void remove_work_dir(const fs::path& work) {
  std::error_code ec;
  fs::remove_all(work, ec);
  release_scratch(work);
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

fs::path running_executable(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && self.is_absolute()) return self;
  return argv0 ? fs::path(argv0) : fs::path();
}

}  // namespace iact
