#include "write/site.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/text.h"
#include "write/chart.h"
#include "write/html.h"
#include "write/rollup_summary.h"

namespace iact {

namespace {

// A name made safe for a file: letters, digits, '.', '-' and '_' kept, anything else '-'.
std::string file_stem(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool plain =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    out += plain ? c : '-';
  }
  if (out.empty() || out.front() == '.' || out.front() == '-') out = "x" + out;
  return out.substr(0, 100);
}

std::vector<std::pair<std::string, std::string>> nav(const std::string& up) {
  return {{up + "index.html", "All systems"}, {up + kAccessibilityPage, "Accessibility"}};
}

std::string trend_section(const std::vector<TrendPoint>& trend, const std::string& heading,
                          const std::string& caption) {
  if (trend.empty()) return "";
  std::string out = fmt::format(
      "<h2>{}</h2>\n<table>\n<caption>{}</caption>\n<thead><tr><td></td>{}"
      "</tr></thead>\n<tbody>\n",
      html_text(heading), html_text(caption), brag_header_cells());
  for (const TrendPoint& p : trend) {
    out += "<tr><th scope=\"row\">" + html_text(trend_label(trend, p)) + "</th>" +
           brag_count_cells(p.counts) + "</tr>\n";
  }
  return out + "</tbody>\n</table>\n<figure>" + trend_chart_svg(trend) + "</figure>\n";
}

std::string lede(const SystemSummary& s) {
  return fmt::format("As of {}{}.", display_long(s.as_of),
                     s.period.empty() ? "" : fmt::format(", for the {} return", s.period));
}

std::string index_page(const Rollup& r, const SiteJob& job) {
  RollupJob words;
  words.made_from = "plans";
  std::string body = fmt::format("<p class=\"lede\">As of {}{}; {}.</p>\n", display_long(r.as_of),
                                 r.period.empty() ? "" : ", for the " + r.period + " return",
                                 html_text(count_of(static_cast<int>(r.systems.size()), "system")));
  for (const std::string& s : rollup_sentences(r, words)) body += "<p>" + html_text(s) + "</p>\n";
  const std::vector<FrameworkCoverage> frameworks = frameworks_across(r);
  body +=
      "<h2>Systems</h2>\n<table class=\"sortable\">\n<caption>Each system's actions by BRAG "
      "status, overdue, and how many of each framework's items it has an action on</caption>\n"
      "<thead><tr><th scope=\"col\">ICB</th><th scope=\"col\">Region</th>" +
      brag_header_cells() + "<th scope=\"col\" class=\"n\">Overdue</th>";
  for (const FrameworkCoverage& f : frameworks)
    body += "<th scope=\"col\">" + html_text(f.title) + "</th>";
  body += "<th scope=\"col\">Trend</th></tr></thead>\n<tbody>\n";
  for (const SystemSummary& s : r.systems) {
    body += fmt::format(
        "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td>{}"
        "<td class=\"n\">{}</td>",
        html_text(system_page(s.system)), html_text(s.name), html_text(s.region),
        brag_count_cells(s.counts), s.overdue);
    for (const FrameworkCoverage& f : frameworks) {
      auto it = std::find_if(s.coverage.begin(), s.coverage.end(),
                             [&](const FrameworkCoverage& c) { return c.id == f.id; });
      body += it == s.coverage.end() ? std::string("<td>not answered</td>")
                                     : fmt::format("<td data-sort=\"{}\">{} of {}</td>",
                                                   it->covered, it->covered, it->items);
    }
    body += "<td>" + (s.trend.empty() ? std::string("none yet") : trend_mini_svg(s.trend)) +
            "</td></tr>\n";
  }
  body += "</tbody>\n</table>\n<h2>Framework items</h2>\n";
  for (const FrameworkCoverage& f : frameworks) {
    body += fmt::format(
        "<table class=\"sortable\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Item</th>"
        "<th scope=\"col\" class=\"n\">Systems addressing it</th><th scope=\"col\" "
        "class=\"n\">Systems Red on it</th><th scope=\"col\">No action in</th></tr></thead>\n"
        "<tbody>\n",
        html_text(f.title));
    for (const ItemAcross& i : r.items) {
      if (i.framework != f.id) continue;
      std::string gaps;
      for (const std::string& g : i.gaps) gaps += (gaps.empty() ? "" : "; ") + g;
      body += fmt::format(
          "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"n\" data-sort=\"{}\">{} of "
          "{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
          html_text(item_page(i.item)), html_text(i.title), i.addressed, i.addressed,
          i.addressed + i.gaps.size(), i.red, html_text(gaps));
    }
    body += "</tbody>\n</table>\n";
  }
  body += trend_section(r.trend, "Progress across the systems",
                        "Every system's actions by BRAG status at each return and now");
  HtmlPage page;
  page.title = job.title;
  page.site = job.title;
  page.body = body;
  page.nav = nav("");
  page.current = "index.html";
  page.footer = fmt::format("Made by iact as of {}.", display_long(r.as_of));
  page.script = sortable_tables_script();
  return html_page(page);
}

// The page's own script: the filters show, and hide the rows that do not match.
constexpr const char* kFilterScript = R"(
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var status = document.getElementById('filter-status');
  var item = document.getElementById('filter-item');
  var rows = document.querySelectorAll('#actions tbody tr');
  var said = document.getElementById('filter-count');
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!status.value || row.getAttribute('data-brag') === status.value) &&
               (!item.value || (' ' + row.getAttribute('data-items') + ' ').indexOf(' ' + item.value + ' ') >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    said.textContent = 'Showing ' + shown + ' of ' + rows.length + ' actions.';
  }
  status.addEventListener('change', apply);
  item.addEventListener('change', apply);
  apply();
})();
)";

