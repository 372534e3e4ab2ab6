#include "write/rollup_workbook.h"

#include <algorithm>
#include <variant>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "write/chart.h"
#include "write/xlsx_cells.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// What needs a second look, coloured by conditional format (so it follows a re-sort).
enum class Flag { kNone, kAboveZero, kBelowOf, kNo };

struct Column {
  std::string header;
  int width = 10;
  int of = 0;  // a coverage column: "4 of 5", numeric underneath
  Flag flag = Flag::kNone;
  const Brag* brag = nullptr;  // a BRAG count column: its heading in the status's colour
  bool wrap = false;
  bool status = false;  // holds a BRAG name: coloured as the return colours it
};

using Value = std::variant<std::monostate, std::string, int, Date>;

struct Grid {
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
};

constexpr lxw_color_t kAttention = 0xF7D4D1;  // a light red behind dark text
constexpr lxw_color_t kCaution = 0xFFEDC2;    // a light amber

class Writer {
 public:
  explicit Writer(lxw_workbook* wb) : wb_(wb), f_(add_sheet_formats(wb)) {
    // A BRAG count column's heading, in its status's colours.
    for (Brag b : kBragOrder) {
      lxw_format* h = workbook_add_format(wb);
      format_set_bold(h);
      format_set_text_wrap(h);
      format_set_align(h, LXW_ALIGN_VERTICAL_TOP);
      format_set_border(h, LXW_BORDER_THIN);
      format_set_bg_color(h, colour_of(brag_colour(b).fill));
      format_set_font_color(h, colour_of(brag_colour(b).text));
      brag_header_[static_cast<size_t>(b)] = h;
    }
    attention_ = workbook_add_format(wb);
    format_set_bg_color(attention_, kAttention);
    format_set_font_color(attention_, 0x7A1A11);
    caution_ = workbook_add_format(wb);
    format_set_bg_color(caution_, kCaution);
    format_set_font_color(caution_, 0x5C4400);
  }

  lxw_error grid(lxw_worksheet* ws, const Grid& g, lxw_col_t freeze_cols) {
    const auto ncols = static_cast<lxw_col_t>(g.columns.size());
    int header_lines = 1;
    for (lxw_col_t c = 0; c < ncols; ++c) {
      const Column& col = g.columns[c];
      worksheet_set_column(ws, c, c, col.width, nullptr);
      lxw_format* h = col.brag ? brag_header_[static_cast<size_t>(*col.brag)] : f_.header;
      worksheet_write_string(ws, 0, c, fit_cell(col.header).c_str(), h);
      header_lines = std::max(header_lines, wrapped_lines(col.header, col.width - 3));
    }
    worksheet_set_row(ws, 0, row_height(header_lines), nullptr);
    for (size_t i = 0; i < g.rows.size(); ++i) {
      const auto r = static_cast<lxw_row_t>(i + 1);
      int lines = 1;
      for (lxw_col_t c = 0; c < ncols && c < g.rows[i].size(); ++c) {
        const Column& col = g.columns[c];
        const Value& v = g.rows[i][c];
        lxw_error e = LXW_NO_ERROR;
        if (const auto* s = std::get_if<std::string>(&v)) {
          e = worksheet_write_string(ws, r, c, fit_cell(*s).c_str(),
                                     col.wrap ? f_.wrapped : f_.text);
          if (col.wrap) lines = std::max(lines, wrapped_lines(*s, col.width));
        } else if (const auto* n = std::get_if<int>(&v)) {
          e = worksheet_write_number(ws, r, c, *n, col.of ? coverage_format(col.of) : f_.number);
        } else if (const auto* d = std::get_if<Date>(&v)) {
          lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
          e = worksheet_write_datetime(ws, r, c, &dt, f_.date);
        }
        if (e != LXW_NO_ERROR) return e;
      }
      if (lines > 1) worksheet_set_row(ws, r, row_height(lines), nullptr);
    }
    const auto last = static_cast<lxw_row_t>(std::max<size_t>(g.rows.size(), 1));
    for (lxw_col_t c = 0; c < ncols && !g.rows.empty(); ++c) {
      if (lxw_error e = flag(ws, g.columns[c], 1, last, c); e != LXW_NO_ERROR) return e;
    }
    worksheet_autofilter(ws, 0, 0, last, ncols - 1);
    worksheet_freeze_panes(ws, 1, freeze_cols);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    return LXW_NO_ERROR;
  }

  const SheetFormats& formats() const { return f_; }

 private:
  lxw_format* coverage_format(int of) {
    auto [it, fresh] = coverage_.try_emplace(of, nullptr);
    if (fresh) {
      it->second = workbook_add_format(wb_);
      format_set_num_format(it->second, fmt::format("0\" of {}\"", of).c_str());
      format_set_align(it->second, LXW_ALIGN_VERTICAL_TOP);
    }
    return it->second;
  }

