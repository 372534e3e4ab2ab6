#include "check/report.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/files.h"
#include "util/text.h"

namespace iact {

namespace {

const char* kBold = "\x1b[1m";
const char* kRed = "\x1b[1;31m";
const char* kMagenta = "\x1b[1;35m";
const char* kGreen = "\x1b[1;32m";
const char* kCyan = "\x1b[36m";
const char* kReset = "\x1b[0m";

// Source text of each file, read once, for showing the offending line.
class SourceCache {
 public:
  explicit SourceCache(const std::map<std::string, std::string>* given) : given_(given) {}

  std::string_view line(const std::string& file, int line) {
    if (given_) {
      if (auto g = given_->find(file); g != given_->end()) return line_of(g->second, line);
    }
    auto it = files_.find(file);
    if (it == files_.end()) {
      FileRead read = read_file(file, kMaxPlanFileBytes);
      std::string text;
      if (read.bytes && !find_encoding_problem(*read.bytes)) text = std::move(*read.bytes);
      it = files_.emplace(file, std::move(text)).first;
    }
    return line_of(it->second, line);
  }

 private:
  const std::map<std::string, std::string>* given_;
  std::map<std::string, std::string> files_;
};

// The caret goes under `column` (counted in characters, as yaml-cpp counts them).
std::string caret_padding(std::string_view source, int column) {
  std::string pad;
  int chars = 0;
  for (size_t i = 0; i < source.size() && chars < column - 1; ++i) {
    unsigned char c = static_cast<unsigned char>(source[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    pad += c == '\t' ? '\t' : ' ';
    ++chars;
  }
  return pad;
}

}  // namespace

void print_text(const Diagnostics& diags, std::ostream& out, const TextStyle& style) {
  SourceCache sources(style.sources);
  auto paint = [&](const char* code, std::string_view text) {
    return style.colour ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  };
  for (const Diagnostic& d : diags.items()) {
    std::string where =
        d.pos.known() ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
    const bool error = d.severity == Severity::kError;
    out << paint(kBold, where + ":") << ' '
        << paint(error ? kRed : kMagenta, std::string(severity_name(d.severity)) + ":") << ' '
        << paint(kBold, d.message) << " [" << d.rule << "]\n";
    if (style.show_source && d.pos.known()) {
      std::string_view source = sources.line(d.file, d.pos.line);
      if (!source.empty()) {
        const std::string number = std::to_string(d.pos.line);
        const std::string gutter(number.size(), ' ');
        out << ' ' << number << " | " << source << '\n';
        out << ' ' << gutter << " | " << caret_padding(source, d.pos.column) << paint(kGreen, "^")
            << '\n';
      }
    }
    if (!d.hint.empty()) out << "  " << paint(kCyan, "hint:") << ' ' << d.hint << '\n';
  }
}

std::string summary_line(const Diagnostics& diags, int files) {
  auto plural = [](int n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  const int errors = diags.error_count();
  const int warnings = diags.warning_count();
  if (errors == 0 && warnings == 0)
    return fmt::format("plans are valid: no problems in {}", plural(files, "file"));
  return fmt::format("{}, {} in {}", plural(errors, "error"), plural(warnings, "warning"),
                     plural(files, "file"));
}

void print_json(const Diagnostics& diags, std::ostream& out) {
  nlohmann::json array = nlohmann::json::array();
  for (const Diagnostic& d : diags.items()) {
    array.push_back({{"file", d.file},
                     {"line", d.pos.line},
                     {"column", d.pos.column},
                     {"severity", severity_name(d.severity)},
                     {"rule", d.rule},
                     {"message", d.message},
                     {"hint", d.hint}});
  }
  // Plan text may hold bytes that are not UTF-8 only if the file failed the encoding check,
  // in which case no message quotes it; replace anything invalid all the same.
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace iact