std::string system_page_html(const SystemView& v, const SystemSummary& s, const SiteJob& job) {
  std::string body = "<p class=\"lede\">" + html_text(lede(s)) + "</p>\n";
  body +=
      "<table>\n<caption>Actions by organisation and BRAG status</caption>\n<thead><tr>"
      "<th scope=\"col\">Organisation</th>" +
      brag_header_cells() + "</tr></thead>\n<tbody>\n";
  for (const OrgView& o : v.orgs) {
    body += fmt::format("<tr><th scope=\"row\">{} ({})</th>{}</tr>\n", html_text(o.name),
                        html_text(o.label), brag_count_cells(o.actions.counts));
  }
  if (v.orgs.size() > 1)
    body += "<tr><th scope=\"row\">System</th>" + brag_count_cells(v.all.counts) + "</tr>\n";
  body += "</tbody>\n</table>\n";
  if (!v.trend.empty()) {
    body += trend_section(v.trend, "Ratings since " + month_year(v.trend.front().date),
                          "Actions by BRAG status at each return and now, rebuilt from each "
                          "action's updates");
  }
  body += "<h2>Framework items</h2>\n";
  for (const FrameworkView& f : v.frameworks) {
    body += fmt::format(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Item</th>{}"
        "</tr></thead>\n<tbody>\n",
        html_text(f.framework->title), brag_header_cells());
    for (const ItemView& i : f.items) {
      body += fmt::format("<tr><th scope=\"row\"><a href=\"../{}\">{}</a>{}</th>{}</tr>\n",
                          html_text(item_page(i.item->id)), html_text(i.item->title),
                          i.gap() ? " <span class=\"gap\">(no action)</span>" : "",
                          brag_count_cells(i.actions.counts));
    }
    body += "</tbody>\n</table>\n";
  }

  body += "<h2 id=\"actions-heading\">Actions</h2>\n";
  body +=
      "<form id=\"filters\" class=\"filters\" hidden>\n<div><label for=\"filter-status\">"
      "BRAG status</label><select id=\"filter-status\"><option value=\"\">All</option>";
  for (Brag b : kBragOrder) {
    body += fmt::format("<option value=\"{0}\">{0}</option>", name_of(b));
  }
  body +=
      "</select></div>\n<div><label for=\"filter-item\">Framework item</label><select "
      "id=\"filter-item\"><option value=\"\">All</option>";
  for (const FrameworkView& f : v.frameworks) {
    for (const ItemView& i : f.items) {
      body += fmt::format("<option value=\"{}\">{}</option>", html_text(i.item->id),
                          html_text(i.item->title));
    }
  }
  body += "</select></div>\n<p id=\"filter-count\" role=\"status\"></p>\n</form>\n";
  body += "<table id=\"actions\" class=\"sortable\">\n<caption>Every action, as of " +
          html_text(display_long(v.as_of)) +
          "</caption>\n<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">ID</th>"
          "<th scope=\"col\">Action</th><th scope=\"col\">Framework items</th><th "
          "scope=\"col\">Lead</th><th scope=\"col\">Due</th><th scope=\"col\">BRAG</th><th "
          "scope=\"col\">Latest update</th></tr></thead>\n<tbody>\n";
  for (const ActionRow& row : v.rows) {
    const Action& a = *row.action;
    std::string ids, titles;
    for (const FrameworkItem* item : row.items) {
      ids += (ids.empty() ? "" : " ") + item->id;
      titles += (titles.empty() ? "" : "; ") + item->title;
    }
    std::string latest;
    if (row.latest && row.latest->date) {
      latest = display(row.latest->date->value) +
               (row.latest->note.empty() ? "" : ": " + row.latest->note);
    }
    body += fmt::format(
        "<tr data-brag=\"{}\" data-items=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td data-sort=\"{}\">{}</td><td data-sort=\"{}\">{}</td><td>{}</td></tr>\n",
        name_of(row.rag.brag), html_text(ids), html_text(row.org), html_text(row.id),
        html_text(a.title ? a.title->value : ""), html_text(titles),
        html_text(join_values(a.lead, ", ")),
        row.state.due && row.state.due->is_date() ? row.state.due->date.iso() : "",
        html_text(row.state.due ? display(*row.state.due) : ""), static_cast<int>(row.rag.brag),
        brag_badge(row.rag.brag), html_text(latest));
  }
  body += "</tbody>\n</table>\n";
  HtmlPage page;
  page.title = s.name;
  page.site = job.title;
  page.body = body;
  page.nav = nav("../");
  page.footer =
      fmt::format("Made by iact from the plans of {} as of {}.", s.name, display_long(v.as_of));
  page.script = std::string(sortable_tables_script()) + kFilterScript;
  return html_page(page);
}

