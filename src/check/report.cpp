#include "check/report.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "plan/yaml_tree.h"
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

// The text of a file to show or to read positions in, or "" if it cannot be read or is not
// UTF-8; `given` holds the files that are not on disk (a plan on standard input).
std::string source_text(const std::string& file, const std::map<std::string, std::string>* given) {
  if (given) {
    if (auto g = given->find(file); g != given->end()) return g->second;
  }
  FileRead read = read_file(file, kMaxPlanFileBytes);
  if (!read.bytes || find_encoding_problem(*read.bytes)) return "";
  return std::move(*read.bytes);
}

// Source text of each file, read once, for showing the offending line.
class SourceCache {
 public:
  explicit SourceCache(const std::map<std::string, std::string>* given) : given_(given) {}

  std::string_view line(const std::string& file, int line) {
    auto it = files_.find(file);
    if (it == files_.end()) it = files_.emplace(file, TextLines(source_text(file, given_))).first;
    return it->second.line(line);
  }

 private:
  const std::map<std::string, std::string>* given_;
  std::map<std::string, TextLines> files_;
};

// The caret goes under `column` (counted in characters, as yaml-cpp counts them).
// `source` is the line as read; the padding matches it as terminal_text() shows it.
std::string caret_padding(std::string_view source, int column) {
  size_t end = 0;
  for (int chars = 0; end < source.size() && chars < column - 1; ++chars) {
    ++end;
    while (end < source.size() && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80) ++end;
  }
  const std::string shown = terminal_text(source.substr(0, end));
  std::string pad;
  for (size_t i = 0; i < shown.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(shown[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    pad += c == '\t' ? '\t' : ' ';
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

bool digit_run(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool word_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// The length of the date that starts `s` as iact writes one, or 0: 2025-07-15, 2025-07,
// 30 Oct 2024, Oct 2024, 30 October 2024, October 2024, Q2 2025/26.
size_t date_length(std::string_view s) {
  size_t n = 0;
  if (digit_run(s, 0, 4) && s.size() > 6 && s[4] == '-' && digit_run(s, 5, 2)) {
    n = s.size() > 9 && s[7] == '-' && digit_run(s, 8, 2) ? 10 : 7;
  } else if (s.size() > 9 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '4' && s[2] == ' ' &&
             digit_run(s, 3, 4) && s[7] == '/' && digit_run(s, 8, 2)) {
    n = 10;
  } else {
    size_t at = 0;
    if (digit_run(s, 0, 1)) at = digit_run(s, 1, 1) ? 2 : 1;
    if (at > 0) {
      if (at >= s.size() || s[at] != ' ') return 0;
      ++at;
    }
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string_view rest = s.substr(at);
    if (std::none_of(std::begin(kMonths), std::end(kMonths),
                     [&](std::string_view m) { return rest.starts_with(m); }))
      return 0;
    at += 3;
    while (at < s.size() && s[at] >= 'a' && s[at] <= 'z') ++at;
    if (at >= s.size() || s[at] != ' ' || !digit_run(s, at + 1, 4)) return 0;
    n = at + 5;
  }
  return n < s.size() && word_character(s[n]) ? 0 : n;
}

// The message without the dates and line numbers it quotes: "due 30 Oct 2024 has passed at
// 2025-07-15" -> "due  has passed at ", "(line 42)" -> "(line)". A run a day later, or a line
// added above, leaves it as it was.
std::string without_dates_and_lines(std::string_view message) {
  std::string out;
  size_t i = 0;
  while (i < message.size()) {
    const bool word_start = i == 0 || !word_character(message[i - 1]);
    if (word_start) {
      if (const size_t n = date_length(message.substr(i))) {
        i += n;
        continue;
      }
      for (const std::string_view word : {"lines ", "line "}) {
        if (!message.substr(i).starts_with(word) || !digit_run(message, i + word.size(), 1))
          continue;
        out += word.substr(0, word.size() - 1);
        i += word.size();
        while (i < message.size() && (digit_run(message, i, 1) || message[i] == '-')) ++i;
        break;
      }
      if (i >= message.size()) break;
    }
    out += message[i++];
  }
  return out;
}

// What identifies each problem from run to run, for CI systems that track problems (GitLab's
// Code Quality fingerprint, SARIF's partialFingerprints): its rule, its file, the key path of
// its place in the plan ("actions[GOV-01].due", which names the action by its id) and its
// message without dates or line numbers. A comment added above a problem, or a run a day
// later, keeps every fingerprint; two problems that would share one are told apart by their
// order. One fingerprint per diagnostic, in order; each file is read once.
std::vector<std::string> fingerprints(const Diagnostics& diags,
                                      const std::map<std::string, std::string>* sources) {
  std::map<std::string, std::set<Pos>> wanted;
  for (const Diagnostic& d : diags.items()) {
    if (d.pos.known()) wanted[d.file].insert(d.pos);
  }
  std::map<std::string, std::map<Pos, std::string>> paths;
  for (const auto& [file, places] : wanted) {
    const std::string text = source_text(file, sources);
    Diagnostics ignored;  // the file's own problems are the diagnostics being printed
    std::optional<YamlNode> root;
    if (!text.empty()) root = parse_yaml(text, file, ignored);
    if (root) paths[file] = key_paths(*root, places);
  }
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const Diagnostic& d : diags.items()) {
    std::string_view path;
    if (auto file = paths.find(d.file); file != paths.end()) {
      if (auto at = file->second.find(d.pos); at != file->second.end()) path = at->second;
    }
    const std::string identity = fmt::format("{}\n{}\n{}\n{}", d.rule, ci_path(d.file), path,
                                             without_dates_and_lines(d.message));
    std::string fingerprint = stable_hash(identity);
    for (int salt = 1; !used.insert(fingerprint).second; ++salt)
      fingerprint = stable_hash(fmt::format("{}\n{}", identity, salt));
    out.push_back(std::move(fingerprint));
  }
  return out;
}

// Plan text may hold bytes that are not UTF-8 only if the file failed the encoding check,
// in which case no message quotes it; replace anything invalid all the same.
std::string dump(const nlohmann::json& value) {
  return json_text(value);
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

// The column just after the YAML token that starts at `column` (1-based, in characters) of
// `line`, or 0 if there is none: a quoted scalar to its closing quote; a key to its `:`; a
// plain scalar to the end of the line, or inside [ ] or { } to the next `,`, `]` or `}`;
// never into a comment.
int token_end(std::string_view line, int column) {
  size_t at = 0;  // the byte where the token starts
  for (int chars = 1; at < line.size() && chars < column; ++at) {
    if ((static_cast<unsigned char>(line[at]) & 0xC0) != 0x80) ++chars;
    while (at + 1 < line.size() && (static_cast<unsigned char>(line[at + 1]) & 0xC0) == 0x80) ++at;
  }
  if (at >= line.size()) return 0;
  size_t end = at;
  const char first = line[at];
  if (first == '"' || first == '\'') {
    for (end = at + 1; end < line.size(); ++end) {
      if (first == '"' && line[end] == '\\') {
        ++end;
      } else if (line[end] == first) {
        if (first == '\'' && end + 1 < line.size() && line[end + 1] == '\'') {
          ++end;  // '' is a quote inside single quotes
        } else {
          break;
        }
      }
    }
    if (end >= line.size()) return 0;  // the text goes on to the next line
    ++end;
  } else {
    int depth = 0;  // of [ and { before the token: inside them, , ] and } end it
    for (size_t i = 0; i < at; ++i) {
      if (line[i] == '[' || line[i] == '{') ++depth;
      if ((line[i] == ']' || line[i] == '}') && depth > 0) --depth;
    }
    for (; end < line.size(); ++end) {
      const char c = line[end];
      const bool spaced = end + 1 == line.size() || line[end + 1] == ' ';
      if (c == ':' && spaced) break;
      if (c == '#' && end > at && line[end - 1] == ' ') break;
      if (depth > 0 && (c == ',' || c == ']' || c == '}')) break;
    }
    while (end > at && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end == at) return 0;
  }
  return column + static_cast<int>(utf8_length(line.substr(at, end - at)));
}

// Built by assignment and moves: a SARIF log of twenty thousand results is mostly this.
nlohmann::json sarif_location(const Diagnostic& d, SourceCache& sources) {
  const std::string path = ci_path(d.file);
  nlohmann::json physical = nlohmann::json::object();
  nlohmann::json& artifact = physical["artifactLocation"];
  if (path.starts_with("/")) {
    artifact["uri"] = "file://" + escape_uri_path(path);
  } else {
    artifact["uri"] = escape_uri_path(path);
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  if (d.pos.known()) {
    nlohmann::json& region = physical["region"];
    region["startLine"] = d.pos.line;
    if (d.pos.column > 0) {
      region["startColumn"] = d.pos.column;
      if (const int end = token_end(sources.line(d.file, d.pos.line), d.pos.column); end > 0) {
        region["endLine"] = d.pos.line;
        region["endColumn"] = end;
      }
    }
  }
  nlohmann::json location = nlohmann::json::object();
  location["physicalLocation"] = std::move(physical);
  return location;
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
    buffer += paint(kBold, terminal_text(where) + ":");
    buffer += ' ';
    buffer += paint(error ? kRed : kMagenta, std::string(severity_name(d.severity)) + ":");
    buffer += ' ';
    buffer += paint(kBold, terminal_text(d.message));
    buffer += " [";
    buffer += d.rule;
    buffer += "]\n";
    if (style.show_source && d.pos.known()) {
      std::string_view source = sources.line(d.file, d.pos.line);
      if (!source.empty()) {
        const std::string number = std::to_string(d.pos.line);
        const std::string gutter(number.size(), ' ');
        buffer += fmt::format(" {} | {}\n", number, terminal_text(source));
        buffer += fmt::format(" {} | {}{}\n", gutter, caret_padding(source, d.pos.column),
                              paint(kGreen, "^"));
      }
    }
    if (!d.hint.empty())
      buffer += fmt::format("  {} {}\n", paint(kCyan, "hint:"), terminal_text(d.hint));
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

void print_sarif(const Diagnostics& diags, std::ostream& out, std::string_view version,
                 const std::map<std::string, std::string>* sources,
                 const std::filesystem::path& root) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string_view, size_t> index;
  for (const Rule& r : all_rules()) {
    index[r.id] = rules.size();
    rules.push_back(
        {{"id", r.id},
         {"name", pascal_case(r.id)},
         {"shortDescription", {{"text", capitalised(r.summary) + "."}}},
         {"fullDescription", {{"text", fmt::format("{}. {}", capitalised(r.summary), r.why)}}},
         {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
         {"help", {{"text", rule_help_text(r)}, {"markdown", rule_help_markdown(r)}}},
         {"helpUri", rule_help_uri(r)}});
  }
  SourceCache lines(sources);
  const std::vector<std::string> prints = fingerprints(diags, sources);
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& d : diags.items()) {
    nlohmann::json result = nlohmann::json::object();
    result["ruleId"] = d.rule;
    result["ruleIndex"] = index.at(d.rule);
    result["level"] = sarif_level(d.severity);
    result["message"]["text"] = message_with_hint(d);
    result["locations"] = nlohmann::json::array();
    result["locations"].push_back(sarif_location(d, lines));
    result["partialFingerprints"]["iactProblem/v1"] = prints[results.size()];
    results.push_back(std::move(result));
  }
  nlohmann::json driver = {{"name", "iact"},
                           {"version", version},
                           {"semanticVersion", version},
                           {"informationUri", "https://iact.invalid"},
                           {"rules", rules}};
  // Result paths are relative to the folder iact ran in: %SRCROOT%, as a file URI ending in /.
  std::error_code ec;
  const std::filesystem::path folder = root.empty() ? std::filesystem::current_path(ec) : root;
  nlohmann::json srcroot = {{"description", {{"text", "The folder iact validate ran in."}}}};
  if (folder.is_absolute()) {
    std::string base = escape_uri_path(folder.generic_string());
    if (!base.ends_with("/")) base += '/';
    srcroot["uri"] = "file://" + base;
  }
  nlohmann::json run = {{"tool", {{"driver", driver}}},
                        {"originalUriBaseIds", {{"%SRCROOT%", srcroot}}},
                        // iact counts a line's columns in characters, not UTF-16 units
                        {"columnKind", "unicodeCodePoints"}};
  run["results"] = std::move(results);
  nlohmann::json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", nlohmann::json::array()}};
  log["runs"].push_back(std::move(run));
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

void print_gitlab(const Diagnostics& diags, std::ostream& out,
                  const std::map<std::string, std::string>* sources) {
  nlohmann::json array = nlohmann::json::array();
  const std::vector<std::string> prints = fingerprints(diags, sources);
  for (const Diagnostic& d : diags.items()) {
    const std::string path = ci_path(d.file);
    array.push_back(
        {{"description", message_with_hint(d)},
         {"check_name", d.rule},
         {"fingerprint", prints[array.size()]},
         {"severity", d.severity == Severity::kError ? "major" : "minor"},
         // GitLab needs a line; a problem with the file as a whole is on line 1.
         {"location", {{"path", path}, {"lines", {{"begin", std::max(1, d.pos.line)}}}}}});
  }
  out << dump(array) << '\n';
}

}  // namespace iact
