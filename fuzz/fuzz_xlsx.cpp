// XLSX bytes in: the zip and XML of a workbook (libzip, pugixml), then what reads workbooks:
// the import, a returned update form, and a return's record (for the roll-up).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_pipeline.h"
#include "read/return_record.h"
#include "read/update_form.h"
#include "read/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  auto read = read_xlsx(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx");
  if (const Workbook* book = std::get_if<Workbook>(&read)) {
    fuzz::import_workbook(*book);
    Diagnostics ignored;
    (void)read_update_form(*book, ignored);
    (void)read_return_record(*book);
  }
  return 0;
}
