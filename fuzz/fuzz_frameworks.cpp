// Framework or timeline file text in: the catalogue loader, then lookups a plan makes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frameworks/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Catalogue cat;
  Diagnostics diags;
  add_catalogue_text(text, "fuzz.yaml", cat, diags);
  add_catalogue_text(text, "again.yaml", cat, diags);  // everything defined twice
  for (const FrameworkItem& item : cat.items) {
    cat.resolve(item.id);
    cat.resolve(item.framework + "/" + item.id);
  }
  cat.resolve("carers");
  cat.resolve("nope/carers");
  cat.framework_ids();
  for (const Period& p : cat.periods) {
    if (const Period* before = cat.period_before(p)) (void)before->id;
    cat.last_period_ended(p.due);
  }
  return 0;
}
