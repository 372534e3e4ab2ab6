#include "write/status.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "plan/date.h"
#include "util/escape.h"
#include "util/text.h"

namespace iact {

namespace {

constexpr std::array<const char*, 5> kAnsi = {"\033[34m", "\033[31m", "\033[33m", "\033[32m",
                                              "\033[90m"};
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

class Painter {
 public:
  explicit Painter(bool colour) : colour_(colour) {}
  std::string brag(Brag b, const std::string& text) const {
    return colour_ ? fmt::format("{}{}{}", kAnsi[static_cast<size_t>(b)], text, kReset) : text;
  }
  std::string bold(const std::string& text) const {
    return colour_ ? fmt::format("{}{}{}", kBold, text, kReset) : text;
  }

 private:
  bool colour_;
};

// "  3    1      0 ..." under the header of count_header(); zeros are dimmed to a dot so the
// numbers that matter stand out.
std::string counts_cells(const BragCounts& c, const Painter& paint) {
  std::string out;
  for (Brag b : kBragOrder) {
    const int n = c[b];
    const std::string cell = fmt::format("{:>6}", n == 0 ? std::string(".") : std::to_string(n));
    out += n == 0 ? cell : paint.brag(b, cell);
  }
  return out + fmt::format("{:>7}", c.total());
}

std::string count_header() {
  std::string out;
  for (Brag b : kBragOrder) out += fmt::format("{:>6}", name_of(b));
  return out + fmt::format("{:>7}", "Total");
}

// Cuts `raw` to `width` characters (UTF-8 aware) with an ellipsis, as a terminal shows it.
std::string fit(const std::string& raw, size_t width) {
  const std::string text = terminal_text(raw);
  size_t chars = 0, i = 0, cut = std::string::npos;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == width - 1) cut = i;
    if (++chars > width) break;
  }
  if (chars <= width) return text + std::string(width - chars, ' ');
  return text.substr(0, cut) + "…";
}

// "2 actions declared on track and 1 declared not started are": what each was declared,
// never a status the plans did not give.
std::string declared_list(const SystemView& view) {
  std::map<Status, int> by;
  for (size_t r : view.contradictions) ++by[view.rows[r].state.status];
  std::vector<std::string> parts;
  for (const auto& [status, n] : by) {
    std::string word(name_of(status));
    std::replace(word.begin(), word.end(), '-', ' ');
    parts.push_back(parts.empty() ? fmt::format("{} declared {}", count_of(n, "action"), word)
                                  : fmt::format("{} declared {}", n, word));
  }
  const std::string last = parts.back();
  parts.pop_back();
  return (parts.empty() ? last : join(parts, ", ") + " and " + last) +
         (view.contradictions.size() == 1 ? " is" : " are");
}

std::string title_of(const Action& a) {
  return a.title ? a.title->value : std::string();
}

}  // namespace

