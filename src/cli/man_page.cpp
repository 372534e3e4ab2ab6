#include "cli/man_page.h"

#include <cctype>

#include <fmt/format.h>

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

// A page's header. No date: the same sources give the same page (the version says which).
std::string header(const CliModel& cli, const std::string& page, const std::string& summary) {
  std::string upper;
  for (const char c : page) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // .nh: no hyphenation, which would split option names across lines.
  return fmt::format(".TH {} 1 \"\" \"{} {}\" \"{} manual\"\n.nh\n.SH NAME\n{} \\- {}\n",
                     escape_roff(upper), cli.name, cli.version, cli.name, escape_roff(page),
                     summary);
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

std::string exit_status(const CliModel& cli) {
  if (cli.footer.empty()) return "";
  return fmt::format(".SH EXIT STATUS\n{}\n", one_paragraph(cli.footer));
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
  out += fmt::format(".SH SYNOPSIS\n{}\n.SH DESCRIPTION\n{}\n", synopsis, one_paragraph(c.help));
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
  out += exit_status(cli);
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
      ".SH DESCRIPTION\n{}\n.PP\nEach command has its own page, \\fB{}\\-\\fR\\fICOMMAND\\fR(1), "
      "and prints its options with \\fB\\-\\-help\\fR.\n.SH COMMANDS\n",
      cli.name, help, cli.name);
  std::string see_also;
  for (const CliCommand& c : cli.commands) {
    out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", escape_roff(c.name), one_paragraph(c.help));
    see_also += fmt::format("{}\\fB{}\\-{}\\fR(1)", see_also.empty() ? "" : ",\n",
                            escape_roff(cli.name), escape_roff(c.name));
  }
  out += options_section("GLOBAL OPTIONS", cli.options);
  out += exit_status(cli);
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
