#include "view/summary.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "util/work_count.h"

namespace iact {

SystemSummary summarise(const SystemView& view) {
  SystemSummary s;
  s.system = view.name;
  const Organisation& org = view.lead->organisation;
  s.code = value_or_empty(org.code);
  s.name = org.name ? org.name->value : view.name;
  s.region = org.region;
  s.period = view.period ? view.period->id : "";
  s.period_local = view.period && view.period->local();
  s.as_of = view.as_of;
  s.counts = view.all.counts;
  s.overdue = static_cast<int>(view.overdue.size());
  s.replanned = static_cast<int>(view.replanned.size());
  s.contradictions = static_cast<int>(view.contradictions.size());
  for (const ActionRow& row : view.rows) {
    if (row.latest && row.latest->date &&
        (!s.last_update || *s.last_update < row.latest->date->value))
      s.last_update = row.latest->date->value;
  }
  for (const FrameworkView& f : view.frameworks) {
    s.coverage.push_back(FrameworkCoverage{f.framework->id, f.framework->title, f.covered(),
                                           static_cast<int>(f.items.size())});
    for (const ItemView& i : f.items)
      s.items.push_back(ItemCounts{f.framework->id, i.item->id, i.item->title, i.actions.counts});
  }
  s.trend = view.trend;
  s.source = view.lead->file;
  return s;
}

TrendIndex::TrendIndex(const std::vector<SystemSummary>& systems) : points_(systems.size()) {
  for (size_t i = 0; i < systems.size(); ++i) {
    for (const TrendPoint& p : systems[i].trend) {
      count_work(Work::kTrendPoints);
      points_[i].emplace(p.label, &p);  // the first point of a label, as a search would find
    }
  }
}

const TrendPoint* TrendIndex::at(size_t system, const std::string& label) const {
  count_work(Work::kTrendPoints);
  const auto& points = points_[system];
  auto it = points.find(label);
  return it == points.end() ? nullptr : it->second;
}

Rollup roll_up(std::vector<SystemSummary> systems) {
  Rollup r;
  std::sort(systems.begin(), systems.end(), [](const SystemSummary& a, const SystemSummary& b) {
    return std::tie(a.region, a.name, a.code) < std::tie(b.region, b.name, b.code);
  });
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::vector<std::pair<Date, std::string>> labels;  // past periods by date
  std::unordered_set<std::string> seen_labels;
  bool any_trend = false;
  for (const SystemSummary& s : systems) {
    if (r.as_of < s.as_of) r.as_of = s.as_of;
    if (r.period.empty()) r.period = s.period;
    for (Brag b : kBragOrder) r.counts.n[static_cast<size_t>(b)] += s.counts[b];
    for (const ItemCounts& i : s.items) {
      auto [it, fresh] = index.try_emplace({i.framework, i.item}, r.items.size());
      if (fresh) r.items.push_back(ItemAcross{i.framework, i.item, i.title, 0, 0, {}, {}, {}});
      ItemAcross& a = r.items[it->second];
      for (Brag b : kBragOrder) a.counts.n[static_cast<size_t>(b)] += i.counts[b];
      if (i.gap()) {
        a.gaps.push_back(s.name);
      } else {
        ++a.addressed;
      }
      if (i.counts[Brag::kRed] > 0) {
        ++a.red;
        a.red_in.push_back(s.name);
      }
    }
    for (const TrendPoint& p : s.trend) {
      any_trend = true;
      count_work(Work::kTrendPoints);
      if (p.label == "now") continue;
      if (seen_labels.insert(p.label).second) labels.emplace_back(p.date, p.label);
    }
  }
  std::sort(labels.begin(), labels.end());
  for (const auto& l : labels) r.trend_labels.push_back(l.second);
  if (any_trend) r.trend_labels.push_back("now");
  const TrendIndex trend(systems);
  for (const std::string& label : r.trend_labels) {
    TrendPoint sum{label, Date{}, {}};
    for (size_t i = 0; i < systems.size(); ++i) {
      const TrendPoint* p = trend.at(i, label);
      if (!p) continue;
      if (sum.date < p->date) sum.date = p->date;  // "now": the latest as-of date
      for (Brag b : kBragOrder) sum.counts.n[static_cast<size_t>(b)] += p->counts[b];
    }
    r.trend.push_back(sum);
  }
  r.systems = std::move(systems);
  return r;
}

}  // namespace iact
