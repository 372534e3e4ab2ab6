#include "check/report.h"

#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "util/text.h"

namespace iact {
namespace {

Diagnostics sample() {
  Diagnostics d;
  d.add("b.yaml", Pos{3, 2}, "due-tbc", "action X has no due date yet (tbc)", "agree a date");
  d.add("a.yaml", Pos{10, 5}, "unknown-item", "no framework item 'carer'",
        "did you mean 'carers'?");
  d.add("a.yaml", Pos{2, 1}, "missing-field", "quote \" and \\ survive", "");
  d.sort();
  return d;
}

TEST(Report, SortsByFileThenLine) {
  Diagnostics d = sample();
  ASSERT_EQ(d.items().size(), 3u);
  EXPECT_EQ(d.items()[0].file, "a.yaml");
  EXPECT_EQ(d.items()[0].pos.line, 2);
  EXPECT_EQ(d.items()[1].pos.line, 10);
  EXPECT_EQ(d.items()[2].file, "b.yaml");
}

TEST(Report, TextFormatWithoutSource) {
  std::ostringstream out;
  print_text(sample(), out, TextStyle{false, false});
  EXPECT_EQ(out.str(),
            "a.yaml:2:1: error: quote \" and \\ survive [missing-field]\n"
            "a.yaml:10:5: error: no framework item 'carer' [unknown-item]\n"
            "  hint: did you mean 'carers'?\n"
            "b.yaml:3:2: warning: action X has no due date yet (tbc) [due-tbc]\n"
            "  hint: agree a date\n");
}

TEST(Report, SeverityComesFromTheRuleTable) {
  Diagnostics d = sample();
  EXPECT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.warning_count(), 1);
  EXPECT_EQ(summary_line(d, 2), "2 errors, 1 warning in 2 files");
  EXPECT_EQ(summary_line(Diagnostics{}, 1), "plans are valid: no problems in 1 file");
}

TEST(Report, JsonCarriesTheSameDiagnostics) {
  std::ostringstream out;
  print_json(sample(), out);
  auto json = nlohmann::json::parse(out.str());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[1]["file"], "a.yaml");
  EXPECT_EQ(json[1]["line"], 10);
  EXPECT_EQ(json[1]["column"], 5);
  EXPECT_EQ(json[1]["severity"], "error");
  EXPECT_EQ(json[1]["rule"], "unknown-item");
  EXPECT_EQ(json[1]["hint"], "did you mean 'carers'?");
  EXPECT_EQ(json[0]["message"], "quote \" and \\ survive");
  EXPECT_EQ(json[2]["severity"], "warning");
}

