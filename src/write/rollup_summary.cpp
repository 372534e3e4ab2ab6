#include "write/rollup_summary.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/escape.h"
#include "util/text.h"
#include "write/chart.h"
#include "write/html.h"

namespace iact {

namespace {

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string coverage_text(const SystemSummary& s, const FrameworkCoverage& f) {
  for (const FrameworkCoverage& c : s.coverage) {
    if (c.id == f.id) return fmt::format("{} of {}", c.covered, c.items);
  }
  return "not answered";
}

std::string returns_text(const RollupJob& job, const SystemSummary& s) {
  return job.returns->found.count(s.code) ? "Yes" : "No";
}

std::string period_words(const Rollup& r) {
  return r.period.empty() ? "" : fmt::format(", for the {} return", r.period);
}

}  // namespace

std::vector<std::string> rollup_sentences(const Rollup& r, const RollupJob& job) {
  std::vector<std::string> out;
  const int n = static_cast<int>(r.systems.size());
  out.push_back(fmt::format(
      "{} across {}: {} complete, {} Red, {} Amber, {} Green and {} not yet started.",
      count_of(r.counts.total(), "action"), count_of(n, "system"), r.counts[Brag::kBlue],
      r.counts[Brag::kRed], r.counts[Brag::kAmber], r.counts[Brag::kGreen], r.counts[Brag::kGrey]));
  std::vector<const SystemSummary*> red;
  for (const SystemSummary& s : r.systems) {
    if (s.counts[Brag::kRed] > 0) red.push_back(&s);
  }
  if (!red.empty()) {
    std::sort(red.begin(), red.end(), [](const SystemSummary* a, const SystemSummary* b) {
      return a->counts[Brag::kRed] > b->counts[Brag::kRed];
    });
    const std::string who =
        static_cast<int>(red.size()) == n
            ? (n == 1 ? std::string("The system has") : fmt::format("All {} systems have", n))
            : fmt::format("{} of the {} systems {}", red.size(), n,
                          red.size() == 1 ? "has" : "have");
    out.push_back(fmt::format("{} Red actions; the most are in {} ({}).", who, red.front()->name,
                              red.front()->counts[Brag::kRed]));
  } else if (n > 0) {
    out.push_back("No system has a Red action.");
  }
  std::vector<std::string> nobody, some;
  for (const ItemAcross& i : r.items) {
    if (i.addressed == 0) {
      nobody.push_back(i.title);
    } else if (!i.gaps.empty()) {
      some.push_back(i.title);
    }
  }
  if (!nobody.empty())
    out.push_back(fmt::format("No system has an action on {}.", list_of(nobody)));
  if (!some.empty())
    out.push_back(fmt::format("{} {} no action in at least one system.",
                              count_of(static_cast<int>(some.size()), "framework item"),
                              some.size() == 1 ? "has" : "have"));
  if (job.returns) {
    std::vector<std::string> missing;
    for (const SystemSummary& s : r.systems) {
      if (!job.returns->found.count(s.code)) missing.push_back(s.name);
    }
    out.push_back(missing.empty()
                      ? fmt::format("Every system's return has been received.")
                      : fmt::format("Returns received from {} of {}; not yet from {}.",
                                    n - static_cast<int>(missing.size()), n, list_of(missing)));
  }
  if (r.trend.size() >= 2) {
    const TrendPoint& first = r.trend.front();
    const TrendPoint& now = r.trend.back();
    auto change = [](const char* what, int from, int to) {
      return from == to ? fmt::format("{} actions stayed at {}", what, to)
                        : fmt::format("{} actions went from {} to {}", what, from, to);
    };
    out.push_back(
        fmt::format("Since the {} return, {} and {}.", month_year(first.date),
                    change("complete", first.counts[Brag::kBlue], now.counts[Brag::kBlue]),
                    change("Red", first.counts[Brag::kRed], now.counts[Brag::kRed])));
  }
  return out;
}

std::string rollup_markdown(const Rollup& r, const RollupJob& job) {
  const std::vector<FrameworkCoverage> frameworks = frameworks_across(r);
  std::string md =
      fmt::format("# {}\n\nAs of {}{}; made from {}.\n\n", escape_markdown(job.title),
                  display_long(r.as_of), period_words(r), escape_markdown(job.made_from));
  for (const std::string& s : rollup_sentences(r, job)) md += escape_markdown(s) + "\n\n";

  md +=
      "## Systems\n\n| ICB | Region | Blue | Red | Amber | Green | Grey | Total | Overdue | "
      "Re-planned |";
  std::string rule = "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|";
  for (const FrameworkCoverage& f : frameworks) {
    md += fmt::format(" {} |", escape_markdown(f.title));
    rule += ":--|";
  }
  md += " Last update |";
  rule += ":--|";
  if (job.returns) {
    md += " Return |";
    rule += ":--|";
  }
  md += "\n" + rule + "\n";
  for (const SystemSummary& s : r.systems) {
    md += fmt::format("| {} ({}) | {} |", escape_markdown(s.name), escape_markdown(s.code),
                      escape_markdown(s.region));
    for (Brag b : kBragOrder) md += fmt::format(" {} |", s.counts[b]);
    md += fmt::format(" {} | {} | {} |", s.counts.total(), s.overdue, s.replanned);
    for (const FrameworkCoverage& f : frameworks) md += fmt::format(" {} |", coverage_text(s, f));
    md += fmt::format(" {} |", s.last_update ? display(*s.last_update) : std::string("none"));
    if (job.returns) md += fmt::format(" {} |", returns_text(job, s));
    md += "\n";
  }
  md += "\n## Framework items\n";
  for (const FrameworkCoverage& f : frameworks) {
    md += fmt::format(
        "\n### {}\n\n| Item | Systems addressing it | Red in | No action in |\n"
        "|:--|--:|:--|:--|\n",
        escape_markdown(f.title));
    for (const ItemAcross& i : r.items) {
      if (i.framework != f.id) continue;
      md += fmt::format("| {} | {} of {} | {} | {} |\n", escape_markdown(i.title), i.addressed,
                        i.addressed + i.gaps.size(), escape_markdown(list_of(i.red_in)),
                        escape_markdown(list_of(i.gaps)));
    }
  }
  if (!r.trend.empty()) {
    md +=
        "\n## Progress across the systems\n\n| | Blue | Red | Amber | Green | Grey | Total |\n"
        "|:--|--:|--:|--:|--:|--:|--:|\n";
    for (const TrendPoint& p : r.trend) {
      md += fmt::format("| {} |", escape_markdown(trend_label(r.trend, p)));
      for (Brag b : kBragOrder) md += fmt::format(" {} |", p.counts[b]);
      md += fmt::format(" {} |\n", p.counts.total());
    }
  }
  return md;
}

std::string rollup_html(const Rollup& r, const RollupJob& job) {
  const std::vector<FrameworkCoverage> frameworks = frameworks_across(r);
  std::string body =
      fmt::format("<p class=\"lede\">As of {}{}; made from {}.</p>\n", display_long(r.as_of),
                  html_text(period_words(r)), html_text(job.made_from));
  for (const std::string& s : rollup_sentences(r, job)) body += "<p>" + html_text(s) + "</p>\n";

  body +=
      "<h2>Systems</h2>\n<table class=\"sortable\">\n<caption>Each system's actions by BRAG "
      "status, and how many of each framework's items it has an action on</caption>\n"
      "<thead><tr><th scope=\"col\">ICB</th><th scope=\"col\">Region</th>" +
      brag_header_cells() +
      "<th scope=\"col\" class=\"n\">Overdue</th><th scope=\"col\" class=\"n\">Re-planned</th>";
  for (const FrameworkCoverage& f : frameworks)
    body += "<th scope=\"col\">" + html_text(f.title) + "</th>";
  body += "<th scope=\"col\">Last update</th>";
  if (job.returns) body += "<th scope=\"col\">Return received</th>";
  body += "</tr></thead>\n<tbody>\n";
  for (const SystemSummary& s : r.systems) {
    body += fmt::format(
        "<tr><th scope=\"row\">{} ({})</th><td>{}</td>{}<td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td>",
        html_text(s.name), html_text(s.code), html_text(s.region), brag_count_cells(s.counts),
        s.overdue, s.replanned);
    for (const FrameworkCoverage& f : frameworks) body += "<td>" + coverage_text(s, f) + "</td>";
    body += fmt::format("<td data-sort=\"{}\">{}</td>", s.last_update ? s.last_update->iso() : "",
                        s.last_update ? display(*s.last_update) : "none");
    if (job.returns) body += "<td>" + returns_text(job, s) + "</td>";
    body += "</tr>\n";
  }
  body += "</tbody>\n</table>\n";

  body += "<h2>Framework items</h2>\n";
  for (const FrameworkCoverage& f : frameworks) {
    body += fmt::format(
        "<table class=\"sortable\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Item</th>"
        "<th scope=\"col\" class=\"n\">Systems addressing it</th><th scope=\"col\">Red in</th>"
        "<th scope=\"col\">No action in</th></tr></thead>\n<tbody>\n",
        html_text(f.title));
    for (const ItemAcross& i : r.items) {
      if (i.framework != f.id) continue;
      body += fmt::format(
          "<tr><th scope=\"row\">{}</th><td class=\"n\" data-sort=\"{}\">{} of {}</td>"
          "<td>{}</td><td>{}</td></tr>\n",
          html_text(i.title), i.addressed, i.addressed, i.addressed + i.gaps.size(),
          html_text(list_of(i.red_in)), html_text(list_of(i.gaps)));
    }
    body += "</tbody>\n</table>\n";
  }
  if (!r.trend.empty()) {
    body +=
        "<h2>Progress across the systems</h2>\n<table>\n<caption>Every system's actions by "
        "BRAG status at each return and now</caption>\n<thead><tr><td></td>" +
        brag_header_cells() + "</tr></thead>\n<tbody>\n";
    for (const TrendPoint& p : r.trend) {
      body += "<tr><th scope=\"row\">" + html_text(trend_label(r.trend, p)) + "</th>" +
              brag_count_cells(p.counts) + "</tr>\n";
    }
    body += "</tbody>\n</table>\n<figure>" + trend_chart_svg(r.trend) + "</figure>\n";
  }
  HtmlPage page;
  page.title = job.title;
  page.body = body;
  page.footer = fmt::format("Made by iact as of {}.", display_long(r.as_of));
  page.script = sortable_tables_script();
  return html_page(page);
}

}  // namespace iact
