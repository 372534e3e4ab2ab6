// The static website of every system (`iact site`): an index of the systems with their
// counts and trend, a page per system with its actions (filtered by status and framework
// item where the reader's browser runs the page's own script, listed in full where it does
// not), a page per framework item across the systems, and the site's accessibility
// statement. Self-contained pages (html.h): nothing is fetched from anywhere, and every number
// comes from the view and the roll-up.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "view/summary.h"

namespace iact {

struct SiteJob {
  std::string title;
  std::string contact;        // who to tell of an accessibility problem; "" if not given
  std::filesystem::path dir;  // written into; must exist
};

// The accessibility statement's file name, relative to the site's folder.
inline constexpr const char* kAccessibilityPage = "accessibility.html";

// The pages, by path relative to the site's folder, and their HTML.
std::vector<std::pair<std::string, std::string>> site_pages(const std::vector<SystemView>& views,
                                                            const Rollup& rollup,
                                                            const SiteJob& job);

// Two systems, or two framework items, whose pages would have one file (folders `a b` and
// `a-b`, or names differing only in case on a file system that ignores case): a message naming
// both and the file, or "" if every page has a file of its own.
std::string site_page_clash(const std::vector<SystemView>& views, const Rollup& rollup);

// The file name of a system's page and of a framework item's, relative to the site's folder.
std::string system_page(const std::string& system);
std::string item_page(const std::string& item);

}  // namespace iact