  lxw_error flag(lxw_worksheet* ws, const Column& col, lxw_row_t first, lxw_row_t last,
                 lxw_col_t c) {
    if (col.status) return add_brag_colours(ws, f_, first, last, c);
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    std::string quoted;
    switch (col.flag) {
      case Flag::kNone:
        return LXW_NO_ERROR;
      case Flag::kAboveZero:
        cf.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
        cf.value = 0;
        cf.format = attention_;
        break;
      case Flag::kBelowOf:
        cf.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
        cf.value = col.of;
        cf.format = caution_;
        break;
      case Flag::kNo:
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        quoted = "\"No\"";
        cf.value_string = quoted.data();
        cf.format = attention_;
        break;
    }
    return worksheet_conditional_format_range(ws, first, c, last, c, &cf);
  }

  lxw_workbook* wb_;
  SheetFormats f_;
  std::array<lxw_format*, 5> brag_header_{};
  lxw_format *attention_, *caution_;
  std::map<int, lxw_format*> coverage_;
};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

Grid systems_grid(const Rollup& r, const RollupJob& job) {
  Grid g;
  g.columns = {{"Region", 18}, {"ICB code", 8}, {"ICB", 34, 0, Flag::kNone, nullptr, true},
               {"Period", 9},  {"As of", 11},   {"Actions", 9}};
  for (Brag b : kBragOrder) {
    g.columns.push_back({std::string(name_of(b)), 8, 0,
                         b == Brag::kRed ? Flag::kAboveZero : Flag::kNone,
                         &kBragOrder[static_cast<size_t>(b)]});
  }
  g.columns.push_back({"Overdue", 9, 0, Flag::kAboveZero});
  g.columns.push_back({"Re-planned later", 11});
  const std::vector<FrameworkCoverage> frameworks = frameworks_across(r);
  for (const FrameworkCoverage& f : frameworks)
    g.columns.push_back({"Items covered: " + f.title, 18, f.items, Flag::kBelowOf});
  g.columns.push_back({"Last update", 11});
  if (job.returns) g.columns.push_back({"Return received", 10, 0, Flag::kNo});
  g.columns.push_back({"From", 30, 0, Flag::kNone, nullptr, true});
  for (const SystemSummary& s : r.systems) {
    std::vector<Value> row = {s.region, s.code, s.name, s.period, s.as_of, s.counts.total()};
    for (Brag b : kBragOrder) row.emplace_back(s.counts[b]);
    row.emplace_back(s.overdue);
    row.emplace_back(s.replanned);
    for (const FrameworkCoverage& f : frameworks) {
      auto it = std::find_if(s.coverage.begin(), s.coverage.end(),
                             [&](const FrameworkCoverage& c) { return c.id == f.id; });
      if (it == s.coverage.end()) {
        row.emplace_back(std::string("not answered"));
      } else {
        row.emplace_back(it->covered);
      }
    }
    if (s.last_update) {
      row.emplace_back(*s.last_update);
    } else {
      row.emplace_back(std::string("none"));
    }
    if (job.returns) {
      auto it = job.returns->found.find(s.code);
      row.emplace_back(std::string(it == job.returns->found.end() ? "No" : "Yes"));
    }
    row.emplace_back(s.source);
    g.rows.push_back(std::move(row));
  }
  return g;
}

Grid items_grid(const Rollup& r) {
  Grid g;
  g.columns = {{"Framework", 18},
               {"Item", 18},
               {"Title", 36, 0, Flag::kNone, nullptr, true},
               {"Systems addressing it", 11},
               {"Systems Red on it", 10, 0, Flag::kAboveZero},
               {"Systems with no action on it", 11, 0, Flag::kAboveZero},
               {"No action in", 30, 0, Flag::kNone, nullptr, true},
               {"Red in", 30, 0, Flag::kNone, nullptr, true}};
  for (Brag b : kBragOrder) {
    g.columns.push_back(
        {std::string(name_of(b)), 8, 0, Flag::kNone, &kBragOrder[static_cast<size_t>(b)]});
  }
  for (const ItemAcross& i : r.items) {
    std::vector<Value> row = {i.framework,    i.item,          i.title,
                              i.addressed,    i.red,           static_cast<int>(i.gaps.size()),
                              joined(i.gaps), joined(i.red_in)};
    for (Brag b : kBragOrder) row.emplace_back(i.counts[b]);
    g.rows.push_back(std::move(row));
  }
  return g;
}

Grid trend_grid(const Rollup& r) {
  Grid g;
  g.columns = {{"Region", 18}, {"ICB code", 8}, {"ICB", 34, 0, Flag::kNone, nullptr, true}};
  Column status{"BRAG", 9};
  status.status = true;
  g.columns.push_back(status);
  const TrendIndex trend(r.systems);
  for (const std::string& heading : trend_headings(r, trend)) g.columns.push_back({heading, 12});
  for (size_t i = 0; i < r.systems.size(); ++i) {
    const SystemSummary& s = r.systems[i];
    for (Brag b : kBragOrder) {
      std::vector<Value> row = {s.region, s.code, s.name, std::string(name_of(b))};
      for (const std::string& label : r.trend_labels) {
        if (const TrendPoint* p = trend.at(i, label)) {
          row.emplace_back(p->counts[b]);
        } else {
          row.emplace_back(std::monostate{});
        }
      }
      g.rows.push_back(std::move(row));
    }
  }
  return g;
}

