#include "frameworks/catalogue.h"

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "test_support.h"

namespace iact {
namespace {

namespace fs = std::filesystem;

// The item ids of SPEC section 2 are the contract: plans cite them.
TEST(Catalogue, ShipsTheFourNationalFrameworksWithTheirItems) {
  const Catalogue& c = testing::frameworks();
  auto ids_of = [&](std::string_view framework) {
    std::vector<std::string> ids;
    const Framework* f = c.framework(framework);
    EXPECT_NE(f, nullptr) << framework;
    if (!f) return ids;
    for (size_t i : f->items) {
      if (!c.items[i].is_expectation()) ids.push_back(c.items[i].id);
    }
    return ids;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_of("nhse-2024-themes"),
            (V{"continuity", "carers", "long-term-planning", "discharge", "treatment-review",
               "dna-discharge", "cohort-identification"}));
  EXPECT_EQ(ids_of("nhse-2024-requirements"),
            (V{"duty-to-engage", "dedicated-staff", "no-wrong-door", "continuity-vital",
               "holistic-care"}));
  EXPECT_EQ(ids_of("investigation-2025"),
            (V{"personalised-risk", "joint-discharge", "multi-agency", "families", "out-of-area"}));
  EXPECT_EQ(ids_of("webinar-2025"), (V{"care-treatment", "families-carers", "continuity-of-care",
                                       "workforce", "model-governance", "information-sharing"}));
  for (const FrameworkItem& item : c.items) {
    EXPECT_FALSE(item.title.empty()) << item.id;
    if (!item.is_expectation()) {
      EXPECT_FALSE(item.description.empty()) << item.id;
    }
  }
}

TEST(Catalogue, WebinarExpectationsAreSubItems) {
  const Catalogue& c = testing::frameworks();
  ItemResolution r = c.resolve("model-governance.caseload-cap");
  ASSERT_NE(r.item, nullptr) << r.error;
  EXPECT_EQ(r.item->parent, "model-governance");
  EXPECT_EQ(r.item->framework, "webinar-2025");
  int expectations = 0;
  for (const FrameworkItem& item : c.items) expectations += item.is_expectation();
  EXPECT_GE(expectations, 24);
}

TEST(Catalogue, ResolvesBareAndQualifiedReferences) {
  const Catalogue& c = testing::frameworks();
  EXPECT_NE(c.resolve("families").item, nullptr);
  EXPECT_NE(c.resolve("investigation-2025/families").item, nullptr);
  EXPECT_EQ(c.resolve("webinar-2025/families").item, nullptr);
  ItemResolution typo = c.resolve("investigaton-2025/families");
  EXPECT_EQ(typo.item, nullptr);
  EXPECT_EQ(typo.hint, "did you mean 'investigation-2025/families'?");
}

TEST(Catalogue, TimelineHasTheMilestonesAndPeriods) {
  const Catalogue& c = testing::frameworks();
  ASSERT_GE(c.periods.size(), 2u);
  EXPECT_EQ(c.periods[0].id, "2025-06");
  EXPECT_EQ(c.periods[0].due, (Date{2025, 6, 30}));
  EXPECT_EQ(c.periods[1].id, "2026-01");
  EXPECT_EQ(c.periods[1].due, (Date{2026, 1, 31}));
  EXPECT_GE(c.milestones.size(), 9u);
  EXPECT_TRUE(
      std::is_sorted(c.milestones.begin(), c.milestones.end(),
                     [](const Milestone& a, const Milestone& b) { return a.date < b.date; }));
  EXPECT_EQ(c.last_period_ended(Date{2025, 6, 29}), nullptr);
  EXPECT_EQ(c.last_period_ended(Date{2025, 6, 30})->id, "2025-06");
  EXPECT_EQ(c.last_period_ended(Date{2026, 11, 22})->id, "2026-01");
  EXPECT_EQ(c.period_before(c.periods[1])->id, "2025-06");
}

class FrameworkFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("iact-frameworks-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

const char* kMini = R"(iact-framework: 1
id: mini
title: Mini
source: { document: Letter, publisher: NHS England, date: 2026-05 }
items:
  - id: alpha
    title: Alpha
    description: First.
)";

TEST_F(FrameworkFolder, ANewFrameworkFileNeedsNoCodeChange) {
  write("mini.yaml", kMini);
  Diagnostics diags;
  Catalogue c = load_catalogue(dir_, diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_NE(c.framework("mini"), nullptr);
  EXPECT_EQ(c.framework("mini")->source_date, (Date{2026, 5, 31}));
  EXPECT_NE(c.resolve("alpha").item, nullptr);
}

TEST_F(FrameworkFolder, ItemIdsAreUniqueAcrossFiles) {
  write("a.yaml", kMini);
  std::string other = kMini;
  other.replace(other.find("id: mini"), 8, "id: other");
  write("b.yaml", other);
  Diagnostics diags;
  load_catalogue(dir_, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "duplicate-id");
  EXPECT_EQ(diags.items()[0].message, "framework item 'alpha' is already defined");
  EXPECT_EQ(diags.items()[0].pos.line, 6);
}

TEST_F(FrameworkFolder, FilesThatAreNeitherFrameworkNorTimeline) {
  write("notes.yaml", "hello: world\n");
  Diagnostics diags;
  load_catalogue(dir_, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "framework-invalid");
}

TEST_F(FrameworkFolder, UnsupportedVersion) {
  std::string v2 = kMini;
  v2.replace(0, 17, "iact-framework: 2");
  write("mini.yaml", v2);
  Diagnostics diags;
  load_catalogue(dir_, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "framework-invalid");
}

}  // namespace
}  // namespace iact
