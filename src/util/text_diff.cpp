#include "util/text_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace iact {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct Op {
  char kind;    // ' ', '-', '+'
  size_t a, b;  // line indices (of a for ' ' and '-', of b for '+')
};

// The edit script by longest common subsequence, after trimming the common start and end
// (edits to plans are small, so what is left to compare is short).
std::vector<Op> edit_script(const std::vector<std::string_view>& a,
                            const std::vector<std::string_view>& b) {
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  std::vector<Op> ops;
  for (size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  if (n * m <= 25'000'000) {
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        ops.push_back({' ', head + i++, head + j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', head + i++, head + j});  // removals first, as diff shows them
      } else {
        ops.push_back({'+', head + i, head + j++});
      }
    }
  } else {  // too long to compare line by line: all of the middle out, all of it in
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', head + i, head});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', head + n, head + j});
  }
  for (size_t k = 0; k < tail; ++k) ops.push_back({' ', head + n + k, head + m + k});
  return ops;
}

}  // namespace

std::string unified_diff(std::string_view a_text, std::string_view b_text,
                         const std::string& a_name, const std::string& b_name) {
  const std::vector<std::string_view> a = lines_of(a_text), b = lines_of(b_text);
  const std::vector<Op> ops = edit_script(a, b);
  constexpr size_t kContext = 3;
  std::string out;
  size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change
    // that is no more than 2 * kContext lines further on.
    const size_t start = k >= kContext ? k - kContext : 0;
    size_t end = k;
    while (end < ops.size()) {
      size_t next = end;
      while (next < ops.size() && ops[next].kind == ' ') ++next;
      if (next == ops.size() || next - end > 2 * kContext) break;
      end = next + 1;
      while (end < ops.size() && ops[end].kind != ' ') ++end;
    }
    end = std::min(ops.size(), end + kContext);
    size_t a_start = 0, a_len = 0, b_start = 0, b_len = 0;
    std::string body;
    for (size_t i = start; i < end; ++i) {
      const Op& op = ops[i];
      if (i == start) {
        a_start = op.a + 1;
        b_start = op.b + 1;
      }
      if (op.kind != '+') ++a_len;
      if (op.kind != '-') ++b_len;
      body += op.kind;
      body += op.kind == '+' ? b[op.b] : a[op.a];
      body += '\n';
    }
    if (out.empty()) out = fmt::format("--- {}\n+++ {}\n", a_name, b_name);
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_start, a_len, b_start, b_len) + body;
    k = end;
  }
  return out;
}

}  // namespace iact
