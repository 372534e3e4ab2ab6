#include "cli/completion.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

// The global options a command's own list does not already hold (each has its own --help).
std::vector<const CliOption*> options_in(const CliModel& cli, const CliCommand* command) {
  std::vector<const CliOption*> out;
  std::set<std::string> names;
  if (command) {
    for (const CliOption& o : command->options) {
      out.push_back(&o);
      names.insert(o.names.begin(), o.names.end());
    }
  }
  for (const CliOption& o : cli.options) {
    if (std::none_of(o.names.begin(), o.names.end(),
                     [&](const std::string& n) { return names.contains(n); }))
      out.push_back(&o);
  }
  return out;
}

// What a command's arguments take: the first argument that offers anything says.
ValueKind argument_kind(const CliCommand& command, const CliOption** with_choices) {
  for (const CliOption& a : command.arguments) {
    if (a.kind == ValueKind::kText || a.kind == ValueKind::kNone) continue;
    if (a.kind == ValueKind::kChoice) *with_choices = &a;
    return a.kind;
  }
  return ValueKind::kText;
}

// --- bash ---

std::string bash_value(const CliOption& o) {
  switch (o.kind) {
    case ValueKind::kChoice:
      return fmt::format("__iact_words \"{}\"", join(o.choices, " "));
    case ValueKind::kFile:
      return "__iact_files";
    case ValueKind::kFolder:
      return "__iact_folders";
    default:
      return ":";  // a date, a code, a note: nothing to offer
  }
}

std::string bash(const CliModel& cli) {
  std::vector<std::string> names;
  for (const CliCommand& c : cli.commands) names.push_back(c.name);
  std::string values;  // what follows an option, by "command:option"
  auto add_values = [&](const std::string& pattern_command, const CliOption& o) {
    if (o.kind == ValueKind::kNone) return;
    for (const std::string& n : o.names)
      values += fmt::format("    {}:{}) {}; return ;;\n", pattern_command, n, bash_value(o));
  };
  for (const CliCommand& c : cli.commands) {
    for (const CliOption& o : c.options) add_values(c.name, o);
  }
  for (const CliOption& o : cli.options) add_values("*", o);

  std::string options;    // the options of each command, and the global ones
  std::string arguments;  // what a command's arguments take
  for (const CliCommand& c : cli.commands) {
    std::vector<std::string> words;
    for (const CliOption* o : options_in(cli, &c))
      words.insert(words.end(), o->names.begin(), o->names.end());
    options += fmt::format("      {}) options=\"{}\" ;;\n", c.name, join(words, " "));
    const CliOption* choices = nullptr;
    const ValueKind kind = argument_kind(c, &choices);
    if (kind == ValueKind::kChoice) {
      arguments +=
          fmt::format("    {}) __iact_words \"{}\" ;;\n", c.name, join(choices->choices, " "));
    } else if (kind == ValueKind::kFile) {
      arguments += fmt::format("    {}) __iact_files ;;\n", c.name);
    } else if (kind == ValueKind::kFolder) {
      arguments += fmt::format("    {}) __iact_folders ;;\n", c.name);
    }
  }
  std::vector<std::string> global;
  std::vector<std::string> with_value;  // the global options that take a value
  for (const CliOption* o : options_in(cli, nullptr)) {
    global.insert(global.end(), o->names.begin(), o->names.end());
    if (o->kind != ValueKind::kNone)
      with_value.insert(with_value.end(), o->names.begin(), o->names.end());
  }
  if (with_value.empty()) with_value.push_back("--");  // a pattern that matches no option

  return fmt::format(
      R"(# bash completion for {name}: written by `{name} completion bash` from {name}'s own command
# line. Install it as ~/.local/share/bash-completion/completions/{name} (cmake --install does).
__iact_words() {{ mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur"); }}
__iact_files() {{ compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); }}
__iact_folders() {{ compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); }}
_iact() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD - 1]}}
  local command="" options i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      {with_value}) ((i++)) ;;  # its value is not the command, whatever it is called
      -*) ;;
      {commands}) command=${{COMP_WORDS[i]}}; break ;;
    esac
  done
  COMPREPLY=()
  case $command:$prev in
{values}  esac
  if [[ $cur == -* ]]; then
    case $command in
{options}      *) options="{global}" ;;
    esac
    __iact_words "$options"
    return
  fi
  case $command in
    "") __iact_words "{words}" ;;
{arguments}  esac
}}
complete -F _iact {name}
)",
      fmt::arg("name", cli.name), fmt::arg("commands", join(names, " | ")),
      fmt::arg("values", values), fmt::arg("options", options),
      fmt::arg("global", join(global, " ")), fmt::arg("words", join(names, " ")),
      fmt::arg("with_value", join(with_value, " | ")), fmt::arg("arguments", arguments));
}