std::string item_page_html(const ItemAcross& item, const std::vector<SystemView>& views,
                           const Rollup& r, const SiteJob& job) {
  std::string framework_title;
  std::string description;
  for (const SystemView& v : views) {
    for (const FrameworkView& f : v.frameworks) {
      if (f.framework->id != item.framework) continue;
      framework_title = f.framework->title;
      for (const ItemView& i : f.items) {
        if (i.item->id == item.item) description = i.item->description;
      }
    }
  }
  std::string body = fmt::format("<p class=\"lede\">{}.</p>\n", html_text(framework_title));
  if (!description.empty()) body += "<p>" + html_text(description) + "</p>\n";
  body +=
      fmt::format("<p>{} of {} address it; {} Red on it.</p>\n",
                  html_text(count_of(item.addressed, "system")), item.addressed + item.gaps.size(),
                  item.red == 0 ? std::string("none is")
                                : fmt::format("{} {}", item.red, item.red == 1 ? "is" : "are"));
  body +=
      "<table class=\"sortable\">\n<caption>Each system's actions on this item</caption>\n"
      "<thead><tr><th scope=\"col\">ICB</th>" +
      brag_header_cells() + "</tr></thead>\n<tbody>\n";
  for (const SystemSummary& s : r.systems) {
    auto it = std::find_if(s.items.begin(), s.items.end(),
                           [&](const ItemCounts& c) { return c.item == item.item; });
    if (it == s.items.end()) continue;
    body += fmt::format("<tr><th scope=\"row\"><a href=\"../{}\">{}</a>{}</th>{}</tr>\n",
                        html_text(system_page(s.system)), html_text(s.name),
                        it->gap() ? " <span class=\"gap\">(no action)</span>" : "",
                        brag_count_cells(it->counts));
  }
  body += "</tbody>\n</table>\n";
  for (const SystemView& v : views) {
    std::string rows;
    for (const ActionRow& row : v.rows) {
      const bool on_it = std::any_of(row.items.begin(), row.items.end(),
                                     [&](const FrameworkItem* i) { return i->id == item.item; });
      if (!on_it) continue;
      rows += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_text(row.org),
          html_text(row.id), html_text(row.action->title ? row.action->title->value : ""),
          html_text(row.state.due ? display(*row.state.due) : ""), brag_badge(row.rag.brag));
    }
    if (rows.empty()) continue;
    const std::string name = v.lead->organisation.name ? v.lead->organisation.name->value : v.name;
    body += fmt::format(
        "<h2>{}</h2>\n<table>\n<caption>{}'s actions on {}</caption>\n<thead><tr>"
        "<th scope=\"col\">Organisation</th><th scope=\"col\">ID</th><th "
        "scope=\"col\">Action</th><th scope=\"col\">Due</th><th "
        "scope=\"col\">BRAG</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
        html_text(name), html_text(name), html_text(item.title), rows);
  }
  HtmlPage page;
  page.title = item.title;
  page.site = job.title;
  page.body = body;
  page.nav = nav("../");
  page.footer = fmt::format("Made by iact as of {}.", display_long(r.as_of));
  page.script = sortable_tables_script();
  return html_page(page);
}

