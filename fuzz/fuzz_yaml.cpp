// YAML text in: wherever the fast path (plan/yaml_fast.h) reads a text, yaml-cpp must read
// it to the same tree, value for value and position for position, with nothing to say. A
// difference is a finding. (fuzz_plan checks the same on the way to everything else; this
// target does only this, many times faster.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plan/yaml_fast.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  if (find_encoding_problem(raw)) return 0;
  const std::string_view text = strip_utf8_bom(raw);
  std::optional<YamlNode> fast = parse_yaml_fast(text);
  if (!fast) return 0;
  Diagnostics said;
  std::optional<YamlNode> slow = parse_yaml_with_yaml_cpp(text, "fuzz.yaml", said);
  std::string where;
  if (!slow || !said.items().empty() || !same_yaml_tree(*fast, *slow, where)) __builtin_trap();
  return 0;
}