// --- zsh ---

// Inside a single-quoted zsh word.
std::string zsh_quote(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out;
}

// An option's description in _arguments' [...]: brackets escaped.
std::string zsh_description(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return zsh_quote(out);
}

// A value's message and action: ":DIR:_files -/".
std::string zsh_value(const CliOption& o) {
  std::string message = o.value_name.empty() ? "value" : o.value_name;
  std::string escaped;
  for (const char c : message) {
    if (c == ':' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::string action;
  switch (o.kind) {
    case ValueKind::kChoice:
      action = fmt::format("({})", join(o.choices, " "));
      break;
    case ValueKind::kFile:
      action = "_files";
      break;
    case ValueKind::kFolder:
      action = "_files -/";
      break;
    default:
      action = " ";  // nothing to offer
  }
  return fmt::format(":{}:{}", zsh_quote(escaped), action);
}

std::string zsh_specs(const std::vector<const CliOption*>& options,
                      const std::vector<CliOption>& arguments) {
  std::string out;
  for (const CliOption* o : options) {
    for (const std::string& n : o->names) {
      out +=
          fmt::format("    '{}{}[{}]{}'\n", o->repeatable ? "*" : "", n, zsh_description(o->help),
                      o->kind == ValueKind::kNone ? "" : zsh_value(*o));
    }
  }
  for (const CliOption& a : arguments) {
    const char* position = a.repeatable ? "*" : a.required ? "" : ":";
    out += fmt::format("    '{}{}'\n", position, zsh_value(a));
  }
  return out;
}

std::string zsh(const CliModel& cli) {
  std::string commands;
  std::string cases;
  for (const CliCommand& c : cli.commands) {
    std::string help;
    for (const char ch : c.help) help += ch == '\n' ? ' ' : ch;
    commands += fmt::format("    '{}:{}'\n", c.name, zsh_quote(help));
    cases += fmt::format("      {})\n        specs=(\n{}        ) ;;\n", c.name,
                         zsh_specs(options_in(cli, &c), c.arguments));
  }
  return fmt::format(
      R"(#compdef {name}
# zsh completion for {name}: written by `{name} completion zsh` from {name}'s own command line.
# Install it as _{name} in a folder of $fpath (cmake --install uses share/zsh/site-functions).
_iact() {{
  local curcontext=$curcontext state line ret=1
  local -a specs commands
  specs=(
{global}  )
  _arguments -C $specs '1: :->command' '*:: :->argument' && ret=0
  case $state in
    command)
      commands=(
{commands}      )
      _describe -t commands '{name} command' commands && ret=0
      ;;
    argument)
      curcontext=${{curcontext%:*:*}}:{name}-$words[1]:
      case $words[1] in
{cases}        *) return ret ;;
      esac
      _arguments $specs && ret=0
      ;;
  esac
  return ret
}}
_iact "$@"
)",
      fmt::arg("name", cli.name), fmt::arg("global", zsh_specs(options_in(cli, nullptr), {})),
      fmt::arg("commands", commands), fmt::arg("cases", cases));
}

// --- fish ---

std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "'";
}

