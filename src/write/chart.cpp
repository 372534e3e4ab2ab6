#include "write/chart.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "util/escape.h"
#include "util/text.h"

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
constexpr int kLabelWidth = 250;
constexpr int kRow = 17;
constexpr int kBar = 13;
constexpr const char* kFont = "font-family=\"Arial, Liberation Sans, sans-serif\"";

// Each status's fill: its colour, and for all but Blue a pattern over it (stripes, dots,
// lines, cross-hatching), so that the segments can be told apart without colour, in
// greyscale print and by people who do not see the colours.
std::string fill_of(Brag b) {
  return b == Brag::kBlue ? std::string(brag_colour(b).fill)
                          : fmt::format("url(#iact-{})", lowercase(name_of(b)));
}

std::string pattern_defs() {
  auto pattern = [](Brag b, const std::string& marks) {
    return fmt::format(
        "<pattern id=\"iact-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        "<rect width=\"6\" height=\"6\" fill=\"{}\"/>{}</pattern>",
        lowercase(name_of(b)), brag_colour(b).fill, marks);
  };
  const std::string light = "#FFFFFF";
  return "<defs>" +
         pattern(Brag::kRed, fmt::format("<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" "
                                         "stroke=\"{}\" stroke-width=\"1.2\"/>",
                                         light)) +
         pattern(Brag::kAmber, "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"#212B32\"/>") +
         pattern(Brag::kGreen,
                 fmt::format("<path d=\"M0,3 L6,3\" stroke=\"{}\" stroke-width=\"1.2\"/>", light)) +
         pattern(Brag::kGrey, fmt::format("<path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"{}\" "
                                          "stroke-width=\"0.9\"/>",
                                          light)) +
         "</defs>\n";
}

// One bar of BRAG counts from `x`, a segment per status in kBragOrder, each count written on
// its segment where it fits; returns the bar's right end.
double stacked_bar(std::string& svg, double x, int y, double unit, const BragCounts& counts) {
  for (Brag b : kBragOrder) {
    const int n = counts[b];
    if (n == 0) continue;
    const double w = n * unit;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>",
                       x, y + 2, w, kBar, fill_of(b));
    if (w >= 14) {
      // The count on a plain patch in the middle of the segment, readable over the pattern.
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"12\" height=\"11\" fill=\"{}\"/>"
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\" "
          "{}>{}</text>",
          x + w / 2 - 6, y + 3, brag_colour(b).fill, x + w / 2, y + 12, brag_colour(b).text, kFont,
          n);
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
      "<title>{2}</title>\n{3}"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#FFFFFF\"/>\n",
      kWidth, height, escape_xml(title), pattern_defs());
  int x = kLabelWidth;
  for (Brag b : kBragOrder) {
    svg += fmt::format(
        "<rect x=\"{}\" y=\"8\" width=\"12\" height=\"11\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"18\" font-size=\"11\" {}>{}</text>\n",
        x, fill_of(b), x + 16, kFont, name_of(b));
    x += 78;
  }
  return svg;
}

// An item's title as its bar's label: whole where it fits the label column, else cut at a
// word with an ellipsis.
std::string short_label(const std::string& title) {
  constexpr size_t kMax = 44;  // characters that fit kLabelWidth at the label's size
  if (title.size() <= kMax) return title;
  size_t cut = title.rfind(' ', kMax - 1);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax - 1;
  return title.substr(0, cut) + "\u2026";
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

  std::string svg =
      open_chart(height,
                 "Actions by BRAG status for each framework item (the paper's coverage tables give "
                 "the numbers)");
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
          fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" {}>{}</text>\n",
                      kLabelWidth - 8, y + 12, kFont, escape_xml(short_label(item.item->title)));
      if (item.gap()) {
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-style=\"italic\" fill=\"#D5281B\" "
            "{}>gap: no action</text>\n",
            kLabelWidth, y + 12, kFont);
      }
      const double bx = stacked_bar(svg, kLabelWidth, y, unit, item.actions.counts);
      if (!item.gap()) {
        svg += fmt::format(
            "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" fill=\"#425563\" {}>{}</text>\n", bx + 4,
            y + 12, kFont, item.actions.counts.total());
      }
      y += kRow;
    }
  }
  svg += "</svg>\n";
  return svg;
}

std::string trend_label(const std::vector<TrendPoint>& points, const TrendPoint& p,
                        std::string_view kind) {
  return &p == &points.back() ? "Now (" + display(p.date) + ")"
                              : month_year(p.date) + " " + std::string(kind);
}

std::string trend_chart_svg(const std::vector<TrendPoint>& points, std::string_view kind) {
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
                    kLabelWidth - 8, y + 12, kFont, escape_xml(trend_label(points, p, kind)));
    const double end = stacked_bar(svg, kLabelWidth, y, unit, p.counts);
    svg +=
        fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" fill=\"#425563\" {}>{}</text>\n",
                    end + 4, y + 12, kFont, p.counts.total());
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
