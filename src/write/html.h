// HTML pages iact writes itself (the roll-up summary, the static site): one accessible page
// shape (WCAG 2.2 AA: a language, a skip link, landmarks, tables with captions and header
// cells, colours with enough contrast), self-contained: styles and any script are inline and
// a Content-Security-Policy forbids loading anything from anywhere.
#pragma once

#include <string>
#include <vector>

#include "view/system_view.h"

namespace iact {

struct HtmlPage {
  std::string title;  // the <h1>, and the <title> with the site's name after it
  std::string site;   // the name of the site the page is part of; "" for a page on its own
  std::string body;   // inside <main>, after the <h1>
  // Links in the page's navigation, href and text; the one to `current` is marked.
  std::vector<std::pair<std::string, std::string>> nav;
  std::string current;
  std::string footer;  // plain text
  std::string script;  // inline JavaScript that only enhances the page (sorting, filtering)
};

std::string html_page(const HtmlPage& page);

// Text and attribute values.
std::string html_text(std::string_view text);

// <th> cells for the five statuses, each in its colour, then Total.
std::string brag_header_cells();
// <td> cells for the counts, then the total.
std::string brag_count_cells(const BragCounts& counts);
// A status as a badge: its colour and its name (the name says it without colour).
std::string brag_badge(Brag b);

// The script that lets a reader sort tables marked class="sortable" by any column, with a
// button in each heading (the table reads in full without it).
const char* sortable_tables_script();

}  // namespace iact
