#include "write/html.h"

#include <fmt/format.h>

#include "util/escape.h"
#include "util/text.h"
#include "write/chart.h"

namespace iact {

namespace {

constexpr const char* kStyle = R"(
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #212B32; background: #FFFFFF; }
.skip { position: absolute; left: -999px; top: 0; background: #FFEB3B; color: #212B32; padding: .5rem; }
.skip:focus { left: 0; }
header { background: #005EB8; color: #FFFFFF; padding: .6rem 1.5rem; }
header a { color: #FFFFFF; }
header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.2rem; }
header a[aria-current="page"] { font-weight: bold; text-decoration: none; }
main { padding: 1rem 1.5rem 2rem; max-width: 80rem; }
h1 { color: #005EB8; font-size: 1.7rem; margin: .4rem 0 .8rem; }
h2 { color: #005EB8; font-size: 1.3rem; margin: 1.8rem 0 .5rem; border-bottom: 2px solid #005EB8; }
h3 { color: #003087; font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
a { color: #005EB8; }
a:visited { color: #330072; }
[hidden] { display: none !important; }
a:focus, button:focus, select:focus, summary:focus { outline: 3px solid #212B32; outline-offset: 3px;
  box-shadow: 0 0 0 3px #FFEB3B; }
table { border-collapse: collapse; margin: .4rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: bold; color: #003087; padding: .3rem 0; }
th, td { border: 1px solid #AEB7BD; padding: .25rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #005EB8; color: #FFFFFF; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th.brag-blue, th.brag-red, th.brag-amber, th.brag-green, th.brag-grey { text-align: right; }
.badge { display: inline-block; font-weight: bold; padding: 0 .4rem; border-radius: 3px; white-space: nowrap; }
.gap { color: #8A1538; font-weight: bold; }
.lede { font-size: 1.1rem; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: .5rem 0; }
.filters label { display: block; font-weight: bold; }
select, button { font: inherit; }
thead th button { background: none; border: 0; color: inherit; font-weight: bold; padding: 0; cursor: pointer; text-align: inherit; }
footer { border-top: 1px solid #AEB7BD; padding: .8rem 1.5rem; color: #4C6272; font-size: .9rem; }
@media print {
  header, .filters, .skip { display: none; }
  thead th, th[class*="brag-"] { background: none; color: #212B32; border-bottom: 2px solid #212B32; }
  .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)";

std::string lowercase_name(Brag b) {
  return lowercase(name_of(b));
}

// The statuses' colours are the charts' and the return's (brag_colour).
std::string brag_style() {
  std::string out;
  for (Brag b : kBragOrder) {
    out += fmt::format(".brag-{} {{ background: {}; color: {}; }}\n", lowercase_name(b),
                       brag_colour(b).fill, brag_colour(b).text);
  }
  return out;
}

}  // namespace

std::string html_text(std::string_view text) {
  return escape_xml(text);
}

std::string html_page(const HtmlPage& page) {
  std::string nav;
  for (const auto& [href, text] : page.nav) {
    nav += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", html_text(href),
                       href == page.current ? " aria-current=\"page\"" : "", html_text(text));
  }
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<title>{6}</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to main content</a>\n"
      "<header><nav aria-label=\"Pages\"><ul>{2}</ul></nav></header>\n"
      "<main id=\"main\">\n<h1>{0}</h1>\n{3}</main>\n<footer><p>{4}</p></footer>\n{5}"
      "</body>\n</html>\n",
      html_text(page.title), kStyle + brag_style(), nav, page.body, html_text(page.footer),
      page.script.empty() ? "" : "<script>" + page.script + "</script>\n",
      html_text(page.site.empty() || page.site == page.title ? page.title
                                                             : page.title + " – " + page.site));
}

std::string brag_header_cells() {
  std::string out;
  for (Brag b : kBragOrder) {
    out +=
        fmt::format("<th scope=\"col\" class=\"n brag-{}\">{}</th>", lowercase_name(b), name_of(b));
  }
  return out + "<th scope=\"col\" class=\"n\">Total</th>";
}

std::string brag_count_cells(const BragCounts& counts) {
  std::string out;
  for (Brag b : kBragOrder) out += fmt::format("<td class=\"n\">{}</td>", counts[b]);
  return out + fmt::format("<td class=\"n\">{}</td>", counts.total());
}

std::string brag_badge(Brag b) {
  return fmt::format("<span class=\"badge brag-{}\">{}</span>", lowercase_name(b), name_of(b));
}

const char* sortable_tables_script() {
  return R"(
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('thead th');
  heads.forEach(function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var up = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort') || a.cells[col].textContent.trim();
        var y = b.cells[col].getAttribute('data-sort') || b.cells[col].textContent.trim();
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
)";
}

}  // namespace iact
