// The BRAG chart of a system view: one stacked bar per framework item, drawn as SVG by
// iact itself (pandoc embeds it in DOCX with a PNG fallback, and in HTML and PDF as is).
#pragma once

#include <string>

#include "view/system_view.h"

namespace iact {

// The colour of each BRAG status (NHS identity colours), and the text colour that reads
// on it; shared by the chart, the paper's styles and the return.
struct BragColour {
  const char* fill;  // "#005EB8"
  const char* text;
};
const BragColour& brag_colour(Brag b);

// The chart as a standalone SVG document. Items with no action show as gaps.
std::string brag_chart_svg(const SystemView& view);

// The system's BRAG counts at each reporting period so far, one bar a period: progress
// since the first return.
// `kind` names each past point: "return" (a roll-up of returns) or "reporting period" (a board
// paper, which holds no record that a return was sent).
std::string trend_chart_svg(const std::vector<TrendPoint>& points,
                            std::string_view kind = "return");
// The same, small enough for a table cell (no words on it; its title says the numbers).
std::string trend_mini_svg(const std::vector<TrendPoint>& points);
// How a point reads: "June 2025 return", or for the last, "Now (12 Aug 2025)".
std::string trend_label(const std::vector<TrendPoint>& points, const TrendPoint& p,
                        std::string_view kind = "return");
inline constexpr const char* kTrendChartFile = "trend-chart.svg";

// A measure's values over time as a small line (a sparkline), with its target as a dashed
// line, as a standalone SVG document.
std::string measure_chart_svg(const MeasureRow& row);

// The file name of the measure's chart beside the paper: measure-1.svg, measure-2.svg...
std::string measure_chart_file(size_t index);

}  // namespace iact