void write_status_text(const SystemView& view, std::ostream& out, const StatusStyle& style) {
  const Painter paint(style.colour);
  const std::string lead_name =
      view.lead->organisation.name ? view.lead->organisation.name->value : view.name;
  out << paint.bold(terminal_text(fmt::format("{} — {}", view.name, lead_name))) << '\n';
  out << fmt::format("as of {}", display(view.as_of));
  if (view.period) {
    // A local timeline may have been found in a folder above the plans: say which.
    out << fmt::format(", period {} ({}due {})", terminal_text(view.period->id),
                       view.period->local()
                           ? fmt::format("local, from {}, ", terminal_text(view.period->local_file))
                           : std::string(),
                       display(view.period->due));
  } else if (view.previous) {
    out << fmt::format(", after the last period, {} (due {}); no later period is set",
                       terminal_text(view.previous->id), display(view.previous->due));
  }
  out << "\n\n";

  constexpr size_t kNameWidth = 34;
  out << fit("Organisation", kNameWidth) << count_header() << '\n';
  for (const OrgView& org : view.orgs) {
    const bool say_icb = org.is_icb && org.label.find("ICB") == std::string::npos;
    out << fit(org.label + (say_icb ? " (ICB)" : ""), kNameWidth)
        << counts_cells(org.actions.counts, paint) << '\n';
    if (org.groups.size() > 1) {
      for (const GroupView& g : org.groups) {
        out << fit("  " + (g.name.empty() ? std::string("(no group)") : g.name), kNameWidth)
            << counts_cells(g.actions.counts, paint) << '\n';
      }
    }
  }
  if (view.orgs.size() > 1) {
    out << fit("System", kNameWidth) << counts_cells(view.all.counts, paint) << '\n';
  }

  for (const FrameworkView& f : view.frameworks) {
    out << '\n'
        << paint.bold(fmt::format("{}: {} of {} items have actions", f.framework->id, f.covered(),
                                  f.items.size()))
        << '\n';
    for (const ItemView& item : f.items) {
      out << fit("  " + item.item->id, kNameWidth);
      if (item.gap()) {
        out << paint.brag(Brag::kRed, "   gap: no action addresses this item") << '\n';
        continue;
      }
      out << counts_cells(item.actions.counts, paint);
      if (!item.uncovered_expectations.empty()) {
        out << fmt::format("  ({} of {} expectations uncovered)",
                           item.uncovered_expectations.size(), item.expectations);
      }
      out << '\n';
    }
  }

  out << '\n';
  if (view.overdue.empty()) {
    out << "No overdue actions.\n";
  } else {
    out << paint.bold(fmt::format("Overdue ({}):", view.overdue.size())) << '\n';
    for (size_t r : view.overdue) {
      const ActionRow& row = view.rows[r];
      out << fmt::format("  {:<6} {:<10} due {:<12} ", terminal_text(row.org),
                         terminal_text(row.id), display(*row.state.due))
          << fit(title_of(*row.action), 60) << '\n';
    }
  }
  if (!view.replanned.empty()) {
    out << paint.bold(
               fmt::format("Re-planned later than first agreed ({}):", view.replanned.size()))
        << '\n';
    for (size_t r : view.replanned) {
      const ActionRow& row = view.rows[r];
      out << fmt::format("  {:<6} {:<10} due {:<12} was {:<12} ", terminal_text(row.org),
                         terminal_text(row.id), display(*row.state.due),
                         display(*row.state.baseline))
          << fit(title_of(*row.action), 48) << '\n';
    }
  }
  if (!view.contradictions.empty()) {
    out << fmt::format("{} computed Red (`iact validate` shows where).\n", declared_list(view));
  }
}

nlohmann::json status_json(const SystemView& view) {
  auto counts = [](const BragCounts& c) {
    nlohmann::json j = nlohmann::json::object();
    for (Brag b : kBragOrder) j[std::string(name_of(b))] = c[b];
    j["total"] = c.total();
    return j;
  };
  nlohmann::json j;
  j["system"] = view.name;
  j["as_of"] = view.as_of.iso();
  j["period"] = view.period ? nlohmann::json(view.period->id) : nlohmann::json();
  j["period_local"] = view.period && view.period->local();
  j["totals"] = counts(view.all.counts);
  j["organisations"] = nlohmann::json::array();
  for (const OrgView& org : view.orgs) {
    nlohmann::json o{{"label", org.label},
                     {"name", org.name},
                     {"file", org.plan->file},
                     {"counts", counts(org.actions.counts)},
                     {"groups", nlohmann::json::array()}};
    for (const GroupView& g : org.groups)
      o["groups"].push_back({{"name", g.name}, {"counts", counts(g.actions.counts)}});
    j["organisations"].push_back(std::move(o));
  }
  j["frameworks"] = nlohmann::json::array();
  for (const FrameworkView& f : view.frameworks) {
    nlohmann::json fj{
        {"id", f.framework->id}, {"items", nlohmann::json::array()}, {"covered", f.covered()}};
    for (const ItemView& item : f.items) {
      nlohmann::json uncovered = nlohmann::json::array();
      for (const FrameworkItem* e : item.uncovered_expectations) uncovered.push_back(e->id);
      fj["items"].push_back({{"id", item.item->id},
                             {"title", item.item->title},
                             {"counts", counts(item.actions.counts)},
                             {"gap", item.gap()},
                             {"uncovered_expectations", uncovered}});
    }
    j["frameworks"].push_back(std::move(fj));
  }
  j["overdue"] = nlohmann::json::array();
  for (size_t r : view.overdue) {
    const ActionRow& row = view.rows[r];
    j["overdue"].push_back({{"organisation", row.org},
                            {"id", row.id},
                            {"due", row.state.due->date.iso()},
                            {"title", title_of(*row.action)}});
  }
  j["replanned"] = nlohmann::json::array();
  for (size_t r : view.replanned) {
    const ActionRow& row = view.rows[r];
    j["replanned"].push_back({{"organisation", row.org},
                              {"id", row.id},
                              {"due", plan_form(*row.state.due)},
                              {"first_agreed", plan_form(*row.state.baseline)}});
  }
  j["contradictions"] = view.contradictions.size();
  return j;
}

}  // namespace iact
