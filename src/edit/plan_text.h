// Editing a plan file as text, so that everything not edited stays exactly as it was:
// comments, key order, quoting, blank lines, line endings. `iact import --into`, `iact
// apply` and `iact update` change plans only through this. The file is re-parsed after each
// edit, and an edit that would need a shape it cannot change in place (an action written
// inline as { ... }) is refused with the reason rather than rewriting the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/diagnostic.h"
#include "plan/yaml_tree.h"

namespace iact {

class PlanText {
 public:
  // Parses `text`; problems go to `diags` and ok() is false.
  PlanText(std::string text, std::string display, Diagnostics& diags);

  bool ok() const { return root_.has_value(); }
  std::string text() const;
  const YamlNode& root() const { return *root_; }

  // The mapping of the action with this id, or null.
  const YamlNode* action(std::string_view id) const;

  // Sets `key` of the action to `value` (YAML text for one line, as yaml_scalar() makes it,
  // or a flow list). An existing value is replaced where it stands, keeping a comment after
  // it; a new key goes after whichever of `after` comes last in the action (else at its end).
  bool set_action_field(std::string_view id, std::string_view key, std::string_view value,
                        const std::vector<std::string_view>& after, std::string& error);

  // Removes `key` of the action (its line, and any lines of its value beneath it); nothing to
  // do if the action has none.
  bool remove_action_field(std::string_view id, std::string_view key, std::string& error);

  // Appends an item to the action's list `key` (`updates`, `evidence`), creating the list if
  // the action has none (after the last of `after`). `item` is the item's YAML without the
  // dash: its first line follows "- ", the others are indented beneath it. A list written on
  // one line ([a, b]) takes a one-line item before its closing bracket; `item` must then be
  // safe inside brackets (yaml_flow_scalar()).
  bool append_to_action_list(std::string_view id, std::string_view key, std::string_view item,
                             const std::vector<std::string_view>& after, std::string& error);

  // Appends whole actions (`block`: "  - id: ...\n    title: ...\n", as action_yaml()
  // writes them) to the end of `actions:`, re-indented to the file's own indentation.
  bool append_actions(std::string_view block, std::string& error);

  // The lines of the text, without line endings, and how it ends them.
  const std::vector<std::string>& lines() const { return lines_; }
  const std::string& eol() const { return eol_; }
  bool final_newline() const { return final_newline_; }

  // Each action written one key a line under its dash (`- id: A-1`), with the 0-based lines
  // it spans (from its first key to its last line): what PlanActions cuts out.
  struct ActionLines {
    std::string id;
    size_t first = 0;
    size_t last = 0;
  };
  std::vector<ActionLines> action_lines() const;

 private:
  struct Region {
    size_t first = 0;  // 0-based lines, inclusive
    size_t last = 0;
  };
  bool reparse(std::string& error);
  Region entry_region(const YamlEntry& e) const;
  size_t map_last_line(const YamlNode& map) const;
  size_t indent_of(size_t line) const;
  bool blank_or_comment(size_t line) const;
  size_t insertion_line(const YamlNode& map, const std::vector<std::string_view>& after) const;

  std::vector<std::string> lines_;
  std::string eol_ = "\n";
  bool final_newline_ = true;
  std::string display_;
  std::optional<YamlNode> root_;
};

// A plan's text cut at its actions, so that answers to many actions each cost the action's
// own lines, not the whole plan's (`iact apply` on a plan of thousands of actions): the plan
// is parsed once; an action is cut out as a plan of its own (`actions:` and its lines),
// edited as a PlanText, and put back; text() joins the pieces.
class PlanActions {
 public:
  PlanActions(std::string text, std::string display, Diagnostics& diags);

  bool ok() const { return ok_; }
  std::string text() const;

  // The action's lines as a plan of their own, to edit with PlanText; nothing (and `error`
  // says why) if the plan has no action of that id written one key a line under its dash.
  std::optional<PlanText> cut(std::string_view id, std::string& error) const;
  // Puts an action cut out with cut() and edited back in its place.
  void put(std::string_view id, const PlanText& edited);

 private:
  std::string display_;
  bool ok_ = false;
  std::string eol_ = "\n";
  bool final_newline_ = true;
  std::vector<std::vector<std::string>> pieces_;      // lines between actions, and each action's
  std::unordered_map<std::string, size_t> piece_of_;  // action id -> its piece
};

}  // namespace iact
