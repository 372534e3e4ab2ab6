#include "check/report.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/escape.h"
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

// The message with its hint, for formats that show one line of text per problem.
std::string message_with_hint(const Diagnostic& d) {
  return d.hint.empty() ? d.message : fmt::format("{} (hint: {})", d.message, d.hint);
}

// The file as CI systems name it: relative to where iact ran, without a leading "./".
std::string ci_path(const std::string& file) {
  std::string_view path = file;
  while (path.starts_with("./")) path.remove_prefix(2);
  return std::string(path);
}

// Plan text may hold bytes that are not UTF-8 only if the file failed the encoding check,
// in which case no message quotes it; replace anything invalid all the same.
std::string dump(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// SARIF names a rule in PascalCase beside its id: unknown-item -> UnknownItem.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

const char* sarif_level(Severity s) {
  return s == Severity::kError ? "error" : "warning";
}

nlohmann::json sarif_location(const Diagnostic& d) {
  const std::string path = ci_path(d.file);
  nlohmann::json artifact;
  if (path.starts_with("/")) {
    artifact = {{"uri", "file://" + escape_uri_path(path)}};
  } else {
    artifact = {{"uri", escape_uri_path(path)}, {"uriBaseId", "%SRCROOT%"}};
  }
  nlohmann::json physical = {{"artifactLocation", artifact}};
  if (d.pos.known()) {
    nlohmann::json region = {{"startLine", d.pos.line}};
    if (d.pos.column > 0) region["startColumn"] = d.pos.column;
    physical["region"] = region;
  }
  return {{"physicalLocation", physical}};
}

}  // namespace

void print_text(const Diagnostics& diags, std::ostream& out, const TextStyle& style) {
  SourceCache sources(style.sources);
  auto paint = [&](const char* code, std::string_view text) {
    return style.colour ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  };
  // Written a few kilobytes at a time: standard error is unbuffered, and twenty thousand
  // problems would otherwise be a hundred thousand small writes.
  std::string buffer;
  auto flush = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  size_t shown = 0;
  for (const Diagnostic& d : diags.items()) {
    if (style.max_diagnostics > 0 && shown == style.max_diagnostics) break;
    ++shown;
    std::string where =
        d.pos.known() ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
    const bool error = d.severity == Severity::kError;
    buffer += paint(kBold, where + ":");
    buffer += ' ';
    buffer += paint(error ? kRed : kMagenta, std::string(severity_name(d.severity)) + ":");
    buffer += ' ';
    buffer += paint(kBold, d.message);
    buffer += " [";
    buffer += d.rule;
    buffer += "]\n";
    if (style.show_source && d.pos.known()) {
      std::string_view source = sources.line(d.file, d.pos.line);
      if (!source.empty()) {
        const std::string number = std::to_string(d.pos.line);
        const std::string gutter(number.size(), ' ');
        buffer += fmt::format(" {} | {}\n", number, source);
        buffer += fmt::format(" {} | {}{}\n", gutter, caret_padding(source, d.pos.column),
                              paint(kGreen, "^"));
      }
    }
    if (!d.hint.empty()) buffer += fmt::format("  {} {}\n", paint(kCyan, "hint:"), d.hint);
    if (buffer.size() >= 64 * 1024) flush();
  }
  const size_t total = diags.items().size();
  if (shown < total) {
    buffer += fmt::format(
        "... and {} more (the first {} shown; --max-diagnostics 0 shows all, "
        "--summary counts them by rule and file)\n",
        total - shown, shown);
  }
  flush();
}

