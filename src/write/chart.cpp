#include "write/chart.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "util/escape.h"

namespace iact {

const BragColour& brag_colour(Brag b) {
  static const std::array<BragColour, 5> colours = {{
      {"#005EB8", "#FFFFFF"},  // Blue
      {"#D5281B", "#FFFFFF"},  // Red
      {"#FFB81C", "#212B32"},  // Amber
      {"#007F3B", "#FFFFFF"},  // Green
      {"#4C6272", "#FFFFFF"},  // Grey
  }};
  return colours[static_cast<size_t>(b)];
}

namespace {

constexpr int kWidth = 680;
constexpr int kLabelWidth = 190;
constexpr int kRow = 22;
constexpr int kBar = 16;
constexpr const char* kFont = "font-family=\"Arial, Liberation Sans, sans-serif\"";

// One bar of BRAG counts from `x`, a segment per status in kBragOrder, each count written on
// its segment where it fits; returns the bar's right end.
double stacked_bar(std::string& svg, double x, int y, double unit, const BragCounts& counts) {
  for (Brag b : kBragOrder) {
    const int n = counts[b];
    if (n == 0) continue;
    const double w = n * unit;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>",
                       x, y + 2, w, kBar, brag_colour(b).fill);
    if (w >= 14) {
      svg += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\" "
          "{}>{}</text>",
          x + w / 2, y + 14, brag_colour(b).text, kFont, n);
    }
    svg += '\n';
    x += w;
  }
  return x;
}

// The SVG document's opening, white ground and legend of the five statuses.
std::string open_chart(int height, const std::string& title) {
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\">\n"
      "<title>{2}</title>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#FFFFFF\"/>\n",
      kWidth, height, escape_xml(title));
  int x = kLabelWidth;
  for (Brag b : kBragOrder) {
    svg += fmt::format(
        "<rect x=\"{}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"18\" font-size=\"11\" {}>{}</text>\n",
        x, brag_colour(b).fill, x + 16, kFont, name_of(b));
    x += 78;
  }
  return svg;
}

}  // namespace

std::string brag_chart_svg(const SystemView& view) {
  int most = 1;
  int rows = 0;
  for (const FrameworkView& f : view.frameworks) {
    rows += 1 + static_cast<int>(f.items.size());
    for (const ItemView& i : f.items) most = std::max(most, i.actions.counts.total());
  }
  const int top = 34;
  const int height = top + rows * kRow + 8;
  const double unit = static_cast<double>(kWidth - kLabelWidth - 40) / most;

  std::string svg = open_chart(height, "Actions by BRAG status for each framework item");
  int y = top;
  for (const FrameworkView& f : view.frameworks) {
    svg += fmt::format(
        "<text x=\"4\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"#003087\" "
        "{}>{}</text>\n",
        y + 15, kFont,
        escape_xml(f.framework->title.empty() ? f.framework->id : f.framework->title));
    y += kRow;
    for (const ItemView& item : f.items) {
      svg +=
          fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" {}>{}</text>\n",
                      kLabelWidth - 8, y + 14, kFont, escape_xml(item.item->id));
      if (item.gap()) {
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-style=\"italic\" fill=\"#D5281B\" "
            "{}>gap: no action</text>\n",
            kLabelWidth, y + 14, kFont);
      }
      const double bx = stacked_bar(svg, kLabelWidth, y, unit, item.actions.counts);
      if (!item.gap()) {
        svg += fmt::format(
            "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" fill=\"#425563\" {}>{}</text>\n", bx + 4,
            y + 14, kFont, item.actions.counts.total());
      }
      y += kRow;
    }
  }
  svg += "</svg>\n";
  return svg;
}

std::string trend_label(const std::vector<TrendPoint>& points, const TrendPoint& p) {
  return &p == &points.back() ? "Now (" + display(p.date) + ")" : month_year(p.date) + " return";
}

