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

// A return keeps dates to the precision of their source, and says when no period was set.
TEST(ReturnData, DatesKeepTheirPrecisionAndAMissingPeriodIsSaid) {
  Diagnostics diags;
  auto layout =
      load_return_layout(std::filesystem::path(IACT_TEST_TEMPLATES) / "return.yaml", diags);
  ASSERT_TRUE(layout);
  auto load = [&](const std::string& system, const std::vector<std::string>& files, Date as_of,
                  std::vector<Plan>& plans) {
    for (const std::string& f : files) {
      const std::string path = std::string(IACT_TEST_DATA) + "/../../plans/" + system + "/" + f;
      plans.push_back(*load_plan_file(path, path, diags));
    }
    std::vector<const Plan*> pointers;
    for (const Plan& p : plans) pointers.push_back(&p);
    ViewOptions options;
    options.as_of = as_of;
    ViewError error;
    return build_view(system, pointers, testing::frameworks(), options, error);
  };
  const ReturnField* board_date = find_return_field(ReturnSource::kCover, "board_date");
  const ReturnField* as_of = find_return_field(ReturnSource::kCover, "as_of");
  const ReturnField* period = find_return_field(ReturnSource::kCover, "period");
  ASSERT_TRUE(board_date && as_of && period);

  std::vector<Plan> bob_plans;  // BOB's board of June 2025, the day not given
  auto bob = load("bob", {"bob-icb.yaml", "bhft.yaml", "ohft.yaml"}, Date{2025, 6, 30}, bob_plans);
  ASSERT_TRUE(bob);
  ReturnData b = return_data(*bob, *layout);
  EXPECT_EQ(board_date->get(b, 0).form, DateForm::kMonth);
  EXPECT_EQ(as_of->get(b, 0).form, DateForm::kMonth);
  EXPECT_EQ(period->get(b, 0).text, "2025-06");

  std::vector<Plan> som_plans;  // November 2024: NHS England had set no reporting period
  auto som =
      load("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2024, 11, 28}, som_plans);
  ASSERT_TRUE(som);
  ReturnData s = return_data(*som, *layout);
  EXPECT_EQ(period->get(s, 0).text, "None set at this date");
  EXPECT_EQ(board_date->get(s, 0).form, DateForm::kDay);
}

}  // namespace
}  // namespace iact