void print_summary(const Diagnostics& diags, std::ostream& out) {
  struct Count {
    int errors = 0, warnings = 0;
    int total() const { return errors + warnings; }
  };
  std::map<std::string, std::pair<Severity, int>> rules;
  std::map<std::string, Count> files;
  for (const Diagnostic& d : diags.items()) {
    auto& rule = rules.try_emplace(d.rule, d.severity, 0).first->second;
    ++rule.second;
    Count& file = files[d.file];
    (d.severity == Severity::kError ? file.errors : file.warnings) += 1;
  }
  if (rules.empty()) return;
  std::vector<std::pair<std::string, std::pair<Severity, int>>> by_rule(rules.begin(), rules.end());
  std::stable_sort(by_rule.begin(), by_rule.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first == Severity::kError;
    return a.second.second > b.second.second;
  });
  size_t width = 4;
  for (const auto& [rule, count] : by_rule) width = std::max(width, rule.size());
  std::string text = "By rule:\n";
  for (const auto& [rule, count] : by_rule) {
    text += fmt::format("  {:<{}}  {:<7}  {:>6}\n", rule, width, severity_name(count.first),
                        count.second);
  }
  std::vector<std::pair<std::string, Count>> by_file(files.begin(), files.end());
  std::stable_sort(by_file.begin(), by_file.end(), [](const auto& a, const auto& b) {
    if (a.second.errors != b.second.errors) return a.second.errors > b.second.errors;
    return a.second.warnings > b.second.warnings;
  });
  text += "By file:\n";
  for (const auto& [file, count] : by_file) {
    text += fmt::format("  {:>6} error{}  {:>6} warning{}  {}\n", count.errors,
                        count.errors == 1 ? " " : "s", count.warnings,
                        count.warnings == 1 ? " " : "s", file);
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
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
  out << dump(array) << '\n';
}

void print_sarif(const Diagnostics& diags, std::ostream& out, std::string_view version) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string_view, size_t> index;
  for (const Rule& r : all_rules()) {
    index[r.id] = rules.size();
    const std::string summary(r.summary);
    rules.push_back(
        {{"id", r.id},
         {"name", pascal_case(r.id)},
         {"shortDescription", {{"text", summary}}},
         {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
         {"help",
          {{"text", fmt::format("{}: {}. Each result says where, and its hint how to fix it "
                                "where that is clear; `iact rules` lists every check.",
                                r.id, summary)}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& d : diags.items()) {
    results.push_back({{"ruleId", d.rule},
                       {"ruleIndex", index.at(d.rule)},
                       {"level", sarif_level(d.severity)},
                       {"message", {{"text", message_with_hint(d)}}},
                       {"locations", nlohmann::json::array({sarif_location(d)})}});
  }
  nlohmann::json driver = {{"name", "iact"},
                           {"version", version},
                           {"informationUri", "https://iact.invalid"},
                           {"rules", rules}};
  nlohmann::json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", nlohmann::json::array({{{"tool", {{"driver", driver}}}, {"results", results}}})}};
  out << dump(log) << '\n';
}

void print_github(const Diagnostics& diags, std::ostream& out) {
  for (const Diagnostic& d : diags.items()) {
    std::string properties = "file=" + escape_github_property(ci_path(d.file));
    if (d.pos.known()) {
      properties += fmt::format(",line={}", d.pos.line);
      if (d.pos.column > 0) properties += fmt::format(",col={}", d.pos.column);
    }
    properties += ",title=" + escape_github_property(d.rule);
    out << "::" << severity_name(d.severity) << ' ' << properties
        << "::" << escape_github_data(message_with_hint(d)) << '\n';
  }
}

void print_gitlab(const Diagnostics& diags, std::ostream& out) {
  nlohmann::json array = nlohmann::json::array();
  for (const Diagnostic& d : diags.items()) {
    const std::string path = ci_path(d.file);
    const std::string fingerprint =
        stable_hash(fmt::format("{}\n{}\n{}\n{}", path, d.pos.line, d.rule, d.message));
    array.push_back(
        {{"description", message_with_hint(d)},
         {"check_name", d.rule},
         {"fingerprint", fingerprint},
         {"severity", d.severity == Severity::kError ? "major" : "minor"},
         // GitLab needs a line; a problem with the file as a whole is on line 1.
         {"location", {{"path", path}, {"lines", {{"begin", std::max(1, d.pos.line)}}}}}});
  }
  out << dump(array) << '\n';
}

}  // namespace iact
