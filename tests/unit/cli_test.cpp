#include <gtest/gtest.h>

#include "cli/cli_model.h"
#include "cli/completion.h"
#include "cli/man_page.h"

namespace iact {
namespace {

CliOption option(std::vector<std::string> names, std::string help, std::string value = "",
                 ValueKind kind = ValueKind::kNone, std::vector<std::string> choices = {}) {
  CliOption o;
  o.names = std::move(names);
  o.help = std::move(help);
  o.value_name = std::move(value);
  o.kind = kind;
  o.choices = std::move(choices);
  return o;
}

CliModel sample() {
  CliModel cli;
  cli.name = "iact";
  cli.version = "1.2.3";
  cli.help = "iact checks plans. It writes papers.";
  cli.footer = "Exit codes: 0 success.";
  cli.options.push_back(
      option({"--frameworks"}, "Folder of frameworks", "DIR", ValueKind::kFolder));
  cli.options.push_back(option({"-h", "--help"}, "Print this help message and exit"));
  CliCommand validate;
  validate.name = "validate";
  validate.help = "Check plans: every problem";
  validate.options.push_back(option({"-h", "--help"}, "Print this help message and exit"));
  validate.options.push_back(
      option({"--format"}, "Output format", "text|json", ValueKind::kChoice, {"text", "json"}));
  validate.options.push_back(
      option({"--as-of"}, "Judge dates as of this day", "YYYY-MM-DD", ValueKind::kText));
  validate.options.push_back(option({"-q", "--quiet"}, ".starts with a dot, and it's \\ odd [x]"));
  CliOption paths = option({"PATH"}, "Plan files", "PATH", ValueKind::kFile);
  paths.repeatable = true;
  validate.arguments.push_back(paths);
  cli.commands.push_back(validate);
  CliCommand completion;
  completion.name = "completion";
  completion.help = "Print a completion script";
  CliOption shell =
      option({"SHELL"}, "bash, zsh or fish", "SHELL", ValueKind::kChoice, {"bash", "zsh", "fish"});
  shell.required = true;
  completion.arguments.push_back(shell);
  cli.commands.push_back(completion);
  return cli;
}

TEST(CliModel, ChoicesComeFromValueNamesThatListWords) {
  EXPECT_EQ(choices_in("text|json"), (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(choices_in("docx,pdf,html,md"),
            (std::vector<std::string>{"docx", "pdf", "html", "md"}));
  EXPECT_TRUE(choices_in("ITEM,...").empty());
  EXPECT_TRUE(choices_in("YYYY-MM-DD").empty());
  EXPECT_TRUE(choices_in("json").empty());
}

TEST(CliModel, ValueNamesSayWhatToOffer) {
  EXPECT_EQ(kind_of_value("trust|icb"), ValueKind::kChoice);
  EXPECT_EQ(kind_of_value("DIR"), ValueKind::kFolder);
  EXPECT_EQ(kind_of_value("PLANS_DIR"), ValueKind::kFolder);
  EXPECT_EQ(kind_of_value("FILE"), ValueKind::kFile);
  EXPECT_EQ(kind_of_value("PLAN.yaml"), ValueKind::kFile);
  EXPECT_EQ(kind_of_value("PATH"), ValueKind::kFile);
  EXPECT_EQ(kind_of_value("YYYY-MM-DD"), ValueKind::kText);
  EXPECT_EQ(kind_of_value("ACTION"), ValueKind::kText);
}

TEST(Completion, OnlyTheThreeShells) {
  EXPECT_TRUE(completion_script(sample(), "bash"));
  EXPECT_TRUE(completion_script(sample(), "zsh"));
  EXPECT_TRUE(completion_script(sample(), "fish"));
  EXPECT_FALSE(completion_script(sample(), "tcsh"));
}

TEST(Completion, BashOffersChoicesFilesAndNothingForText) {
  const std::string bash = *completion_script(sample(), "bash");
  EXPECT_NE(bash.find("validate | completion) command="), std::string::npos) << bash;
  EXPECT_NE(bash.find("validate:--format) __iact_words \"text json\"; return ;;"),
            std::string::npos);
  EXPECT_NE(bash.find("validate:--as-of) :; return ;;"), std::string::npos);
  EXPECT_NE(bash.find("*:--frameworks) __iact_folders; return ;;"), std::string::npos);
  // The command's own --help, then the global options it lacks (not --help twice).
  EXPECT_NE(bash.find("validate) options=\"-h --help --format --as-of -q --quiet --frameworks\""),
            std::string::npos);
  EXPECT_NE(bash.find("completion) __iact_words \"bash zsh fish\" ;;"), std::string::npos);
  EXPECT_NE(bash.find("complete -F _iact iact"), std::string::npos);
}

TEST(Completion, ZshEscapesBracketsQuotesAndColons) {
  const std::string zsh = *completion_script(sample(), "zsh");
  EXPECT_TRUE(zsh.starts_with("#compdef iact\n"));
  EXPECT_NE(zsh.find("'--format[Output format]:text|json:(text json)'"), std::string::npos);
  EXPECT_NE(zsh.find("'--quiet[.starts with a dot, and it'\\''s \\\\ odd \\[x\\]]'"),
            std::string::npos)
      << zsh;
  EXPECT_NE(zsh.find("'*:PATH:_files'"), std::string::npos);
  EXPECT_NE(zsh.find("':SHELL:(bash zsh fish)'"), std::string::npos);
  EXPECT_NE(zsh.find("'validate:Check plans: every problem'"), std::string::npos);
}

TEST(Completion, FishOffersOptionsPerCommand) {
  const std::string fish = *completion_script(sample(), "fish");
  EXPECT_NE(fish.find("complete -c iact -n '__iact_using_command validate' -l format -x "
                      "-a 'text json' -d 'Output format'"),
            std::string::npos)
      << fish;
  EXPECT_NE(fish.find("-s q -l quiet -d '.starts with a dot, and it\\'s \\\\ odd [x]'"),
            std::string::npos);
  // A folder goes after --frameworks: folders only, not files.
  EXPECT_NE(fish.find("complete -c iact -l frameworks -x -a '(__fish_complete_directories "
                      "(commandline -ct))'"),
            std::string::npos);
  EXPECT_NE(fish.find("complete -c iact -n __iact_needs_command -a completion"),
            std::string::npos);
  EXPECT_EQ(fish.find("__iact_using_command validate' -s h"), std::string::npos);
  // Finding the command skips the values of the global options that take one.
  EXPECT_NE(fish.find("            case --frameworks\n                set skip 1\n"),
            std::string::npos);
}

TEST(ManPage, OnePerCommandAndOneForIact) {
  const std::vector<ManPage> pages = man_pages(sample());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].file, "iact.1");
  EXPECT_EQ(pages[1].file, "iact-validate.1");
  EXPECT_EQ(pages[2].file, "iact-completion.1");
  EXPECT_NE(pages[0].text.find(".SH NAME\niact \\- checks plans\n"), std::string::npos)
      << pages[0].text;
  EXPECT_NE(pages[0].text.find(".TP\n\\fBvalidate\\fR\nCheck plans: every problem\n"),
            std::string::npos);
  EXPECT_NE(pages[0].text.find("\\fBiact\\-validate\\fR(1)"), std::string::npos);
  EXPECT_NE(pages[0].text.find(".SH EXIT STATUS\n.TP\n.B 0\nSuccess.\n"), std::string::npos)
      << pages[0].text;
}

TEST(ManPage, ExitStatusIsTheCommandsOwnAsAListWhenItHasOne) {
  CliModel cli = sample();
  cli.commands[0].footer =
      "Exit codes: 0 written (notes, if any, leave it 0), 1 written, but a system was left out, "
      "2 usage or I/O error: nothing written.";
  cli.commands[1].footer = "Exits 3 on Tuesdays.";  // not a list of codes: said as it is
  const std::vector<ManPage> pages = man_pages(cli);
  EXPECT_NE(pages[1].text.find(".SH EXIT STATUS\n.TP\n.B 0\nWritten (notes, if any, leave it "
                               "0).\n.TP\n.B 1\nWritten, but a system was left out.\n.TP\n.B 2\n"
                               "Usage or I/O error: nothing written.\n.SH"),
            std::string::npos)
      << pages[1].text;
  EXPECT_NE(pages[2].text.find(".SH EXIT STATUS\nExits 3 on Tuesdays.\n"), std::string::npos);
  EXPECT_NE(pages[0].text.find(".SH EXIT STATUS\n.TP\n.B 0\nSuccess.\n"), std::string::npos);
}

TEST(ManPage, DatedByTheModel) {
  CliModel cli = sample();
  cli.date = "2026-03-31";
  EXPECT_TRUE(man_pages(cli)[1].text.starts_with(
      ".TH IACT\\-VALIDATE 1 \"2026-03-31\" \"iact 1.2.3\" \"iact manual\"\n"));
}

TEST(ManPage, CommandPageHasSynopsisArgumentsAndEscapedOptions) {
  const std::string page = man_pages(sample())[1].text;
  EXPECT_TRUE(page.starts_with(".TH IACT\\-VALIDATE 1 \"\" \"iact 1.2.3\" \"iact manual\"\n.nh\n"));
  EXPECT_NE(page.find(".SH NAME\niact\\-validate \\- Check plans: every problem\n"),
            std::string::npos);
  EXPECT_NE(page.find(".SH SYNOPSIS\n\\fBiact validate\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".TP\n\\fB\\-\\-format\\fR \\fItext|json\\fR\nOutput format\n"),
            std::string::npos);
  // A help line starting with a dot would be a roff request; a backslash an escape.
  EXPECT_NE(page.find("\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR\n\\&.starts with a dot, and it's \\e odd"),
            std::string::npos);
  const std::string completion = man_pages(sample())[2].text;
  EXPECT_NE(completion.find("[\\fIOPTIONS\\fR] \\fISHELL\\fR\n"), std::string::npos) << completion;
}

}  // namespace
}  // namespace iact
