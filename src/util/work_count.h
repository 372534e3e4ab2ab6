// Steps of work counted, not timed, so that a test can double an input and check that the
// work at most doubles (bench/ records the times). A step is one turn of a loop whose length
// grows with the input and that once grew with its square: a line passed looking up a line,
// a period compared looking for a clash, a trend point compared looking up a label, a byte
// of a plan parsed while applying answers. Counting is one relaxed atomic add.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace iact {

enum class Work : size_t {
  kSourceLines,  // lines passed finding the line a diagnostic shows
  kPeriods,      // timeline periods compared while loading and choosing
  kTrendPoints,  // trend points compared while rolling up and writing a roll-up
  kPlanBytes,    // plan text parsed while applying answers or updates
  kCount
};

namespace detail {
inline std::array<std::atomic<std::uint64_t>, static_cast<size_t>(Work::kCount)> work_counts{};
}  // namespace detail

inline void count_work(Work what, std::uint64_t steps = 1) {
  detail::work_counts[static_cast<size_t>(what)].fetch_add(steps, std::memory_order_relaxed);
}

inline std::uint64_t work_done(Work what) {
  return detail::work_counts[static_cast<size_t>(what)].load(std::memory_order_relaxed);
}

inline void reset_work() {
  for (auto& c : detail::work_counts) c.store(0, std::memory_order_relaxed);
}

}  // namespace iact