// How to reach whoever publishes the site: an email address or a web address as a link.
std::string contact_html(const std::string& contact) {
  const bool email =
      contact.find('@') != std::string::npos && contact.find_first_of(" \t<>") == std::string::npos;
  if (email) return fmt::format("<a href=\"mailto:{0}\">{0}</a>", html_text(contact));
  if (contact.starts_with("https://") && contact.find_first_of(" \t<>\"") == std::string::npos)
    return fmt::format("<a href=\"{0}\">{0}</a>", html_text(contact));
  return html_text(contact);
}

// The accessibility statement, in the shape of GOV.UK's model statement for public sector
// websites: how accessible the pages are, what may not be, how to report a problem, the
// enforcement procedure, and how the pages were tested.
std::string accessibility_page_html(const Rollup& r, const SiteJob& job) {
  const std::string reach = job.contact.empty() ? std::string("the team that published these pages")
                                                : contact_html(job.contact);
  std::string body = fmt::format(
      "<p class=\"lede\">This statement applies to the pages of {0}, made by iact from the "
      "action plans as of {1}.</p>\n"
      "<h2>Using these pages</h2>\n"
      "<p>These pages are meant to be used by as many people as possible. You should be able "
      "to:</p>\n<ul>\n"
      "<li>zoom in up to 400% without the text spilling off the screen;</li>\n"
      "<li>move around every page with a keyboard alone, with a clear outline on what has "
      "focus, and skip to the main content;</li>\n"
      "<li>use a screen reader: every table has a caption and header cells, and every chart "
      "has a table beside it with the same numbers;</li>\n"
      "<li>tell each BRAG status apart without colour: each is written in words;</li>\n"
      "<li>read every page in full with JavaScript turned off (with it, tables can be sorted "
      "and a system's actions filtered);</li>\n"
      "<li>read the pages offline: they load nothing from anywhere else;</li>\n"
      "<li>print any page, table headings included, in colour or in black and white.</li>\n"
      "</ul>\n"
      "<h2>How accessible these pages are</h2>\n"
      "<p>These pages are fully compliant with the Web Content Accessibility Guidelines "
      "version 2.2 AA standard, as far as the checks below can tell. Some content may still "
      "be hard to use:</p>\n<ul>\n"
      "<li>the titles of actions, their updates and their risks are written by the "
      "organisations in their plans, and may use abbreviations they do not spell out;</li>\n"
      "<li>the small trend charts on the list of systems are pictures; each system's page has "
      "the same numbers in a table.</li>\n</ul>\n"
      "<h2>Feedback and contact information</h2>\n"
      "<p>If you find a problem with these pages, or need what they say in another format, "
      "contact {2}.</p>\n"
      "<h2>Enforcement procedure</h2>\n"
      "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
      "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
      "Regulations 2018 (the accessibility regulations). If you are not happy with how your "
      "complaint is answered, contact the Equality Advisory and Support Service (EASS).</p>\n"
      "<h2>How these pages were tested</h2>\n"
      "<p>The pages iact writes are tested with axe-core's rules for WCAG 2.0, 2.1 and 2.2 "
      "levels A and AA in the Chromium browser, with JavaScript on and off, and with the "
      "network off; the contrast of the focus outline on every background, and of every text "
      "as printed, is measured too. The tests run on every change to iact.</p>\n"
      "<h2>Preparation of this statement</h2>\n"
      "<p>This statement was written with these pages, as of {1}.</p>\n",
      html_text(job.title), html_text(display_long(r.as_of)), reach);
  HtmlPage page;
  page.title = "Accessibility statement";
  page.site = job.title;
  page.body = body;
  page.nav = nav("");
  page.current = kAccessibilityPage;
  page.footer = fmt::format("Made by iact as of {}.", display_long(r.as_of));
  return html_page(page);
}

}  // namespace

