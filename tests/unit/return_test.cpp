#include "write/return_workbook.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace iact {
namespace {

std::string messages(const Diagnostics& diags) {
  std::string all;
  for (const Diagnostic& d : diags.items())
    all += std::to_string(d.pos.line) + ": " + d.message + " | " + d.hint + "\n";
  return all;
}

TEST(ReturnLayout, TheShippedLayoutLoads) {
  Diagnostics diags;
  auto layout =
      load_return_layout(std::filesystem::path(IACT_TEST_TEMPLATES) / "return.yaml", diags);
  ASSERT_TRUE(layout) << messages(diags);
  EXPECT_TRUE(diags.items().empty()) << messages(diags);
  std::vector<std::string> names;
  for (const ReturnSheet& s : layout->sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Cover", "Missing answers", "Summary", "Actions",
                                             "Risks", "Changes", "DNA discharge"}));
  EXPECT_EQ(layout->sheets[1].rows, ReturnSource::kMissing);
  EXPECT_TRUE(layout->sheets[3].table);
  EXPECT_EQ(layout->sheets[3].rows, ReturnSource::kActions);
}

struct LayoutCase {
  std::string yaml;
  int line;
  std::string message;
};

TEST(ReturnLayout, MistakesAreReportedOnTheirLine) {
  const std::string head = "iact-return: 1\nsheets:\n";
  const std::vector<LayoutCase> cases = {
      {"  - { name: A, rows: actions, columns: [{ header: X, field: tittle }] }\n", 3,
       "no field 'tittle' for actions rows | did you mean 'title'?"},
      {"  - { name: A, rows: cover, columns: [{ header: X, field: brag }] }\n", 3,
       "no field 'brag' for cover rows | cover rows have: icb_name"},
      {"  - { name: 'A:B', rows: risks, columns: [{ header: X, field: id }] }\n", 3,
       "uses a character Excel refuses"},
      {"  - { name: This name is far too long for a tab, rows: risks, columns: [{ header: X, "
       "field: id }] }\n",
       3, "Excel allows at most 31"},
      {"  - { name: A, rows: risks, columns: [{ header: X, field: id }] }\n"
       "  - { name: a, rows: dna, columns: [{ header: X, field: org }] }\n",
       4, "two sheets are named 'a' | the first is on line 3"},
      {"  - { name: A, rows: cover, table: true, columns: [{ header: X, field: system }] }\n", 3,
       "a cover sheet is label and value rows"},
      {"  - { name: A, rows: risks, table: true, columns: [{ header: ID, field: id },\n"
       "      { header: id, field: title }] }\n",
       4, "two columns of table sheet 'A' are headed 'id'"},
      {"  - { name: A, rows: actoins, columns: [{ header: X, field: id }] }\n", 3, "actoins"},
      {"  - { name: A, rows: risks, columns: [{ header: X, field: id, width: 300 }] }\n", 3, "300"},
      {"  - { name: A, rows: cover, columns: [{ header: X, field: icb_name, required: true }] }\n",
       3,
       "field 'icb_name' cannot be required: iact works it out, no plan answers it | of cover "
       "rows, plans answer: region, sro"},
      {"  - { name: A, rows: dna, columns: [{ header: X, field: policy, required: true }] }\n", 2,
       "no sheet lists what a draft lacks | add a sheet with `rows: missing`"},
  };
  for (const LayoutCase& c : cases) {
    SCOPED_TRACE(c.yaml);
    Diagnostics diags;
    auto layout = load_return_layout_text(head + c.yaml, "return.yaml", diags);
    EXPECT_FALSE(layout);
    const std::string all = messages(diags);
    EXPECT_NE(all.find(std::to_string(c.line) + ": "), std::string::npos) << all;
    EXPECT_NE(all.find(c.message), std::string::npos) << all;
  }
}

TEST(ReturnData, EveryFieldReadsAViewWithoutFailing) {
  Diagnostics diags;
  Plan plan = *load_plan_text(testing::kValidPlan, "trust.yaml", diags);
  ViewOptions options;
  options.as_of = testing::kAsOf;
  ViewError error;
  auto view = build_view("t", {&plan}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  Diagnostics layout_diags;
  auto layout =
      load_return_layout(std::filesystem::path(IACT_TEST_TEMPLATES) / "return.yaml", layout_diags);
  ASSERT_TRUE(layout);
  ReturnData data = return_data(*view, *layout);
  EXPECT_EQ(data.count(ReturnSource::kActions), 2u);
  EXPECT_EQ(data.count(ReturnSource::kItems), 5u);
  EXPECT_EQ(data.count(ReturnSource::kRisks), 1u);
  EXPECT_EQ(data.count(ReturnSource::kDna), 1u);
  for (ReturnSource source :
       {ReturnSource::kCover, ReturnSource::kItems, ReturnSource::kActions, ReturnSource::kRisks,
        ReturnSource::kChanges, ReturnSource::kDna, ReturnSource::kMissing}) {
    for (const ReturnField& f : return_fields(source)) {
      for (size_t i = 0; i < data.count(source); ++i) {
        f.get(data, i);
        if (f.answer) f.answer(data, i);
      }
    }
  }
  const ReturnField* score = find_return_field(ReturnSource::kRisks, "score");
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(score->get(data, 0).number, 6);
  const ReturnField* brag = find_return_field(ReturnSource::kActions, "brag");
  EXPECT_EQ(brag->get(data, 1).text, "Blue");
  EXPECT_EQ(brag->get(data, 1).kind, ReturnCell::Kind::kBrag);
  EXPECT_EQ(find_return_field(ReturnSource::kActions, "score"), nullptr);
}

}  // namespace
}  // namespace iact
