#include "cli/man_page.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cli/manual.h"
#include "util/escape.h"
#include "util/text.h"

namespace iact {

namespace {

// Help text is written with line breaks for the terminal; a man page fills its own lines.
std::string one_paragraph(std::string_view text) {
  std::string out;
  for (const char c : trim(text)) {
    if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return escape_roff(out);
}

// A date as the header shows it: 2026-03-31 as it is (escaping its hyphens would print
// minus signs); anything else, which the model should not hold, escaped.
std::string date_text(const std::string& date) {
  const bool plain = std::all_of(date.begin(), date.end(),
                                 [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  return plain ? date : escape_roff(date);
}

// A page's header, dated by the version's date (the same sources give the same page).
std::string header(const CliModel& cli, const std::string& page, const std::string& summary) {
  std::string upper;
  for (const char c : page) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // .nh: no hyphenation, which would split option names across lines.
  return fmt::format(".TH {} 1 \"{}\" \"{} {}\" \"{} manual\"\n.nh\n.SH NAME\n{} \\- {}\n",
                     escape_roff(upper), date_text(cli.date), cli.name, cli.version, cli.name,
                     escape_roff(page), summary);
}

// Paragraphs separated by blank lines, as roff paragraphs.
std::string paragraphs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find("\n\n", start);
    const std::string_view one =
        text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!trim(one).empty()) out += (out.empty() ? "" : ".PP\n") + one_paragraph(one) + "\n";
    if (end == std::string_view::npos) break;
    start = end + 2;
  }
  return out;
}

// "Exit codes: 0 success, 1 the plans have errors, 2 usage or I/O error." as a list of codes,
// each with what it means; the text as it is if it does not read that way.
std::string exit_status(const std::string& footer) {
  if (footer.empty()) return "";
  std::string_view text = trim(footer);
  constexpr std::string_view kLead = "Exit codes: ";
  std::vector<std::pair<std::string, std::string>> codes;
  if (text.starts_with(kLead)) {
    text.remove_prefix(kLead.size());
    if (text.ends_with(".")) text.remove_suffix(1);
    // Each code starts the text or follows ", ": "0 ..., 1 ..., 2 ...".
    size_t at = 0;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      const size_t space = text.find(' ', at);
      if (space == std::string_view::npos) break;
      size_t next = space;
      while (true) {
        next = text.find(", ", next + 1);
        if (next == std::string_view::npos || next + 2 >= text.size() ||
            std::isdigit(static_cast<unsigned char>(text[next + 2])))
          break;
      }
      codes.emplace_back(std::string(text.substr(at, space - at)),
                         std::string(text.substr(
                             space + 1, next == std::string_view::npos ? next : next - space - 1)));
      at = next == std::string_view::npos ? text.size() : next + 2;
    }
    if (at < text.size()) codes.clear();
  }
  if (codes.empty()) return fmt::format(".SH EXIT STATUS\n{}\n", one_paragraph(footer));
  std::string out = ".SH EXIT STATUS\n";
  for (const auto& [code, what] : codes)
    out +=
        fmt::format(".TP\n.B {}\n{}\n", escape_roff(code), one_paragraph(capitalised(what) + "."));
  return out;
}

std::string items_section(const std::string& title, std::span<const ManualItem> items, bool bold) {
  if (items.empty()) return "";
  std::string out = fmt::format(".SH {}\n", title);
  for (const ManualItem& i : items) {
    out += fmt::format(".TP\n{}{}\\fR\n{}\n", bold ? "\\fB" : "\\fI", escape_roff(i.name),
                       one_paragraph(i.what));
  }
  return out;
}

std::string examples_section(const std::vector<ManualExample>& examples) {
  if (examples.empty()) return "";
  std::string out = ".SH EXAMPLES\n";
  for (const ManualExample& e : examples) {
    out += fmt::format(".PP\n{}\n.PP\n.RS 4\n.nf\n{}\n.fi\n.RE\n", one_paragraph(e.what),
                       escape_roff(e.command));
  }
  return out;
}

std::string option_item(const CliOption& o) {
  std::string names;
  for (const std::string& n : o.names) {
    names += fmt::format("{}\\fB{}\\fR", names.empty() ? "" : ", ", escape_roff(n));
  }
  std::string value = o.value_name.empty() ? std::string()
                                           : fmt::format(" \\fI{}\\fR{}", escape_roff(o.value_name),
                                                         o.repeatable ? "..." : "");
  return fmt::format(".TP\n{}{}\n{}\n", names, value, one_paragraph(o.help));
}

std::string options_section(const std::string& title, const std::vector<CliOption>& options) {
  if (options.empty()) return "";
  std::string out = fmt::format(".SH {}\n", title);
  for (const CliOption& o : options) out += option_item(o);
  return out;
}

std::string command_page(const CliModel& cli, const CliCommand& c) {
  const std::string page = cli.name + "-" + c.name;
  std::string out = header(cli, page, one_paragraph(c.help));
  std::string synopsis =
      fmt::format("\\fB{} {}\\fR [\\fIOPTIONS\\fR]", cli.name, escape_roff(c.name));
  for (const CliOption& a : c.arguments) {
    const std::string name =
        fmt::format("\\fI{}\\fR{}", escape_roff(a.value_name), a.repeatable ? "..." : "");
    synopsis += a.required ? " " + name : " [" + name + "]";
  }
  const CommandManual* manual = command_manual(c.name);
  out += fmt::format(".SH SYNOPSIS\n{}\n.SH DESCRIPTION\n{}", synopsis,
                     manual ? paragraphs(manual->description) : one_paragraph(c.help) + "\n");
  if (!c.arguments.empty()) {
    out += ".SH ARGUMENTS\n";
    for (const CliOption& a : c.arguments) {
      out += fmt::format(".TP\n\\fI{}\\fR\n{}\n", escape_roff(a.value_name), one_paragraph(a.help));
    }
  }
  out += options_section("OPTIONS", c.options);
  out += fmt::format(
      ".SH GLOBAL OPTIONS\nThese may come before or after the command; see \\fB{}\\fR(1):\n",
      cli.name);
  std::string names;
  for (const CliOption& o : cli.options) {
    names += fmt::format("{}\\fB{}\\fR", names.empty() ? "" : ", ", escape_roff(o.names.back()));
  }
  out += names + ".\n";
  out += exit_status(c.footer.empty() ? cli.footer : c.footer);
  out += items_section("ENVIRONMENT", environment_variables(), true);
  if (manual) {
    out += items_section("FILES", manual->files, false);
    out += examples_section(manual->examples);
  }
  out += fmt::format(".SH SEE ALSO\n\\fB{}\\fR(1)\n", cli.name);
  return out;
}

std::string main_page(const CliModel& cli) {
  std::string help = one_paragraph(cli.help);
  // The first sentence, without the program's name, is the NAME line (whatis, apropos):
  // "iact \- checks the action plans...".
  std::string summary = help.substr(0, help.find(". "));
  if (summary.starts_with(cli.name + " ")) summary.erase(0, cli.name.size() + 1);
  if (summary.ends_with(".")) summary.pop_back();
  std::string out = header(cli, cli.name, summary);
  out += fmt::format(
      ".SH SYNOPSIS\n\\fB{}\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
      ".SH DESCRIPTION\n{}\n.PP\n{}.PP\nEach command has its own page, "
      "\\fB{}\\-\\fR\\fICOMMAND\\fR(1), and prints its options with \\fB\\-\\-help\\fR.\n"
      ".SH COMMANDS\n",
      cli.name, help, paragraphs(program_description()), cli.name);
  std::string see_also;
  for (const CliCommand& c : cli.commands) {
    out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", escape_roff(c.name), one_paragraph(c.help));
    see_also += fmt::format("{}\\fB{}\\-{}\\fR(1)", see_also.empty() ? "" : ",\n",
                            escape_roff(cli.name), escape_roff(c.name));
  }
  out += options_section("GLOBAL OPTIONS", cli.options);
  out += exit_status(cli.footer);
  out += items_section("ENVIRONMENT", environment_variables(), true);
  out += items_section("FILES", common_files(), false);
  std::vector<ManualExample> examples;
  for (const CliCommand& c : cli.commands) {
    const CommandManual* manual = command_manual(c.name);
    if (manual && !manual->examples.empty()) examples.push_back(manual->examples.front());
  }
  out += examples_section(examples);
  if (!see_also.empty()) out += ".SH SEE ALSO\n" + see_also + "\n";
  return out;
}

}  // namespace

std::vector<ManPage> man_pages(const CliModel& cli) {
  std::vector<ManPage> pages;
  pages.push_back({cli.name + ".1", main_page(cli)});
  for (const CliCommand& c : cli.commands) {
    pages.push_back({cli.name + "-" + c.name + ".1", command_page(cli, c)});
  }
  return pages;
}

}  // namespace iact
