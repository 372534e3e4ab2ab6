// CSV bytes in: the CSV reader (libcsv, encodings, delimiters), then the import.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_pipeline.h"
#include "read/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  auto read = read_csv(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv");
  if (const Workbook* book = std::get_if<Workbook>(&read)) fuzz::import_workbook(*book);
  return 0;
}
