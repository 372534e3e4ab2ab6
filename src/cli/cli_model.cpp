#include "cli/cli_model.h"

#include <array>
#include <string_view>

namespace iact {

namespace {

bool is_word(std::string_view w) {
  if (w.empty()) return false;
  for (const char c : w) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> choices_in(const std::string& value_name) {
  for (const char separator : {'|', ','}) {
    if (value_name.find(separator) == std::string::npos) continue;
    std::vector<std::string> words = split(value_name, separator);
    for (const std::string& w : words) {
      if (!is_word(w)) return {};
    }
    return words;
  }
  return {};
}

ValueKind kind_of_value(const std::string& value_name) {
  if (!choices_in(value_name).empty()) return ValueKind::kChoice;
  if (value_name.find("DIR") != std::string::npos) return ValueKind::kFolder;
  static constexpr std::array<std::string_view, 8> kFileWords = {"FILE",    "PATH", ".yaml", "PLAN",
                                                                 "TRACKER", "FORM", "OLD",   "NEW"};
  for (std::string_view w : kFileWords) {
    if (value_name.find(w) != std::string::npos) return ValueKind::kFile;
  }
  return ValueKind::kText;
}

}  // namespace iact