// Folders, and no files, below what is typed.
constexpr std::string_view kFishFolders = "'(__fish_complete_directories (commandline -ct))'";

std::string fish_option(const std::string& prefix, const CliOption& o) {
  std::string line = prefix;
  for (const std::string& n : o.names) {
    line += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
  }
  switch (o.kind) {
    case ValueKind::kNone:
      break;
    case ValueKind::kChoice:
      line += " -x -a " + fish_quote(join(o.choices, " "));
      break;
    case ValueKind::kFile:
      line += " -r -F";
      break;
    case ValueKind::kFolder:
      line += " -x -a " + std::string(kFishFolders);
      break;
    default:
      line += " -x";  // a value, but nothing to offer
  }
  return line + " -d " + fish_quote(o.help) + "\n";
}

std::string fish(const CliModel& cli) {
  const std::string complete = "complete -c " + cli.name;
  std::vector<std::string> with_value;  // the global options that take a value
  for (const CliOption* o : options_in(cli, nullptr)) {
    if (o->kind != ValueKind::kNone)
      with_value.insert(with_value.end(), o->names.begin(), o->names.end());
  }
  // The command is the first word that is neither an option nor a global option's value
  // (fish's own __fish_use_subcommand would take `iact --frameworks DIR` for a command DIR).
  std::string out = fmt::format(
      "# fish completion for {0}: written by `{0} completion fish` from {0}'s own command line.\n"
      "# Install it as {0}.fish in ~/.config/fish/completions (cmake --install uses\n"
      "# share/fish/vendor_completions.d).\n"
      "function __iact_command\n"
      "    set -l skip 0\n"
      "    for word in (commandline -opc)[2..-1]\n"
      "        if test $skip = 1\n"
      "            set skip 0\n"
      "            continue\n"
      "        end\n"
      "        switch $word\n"
      "            case {2}\n"
      "                set skip 1\n"
      "            case '-*'\n"
      "            case '*'\n"
      "                echo $word\n"
      "                return 0\n"
      "        end\n"
      "    end\n"
      "    return 1\n"
      "end\n"
      "function __iact_needs_command\n"
      "    not __iact_command >/dev/null\n"
      "end\n"
      "function __iact_using_command\n"
      "    set -l command (__iact_command)\n"
      "    and test \"$command\" = $argv[1]\n"
      "end\n"
      "{1} -f\n",
      cli.name, complete, with_value.empty() ? std::string("--") : join(with_value, " "));
  for (const CliOption* o : options_in(cli, nullptr)) out += fish_option(complete, *o);
  for (const CliCommand& c : cli.commands) {
    out += fmt::format("{} -n __iact_needs_command -a {} -d {}\n", complete, c.name,
                       fish_quote(c.help));
  }
  for (const CliCommand& c : cli.commands) {
    const std::string when = fmt::format("{} -n '__iact_using_command {}'", complete, c.name);
    std::set<std::string> global;
    for (const CliOption& o : cli.options) global.insert(o.names.begin(), o.names.end());
    for (const CliOption& o : c.options) {
      if (std::any_of(o.names.begin(), o.names.end(),
                      [&](const std::string& n) { return global.contains(n); }))
        continue;  // --help: offered everywhere already
      out += fish_option(when, o);
    }
    const CliOption* choices = nullptr;
    const ValueKind kind = argument_kind(c, &choices);
    if (kind == ValueKind::kChoice) {
      out += fmt::format("{} -x -a {}\n", when, fish_quote(join(choices->choices, " ")));
    } else if (kind == ValueKind::kFile) {
      out += when + " -F\n";
    } else if (kind == ValueKind::kFolder) {
      out += when + " -x -a " + std::string(kFishFolders) + "\n";
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> completion_script(const CliModel& cli, std::string_view shell) {
  if (shell == "bash") return bash(cli);
  if (shell == "zsh") return zsh(cli);
  if (shell == "fish") return fish(cli);
  return std::nullopt;
}

}  // namespace iact
