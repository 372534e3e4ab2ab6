#include "util/safe_path.h"

#include <fmt/format.h>

namespace iact {

namespace fs = std::filesystem;

std::string unsafe_component(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name == "." || name == "..") return fmt::format("'{}' is not a folder name", name);
  if (name.size() > kMaxComponentBytes)
    return fmt::format("it is {} bytes long; names up to {} are allowed", name.size(),
                       kMaxComponentBytes);
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') return fmt::format("it holds a '{}'", c);
    if (byte < 0x20 || byte == 0x7F)
      return fmt::format("it holds a control character (0x{:02X})", byte);
  }
  if (name.front() == '-') return "it starts with '-', which programs read as an option";
  if (name.front() == '.') return "it starts with '.', which hides the folder";
  return "";
}

bool stays_under(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(path, ec);
  if (ec) return false;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return false;
  const fs::path relative = real.lexically_relative(real_root);
  if (relative.empty()) return false;
  const fs::path first = *relative.begin();
  return first != "..";
}

std::optional<fs::path> make_output_dir(const fs::path& root, const std::vector<std::string>& parts,
                                        std::string& error) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec || !fs::is_directory(root, ec)) {
    error = fmt::format("cannot create the output folder {}: {}", root.string(),
                        ec ? ec.message() : "it exists and is not a folder");
    return std::nullopt;
  }
  fs::path dir = root;
  for (const std::string& part : parts) {
    if (std::string why = unsafe_component(part); !why.empty()) {
      error = fmt::format("'{}' cannot name a folder under {}: {}", part, root.string(), why);
      return std::nullopt;
    }
    dir /= part;
    const fs::file_status link = fs::symlink_status(dir, ec);
    if (fs::is_symlink(link)) {
      if (!stays_under(dir, root)) {
        error = fmt::format(
            "{} is a link to {}, outside the output folder {}; iact does not write through it "
            "(remove the link, or pass -o with the folder it points to)",
            dir.string(), fs::read_symlink(dir, ec).string(), root.string());
        return std::nullopt;
      }
    }
    if (fs::exists(link) || fs::is_symlink(link)) {
      if (!fs::is_directory(dir, ec)) {
        error = fmt::format("cannot write into {}: it exists and is not a folder", dir.string());
        return std::nullopt;
      }
      continue;
    }
    if (!fs::create_directory(dir, ec) && !fs::is_directory(dir)) {
      error = fmt::format("cannot create {}: {}", dir.string(), ec.message());
      return std::nullopt;
    }
  }
  if (!stays_under(dir, root)) {  // the proof, once everything exists
    error = fmt::format("{} does not resolve to a folder under {}", dir.string(), root.string());
    return std::nullopt;
  }
  return dir;
}

}  // namespace iact
