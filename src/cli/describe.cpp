#include "cli/describe.h"

#include <fmt/format.h>

#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

// CLI11 gives an option's value name followed by its validators' descriptions:
// "text|json:{text,json}" for an IsMember check. The name is the part before them; the
// choices are the set's words, or the name's own ("bash|zsh|fish").
void read_value(const CLI::Option& opt, CliOption& out) {
  const std::string type = opt.get_type_name();
  const size_t colon = type.find(':');
  out.value_name = type.substr(0, colon);
  if (colon != std::string::npos) {
    const std::string rest = type.substr(colon + 1);
    if (rest.size() > 2 && rest.front() == '{' && rest.back() == '}') {
      std::string words = rest.substr(1, rest.size() - 2);
      for (char& c : words) c = c == ',' ? '|' : c;
      out.choices = choices_in(words);
    }
  }
  if (out.choices.empty()) out.choices = choices_in(out.value_name);
}

CliOption describe_option(const CLI::Option& opt) {
  CliOption out;
  for (const std::string& s : opt.get_snames()) out.names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) out.names.push_back("--" + l);
  out.help = opt.get_description();
  out.required = opt.get_required();
  if (opt.get_items_expected_max() == 0) return out;  // a flag
  read_value(opt, out);
  out.kind = out.choices.empty() ? kind_of_value(out.value_name) : ValueKind::kChoice;
  out.repeatable = opt.get_items_expected_max() > 1;
  return out;
}

CliOption describe_argument(const CLI::Option& opt) {
  CliOption out;
  out.names.push_back(opt.get_name(true));
  out.help = opt.get_description();
  out.required = opt.get_required();
  read_value(opt, out);
  // An argument's type is CLI11's ("TEXT"); its name says what it is ("PATH", "PLANS_DIR").
  out.value_name = out.names.front();
  out.kind = out.choices.empty() ? kind_of_value(out.value_name) : ValueKind::kChoice;
  out.repeatable = opt.get_items_expected_max() > 1;
  return out;
}

void describe_options(const CLI::App& app, std::vector<CliOption>& options,
                      std::vector<CliOption>* arguments) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    if (opt->nonpositional()) {
      options.push_back(describe_option(*opt));
    } else if (arguments) {
      arguments->push_back(describe_argument(*opt));
    }
  }
}

}  // namespace

CliModel describe_cli(const CLI::App& app, std::string version) {
  CliModel model;
  model.name = app.get_name();
  model.version = std::move(version);
  model.help = app.get_description();
  model.footer = app.get_footer();
  describe_options(app, model.options, nullptr);
  // get_subcommands() with no filter gives only the ones given on this command line.
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden: a tool for the build, not for users
    CliCommand command;
    command.name = sub->get_name();
    command.help = sub->get_description();
    command.footer = sub->get_footer();
    describe_options(*sub, command.options, &command.arguments);
    model.commands.push_back(std::move(command));
  }
  return model;
}

std::string unknown_command_message(const CLI::App& app) {
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->parsed()) return "";  // a command was given: the problem is elsewhere
    if (!sub->get_group().empty()) commands.push_back(sub->get_name());
  }
  const std::vector<std::string> left = app.remaining();
  if (left.empty() || left.front().empty() || left.front().front() == '-') return "";
  const std::string& word = left.front();
  const std::optional<std::string> near = closest_match(word, commands);
  return fmt::format("{}: '{}' is not a command; {}\nRun {} --help for what each does.\n",
                     app.get_name(), word,
                     near ? fmt::format("did you mean '{}'?", *near)
                          : fmt::format("the commands are {}", join(commands)),
                     app.get_name());
}

}  // namespace iact