TEST(Report, SarifListsEveryRuleAndPointsResultsAtThem) {
  Diagnostics d = sample();
  d.add("plan é.yaml", Pos{}, "file-empty", "the file is empty");
  std::ostringstream out;
  print_sarif(d, out, "9.8.7");
  auto log = nlohmann::json::parse(out.str());
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log["$schema"].get<std::string>().ends_with("sarif-2.1.0.json"));
  const auto& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "iact");
  EXPECT_EQ(driver["version"], "9.8.7");
  EXPECT_EQ(driver["informationUri"], "https://iact.invalid");
  ASSERT_EQ(driver["rules"].size(), all_rules().size());
  const auto& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const auto& r : results) {
    const auto& rule = driver["rules"][r["ruleIndex"].get<size_t>()];
    EXPECT_EQ(rule["id"], r["ruleId"]);
    EXPECT_EQ(rule["defaultConfiguration"]["level"], r["level"]);
  }
  const auto& unknown = results[1];
  EXPECT_EQ(unknown["ruleId"], "unknown-item");
  EXPECT_EQ(unknown["level"], "error");
  EXPECT_EQ(unknown["message"]["text"], "no framework item 'carer' (hint: did you mean 'carers'?)");
  const auto& place = unknown["locations"][0]["physicalLocation"];
  EXPECT_EQ(place["artifactLocation"]["uri"], "a.yaml");
  EXPECT_EQ(place["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(place["region"]["startLine"], 10);
  EXPECT_EQ(place["region"]["startColumn"], 5);
  EXPECT_EQ(results[0]["message"]["text"], "quote \" and \\ survive");  // no hint, no "(hint"
  EXPECT_EQ(results[2]["level"], "warning");
  // The whole file: a location without a region; the name is a URI.
  const auto& whole = results[3]["locations"][0]["physicalLocation"];
  EXPECT_EQ(whole["artifactLocation"]["uri"], "plan%20%C3%A9.yaml");
  EXPECT_FALSE(whole.contains("region"));
}

TEST(Report, SarifNamesAnAbsoluteFileByItsFileUri) {
  Diagnostics d;
  d.add("/srv/frameworks/x.yaml", Pos{2, 0}, "framework-invalid", "bad");
  std::ostringstream out;
  print_sarif(d, out, "1");
  auto place =
      nlohmann::json::parse(out.str())["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(place["artifactLocation"]["uri"], "file:///srv/frameworks/x.yaml");
  EXPECT_FALSE(place["artifactLocation"].contains("uriBaseId"));
  EXPECT_EQ(place["region"]["startLine"], 2);
  EXPECT_FALSE(place["region"].contains("startColumn"));
}

TEST(Report, GithubWorkflowCommandsEscapeMessageAndProperties) {
  Diagnostics d;
  d.add("./plans/a,b:c.yaml", Pos{4, 7}, "due-tbc", "100% sure\nor not", "write: a date");
  d.add("plans/x.yaml", Pos{}, "file-empty", "the file is empty");
  std::ostringstream out;
  print_github(d, out);
  EXPECT_EQ(out.str(),
            "::warning file=plans/a%2Cb%3Ac.yaml,line=4,col=7,title=due-tbc::100%25 sure%0Aor "
            "not (hint: write: a date)\n"
            "::error file=plans/x.yaml,title=file-empty::the file is empty\n");
}

TEST(Report, StableHashIsFnv1aOnEveryMachine) {
  // Published FNV-1a 64-bit test vectors: a hash that changed would renumber every problem.
  EXPECT_EQ(stable_hash(""), "cbf29ce484222325");
  EXPECT_EQ(stable_hash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(stable_hash("foobar"), "85944171f73967e8");
}

TEST(Report, GitlabCodeQualityFieldsAndStableFingerprints) {
  Diagnostics d = sample();
  d.add("./c.yaml", Pos{}, "file-empty", "the file is empty");
  std::ostringstream first, again;
  print_gitlab(d, first);
  print_gitlab(d, again);
  EXPECT_EQ(first.str(), again.str());
  auto issues = nlohmann::json::parse(first.str());
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[1]["check_name"], "unknown-item");
  EXPECT_EQ(issues[1]["description"], "no framework item 'carer' (hint: did you mean 'carers'?)");
  EXPECT_EQ(issues[1]["severity"], "major");
  EXPECT_EQ(issues[2]["severity"], "minor");
  EXPECT_EQ(issues[1]["location"]["path"], "a.yaml");
  EXPECT_EQ(issues[1]["location"]["lines"]["begin"], 10);
  EXPECT_EQ(issues[3]["location"]["path"], "c.yaml");
  EXPECT_EQ(issues[3]["location"]["lines"]["begin"], 1);  // GitLab needs a line
  std::set<std::string> fingerprints;
  for (const auto& i : issues) fingerprints.insert(i["fingerprint"].get<std::string>());
  EXPECT_EQ(fingerprints.size(), 4u);
  // Without the file's text (a.yaml is not on disk) the fingerprint follows the rule, the
  // file and the message, not the line, the column or the hint; the same problem twice is
  // told apart by its order.
  Diagnostics moved;
  moved.add("a.yaml", Pos{12, 9}, "unknown-item", "no framework item 'carer'", "other hint");
  moved.add("a.yaml", Pos{14, 5}, "unknown-item", "no framework item 'carer'");
  std::ostringstream out;
  print_gitlab(moved, out);
  auto after = nlohmann::json::parse(out.str());
  EXPECT_EQ(after[0]["fingerprint"], issues[1]["fingerprint"]);
  EXPECT_NE(after[1]["fingerprint"], issues[1]["fingerprint"]);
}

// The fingerprints of a plan's problems, in order, given the plan's text.
std::vector<std::string> fingerprints_of(const Diagnostics& d, const std::string& text) {
  const std::map<std::string, std::string> sources = {{"plans/x/t.yaml", text}};
  std::ostringstream out;
  print_gitlab(d, out, &sources);
  std::vector<std::string> found;
  for (const auto& issue : nlohmann::json::parse(out.str()))
    found.push_back(issue["fingerprint"].get<std::string>());
  return found;
}

TEST(Report, FingerprintsKeepToTheProblemWhenLinesMoveAndDaysPass) {
  const std::string plan =
      "actions:\n"
      "  - id: GOV-01\n"
      "    due: 2025-05-31\n"
      "    status: on-track\n"
      "  - id: GOV-02\n"
      "    due: 2025-05-31\n"
      "    status: on-track\n";
  auto contradiction = [](Diagnostics& d, int line, const std::string& as_of) {
    d.add("plans/x/t.yaml", Pos{line, 13}, "status-contradiction",
          "declared on-track, but due 31 May 2025 has passed at " + as_of +
              ": reports show it as Red");
  };
  Diagnostics today;
  contradiction(today, 4, "2025-07-15");
  contradiction(today, 7, "2025-07-15");
  const std::vector<std::string> before = fingerprints_of(today, plan);
  ASSERT_EQ(before.size(), 2u);
  EXPECT_NE(before[0], before[1]);  // one message, two actions: two problems

  // A day later: the messages name another day.
  Diagnostics tomorrow;
  contradiction(tomorrow, 4, "2025-07-16");
  contradiction(tomorrow, 7, "2025-07-16");
  EXPECT_EQ(fingerprints_of(tomorrow, plan), before);

  // A comment above the first action, and an action added before the second.
  const std::string edited =
      "# Reviewed at the July board\n"
      "actions:\n"
      "  - id: GOV-01\n"
      "    due: 2025-05-31\n"
      "    status: on-track\n"
      "  - id: GOV-00\n"
      "    due: 2026-05-31\n"
      "    status: on-track\n"
      "  - id: GOV-02\n"
      "    due: 2025-05-31\n"
      "    status: on-track\n";
  Diagnostics moved;
  contradiction(moved, 5, "2025-07-15");
  contradiction(moved, 11, "2025-07-15");
  EXPECT_EQ(fingerprints_of(moved, edited), before);

  // A message that names a line of the plan, and a month, and a quarter.
  auto mismatch = [](int line, int newest, const std::string& due) {
    Diagnostics d;
    d.add("plans/x/t.yaml", Pos{line, 13}, "status-log-mismatch",
          fmt::format("declared on-track but the newest update (line {}) says {} for {}", newest,
                      due, due == "Q2 2025/26" ? "Sep 2025" : "October 2025"));
    return d;
  };
  EXPECT_EQ(fingerprints_of(mismatch(4, 12, "Q2 2025/26"), plan),
            fingerprints_of(mismatch(4, 13, "Q3 2025/26"), plan));
  EXPECT_NE(fingerprints_of(mismatch(4, 12, "Q2 2025/26"), plan),
            fingerprints_of(mismatch(7, 12, "Q2 2025/26"), plan));  // another action's

  // The same lines, but the problem is another action's: another fingerprint.
  const std::string renamed =
      plan.substr(0, plan.find("GOV-02")) + "GOV-03" + plan.substr(plan.find("GOV-02") + 6);
  EXPECT_NE(fingerprints_of(today, renamed)[1], before[1]);
}

}  // namespace
}  // namespace iact