std::string trend_chart_svg(const std::vector<TrendPoint>& points) {
  int most = 1;
  for (const TrendPoint& p : points) most = std::max(most, p.counts.total());
  const int top = 34;
  const int height = top + static_cast<int>(points.size()) * kRow + 8;
  const double unit = static_cast<double>(kWidth - kLabelWidth - 40) / most;
  std::string svg = open_chart(height, "Actions by BRAG status at each reporting period");
  int y = top;
  for (const TrendPoint& p : points) {
    svg +=
        fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" {}>{}</text>\n",
                    kLabelWidth - 8, y + 14, kFont, escape_xml(trend_label(points, p)));
    const double end = stacked_bar(svg, kLabelWidth, y, unit, p.counts);
    svg +=
        fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" fill=\"#425563\" {}>{}</text>\n",
                    end + 4, y + 14, kFont, p.counts.total());
    y += kRow;
  }
  svg += "</svg>\n";
  return svg;
}

std::string trend_mini_svg(const std::vector<TrendPoint>& points) {
  constexpr int kMiniWidth = 120, kMiniRow = 9;
  int most = 1;
  for (const TrendPoint& p : points) most = std::max(most, p.counts.total());
  std::string words;
  for (const TrendPoint& p : points) {
    words += (words.empty() ? "" : "; ") + trend_label(points, p) + ":";
    for (Brag b : kBragOrder) words += fmt::format(" {} {}", p.counts[b], name_of(b));
  }
  const int height = static_cast<int>(points.size()) * kMiniRow;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\"><title>{2}</title>",
      kMiniWidth, height, escape_xml(words));
  const double unit = static_cast<double>(kMiniWidth) / most;
  int y = 0;
  for (const TrendPoint& p : points) {
    double x = 0;
    for (Brag b : kBragOrder) {
      const int n = p.counts[b];
      if (n == 0) continue;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>",
                         x, y + 1, n * unit, kMiniRow - 2, brag_colour(b).fill);
      x += n * unit;
    }
    y += kMiniRow;
  }
  return svg + "</svg>";
}

std::string measure_chart_file(size_t index) {
  return fmt::format("measure-{}.svg", index + 1);
}

std::string measure_chart_svg(const MeasureRow& row) {
  constexpr int kW = 160, kH = 40, kPad = 4;
  std::string body;
  const auto& values = row.values;
  if (!values.empty()) {
    double lo = values.front().value, hi = lo;
    for (const MeasureValue& v : values) lo = std::min(lo, v.value), hi = std::max(hi, v.value);
    if (row.measure->target)
      lo = std::min(lo, *row.measure->target), hi = std::max(hi, *row.measure->target);
    if (hi == lo) hi = lo + 1;
    const long first = values.front().date.days();
    const long span = std::max(1L, values.back().date.days() - first);
    auto x = [&](const MeasureValue& v) {
      return values.size() == 1
                 ? kW / 2.0
                 : kPad + (kW - 2.0 * kPad) * double(v.date.days() - first) / double(span);
    };
    auto y = [&](double value) { return kH - kPad - (kH - 2.0 * kPad) * (value - lo) / (hi - lo); };
    if (row.measure->target) {
      body += fmt::format(
          "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#768692\" "
          "stroke-dasharray=\"3,2\" stroke-width=\"1\"/>",
          kPad, y(*row.measure->target), kW - kPad, y(*row.measure->target));
    }
    std::string points;
    for (const MeasureValue& v : values) points += fmt::format("{:.1f},{:.1f} ", x(v), y(v.value));
    body += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#005EB8\" stroke-width=\"2\"/>", points);
    const MeasureValue& last = values.back();
    body += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#005EB8\"/>", x(last),
                        y(last.value));
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} "
      "{}\" role=\"img\"><title>{}</title>{}</svg>\n",
      kW, kH, kW, kH, escape_xml(row.measure->title), body);
}

}  // namespace iact