std::string system_page(const std::string& system) {
  return "systems/" + file_stem(system) + ".html";
}

std::string item_page(const std::string& item) {
  return "items/" + file_stem(item) + ".html";
}

std::string site_page_clash(const std::vector<SystemView>& views, const Rollup& rollup) {
  std::map<std::string, std::string> seen;  // page file, folded to lower case -> whose it is
  auto clash = [&](const std::string& page, const std::string& name,
                   const char* what) -> std::string {
    std::string key = page;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, fresh] = seen.emplace(key, name);
    if (fresh || it->second == name) return "";
    return fmt::format(
        "the {0} '{1}' and '{2}' would both have the page {3}: rename one of the {0}s' "
        "folders (or ids) so that their names differ in a letter or digit",
        what, it->second, name, page);
  };
  for (const SystemView& v : views) {
    if (std::string m = clash(system_page(v.name), v.name, "system"); !m.empty()) return m;
  }
  for (const ItemAcross& item : rollup.items) {
    if (std::string m = clash(item_page(item.item), item.item, "framework item"); !m.empty())
      return m;
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> site_pages(const std::vector<SystemView>& views,
                                                            const Rollup& rollup,
                                                            const SiteJob& job) {
  std::vector<std::pair<std::string, std::string>> pages;
  pages.emplace_back("index.html", index_page(rollup, job));
  pages.emplace_back(kAccessibilityPage, accessibility_page_html(rollup, job));
  for (const SystemView& v : views) {
    auto it = std::find_if(rollup.systems.begin(), rollup.systems.end(),
                           [&](const SystemSummary& s) { return s.system == v.name; });
    if (it == rollup.systems.end()) continue;
    pages.emplace_back(system_page(v.name), system_page_html(v, *it, job));
  }
  for (const ItemAcross& item : rollup.items)
    pages.emplace_back(item_page(item.item), item_page_html(item, views, rollup, job));
  return pages;
}

}  // namespace iact
