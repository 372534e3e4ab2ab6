// Output paths made from input. A system's folder name, an organisation code or a period id
// becomes a folder under -o; each must be one plain name, and the folder it makes must stay
// under -o, even where a link inside -o points elsewhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iact {

// Longest name iact makes a folder of (file systems allow 255 bytes; paths get long).
inline constexpr size_t kMaxComponentBytes = 120;

// Why `name` cannot be a single folder or file name, or "" if it can: empty, "." or "..",
// a '/' or '\', a NUL or other control character, a leading '-' or '.', or too long.
std::string unsafe_component(std::string_view name);

// Creates root/parts[0]/parts[1]/... and returns it, after checking that each part is a safe
// component and that no part is a link leading out of `root` (a link that stays inside is
// followed). `root` itself is the user's choice and may be anywhere. Returns nothing and
// sets `error` (naming the offending part) otherwise; nothing is created past that part.
std::optional<std::filesystem::path> make_output_dir(const std::filesystem::path& root,
                                                     const std::vector<std::string>& parts,
                                                     std::string& error);

// Whether `path`, resolved, is `root` or under it (both resolved through links).
bool stays_under(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace iact