void summary_sheet(lxw_worksheet* ws, const Writer& w, const Rollup& r, const RollupJob& job) {
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 6, 10, nullptr);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_write_string(ws, 0, 0, fit_cell(job.title).c_str(), w.formats().heading);
  lxw_row_t row = 2;
  auto line = [&](const std::string& label, const std::string& value) {
    worksheet_write_string(ws, row, 0, fit_cell(label).c_str(), w.formats().label);
    worksheet_merge_range(ws, row, 1, row, 6, fit_cell(value).c_str(), w.formats().wrapped);
    const int lines = wrapped_lines(value, 58);
    if (lines > 1) worksheet_set_row(ws, row, row_height(lines), nullptr);
    ++row;
  };
  line("Period", r.period.empty() ? "none" : r.period);
  worksheet_write_string(ws, row, 0, "As of", w.formats().label);
  lxw_datetime dt{r.as_of.year, r.as_of.month, r.as_of.day, 0, 0, 0};
  worksheet_write_datetime(ws, row++, 1, &dt, w.formats().date);
  line("Systems", std::to_string(r.systems.size()));
  line("Made from", job.made_from);
  if (job.returns) {
    line("Returns received", fmt::format("{} of {}, in {}", job.returns->found.size(),
                                         r.systems.size(), job.returns->folder));
  }
  ++row;
  worksheet_write_string(ws, row, 0, "Actions across the systems", w.formats().label);
  lxw_col_t c = 1;
  for (Brag b : kBragOrder) {
    worksheet_write_string(ws, row, c, std::string(name_of(b)).c_str(),
                           w.formats().brag[static_cast<size_t>(b)]);
    worksheet_write_number(ws, row + 1, c, r.counts[b], w.formats().number);
    ++c;
  }
  worksheet_write_string(ws, row, c, "Total", w.formats().label);
  worksheet_write_number(ws, row + 1, c, r.counts.total(), w.formats().number);
  row += 3;
  const std::array<std::pair<const char*, const char*>, 4> sheets = {{
      {"Systems",
       "a row per system: its actions by BRAG status, overdue and re-planned, and "
       "how many of each framework's items it has an action on"},
      {"Framework items",
       "a row per national framework item: how many systems address it, "
       "are Red on it, or have no action on it"},
      {"Trend",
       "each system's actions by BRAG status at each past return's due date and now, "
       "rebuilt from the actions' updates"},
      {"BRAG",
       "Blue complete; Red overdue, off track or blocked; Amber at risk or re-planned "
       "later than first agreed; Green on track; Grey not yet started and not due soon"},
  }};
  for (const auto& [name, what] : sheets) {
    worksheet_write_string(ws, row, 0, name, w.formats().label);
    worksheet_merge_range(ws, row, 1, row, 6, what, w.formats().wrapped);
    worksheet_set_row(ws, row, row_height(wrapped_lines(what, 58)), nullptr);
    ++row;
  }
  worksheet_activate(ws);
}

}  // namespace

std::vector<FrameworkCoverage> frameworks_across(const Rollup& rollup) {
  std::vector<FrameworkCoverage> out;
  for (const SystemSummary& s : rollup.systems) {
    for (const FrameworkCoverage& f : s.coverage) {
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const FrameworkCoverage& o) { return o.id == f.id; });
      if (it == out.end()) out.push_back(FrameworkCoverage{f.id, f.title, 0, f.items});
    }
  }
  return out;
}

std::vector<std::string> trend_headings(const Rollup& rollup, const TrendIndex& trend) {
  std::vector<std::string> out;
  for (const std::string& label : rollup.trend_labels) {
    std::string heading = label == "now" ? "Now" : label;
    // The first system with the point dates it; most have every point, so this stops soon.
    for (size_t i = 0; label != "now" && i < rollup.systems.size(); ++i) {
      if (const TrendPoint* p = trend.at(i, label)) {
        heading = month_year(p->date) + " return";
        break;
      }
    }
    out.push_back(std::move(heading));
  }
  return out;
}

std::optional<std::string> write_rollup_workbook(const Rollup& rollup, const RollupJob& job) {
  return write_workbook({job.file, job.title, "", job.created_epoch}, [&](lxw_workbook* wb) {
    Writer w(wb);
    lxw_worksheet* summary = workbook_add_worksheet(wb, "Summary");
    lxw_worksheet* systems = workbook_add_worksheet(wb, "Systems");
    lxw_worksheet* items = workbook_add_worksheet(wb, "Framework items");
    lxw_worksheet* trend = workbook_add_worksheet(wb, "Trend");
    if (!summary || !systems || !items || !trend) return LXW_ERROR_MEMORY_MALLOC_FAILED;
    summary_sheet(summary, w, rollup, job);
    lxw_error error = w.grid(systems, systems_grid(rollup, job), 3);
    if (error == LXW_NO_ERROR) error = w.grid(items, items_grid(rollup), 3);
    if (error == LXW_NO_ERROR) error = w.grid(trend, trend_grid(rollup), 4);
    return error;
  });
}

}  // namespace iact
