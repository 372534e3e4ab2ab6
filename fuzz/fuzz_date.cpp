// Date text in: every parser of dates as plans write them, and their display.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "plan/date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto due = parse_due(text);
  if (const Due* d = std::get_if<Due>(&due)) {
    std::string shown = display(*d);
    if (d->is_date()) {
      shown += display(d->date) + display_long(d->date) + d->date.iso();
      // A date round-trips through its day count.
      if (Date::from_days(d->date.days()) != d->date) __builtin_trap();
    }
  }
  // A date written in any form a tracker uses becomes a plan form that reads back the same.
  auto written = parse_written_due(text);
  if (const Due* d = std::get_if<Due>(&written)) {
    auto again = parse_due(plan_form(*d));
    const Due* back = std::get_if<Due>(&again);
    if (!back || !(*back == *d) || back->form != d->form) __builtin_trap();
  }
  auto date = parse_date(text);
  if (const Date* d = std::get_if<Date>(&date)) display_long(*d);
  if (auto day = parse_iso_day(text)) {
    if (day->iso() != text) __builtin_trap();  // only YYYY-MM-DD, exactly
  }
  return 0;
}
