#include "util/edit_distance.h"

#include <gtest/gtest.h>

namespace iact {
namespace {

TEST(EditDistance, Basics) {
  EXPECT_EQ(edit_distance("", ""), 0);
  EXPECT_EQ(edit_distance("abc", ""), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("carer", "carers"), 1);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2);
}

TEST(EditDistance, SwappedNeighboursCostOne) {
  EXPECT_EQ(edit_distance("VCSFE", "VCFSE"), 1);
  EXPECT_EQ(edit_distance("dischrage", "discharge"), 1);
  EXPECT_EQ(edit_distance("ab", "ba"), 1);
  EXPECT_EQ(edit_distance("abc", "ca"), 3);  // optimal string alignment, not full Damerau
}

TEST(EditDistance, StopsEarlyPastTheLimit) {
  EXPECT_EQ(edit_distance("continuity", "zzzzzzzzzzzzzz", 2), 3);
  EXPECT_EQ(edit_distance("carer", "carers", 2), 1);
}

TEST(ClosestMatch, SuggestsPlausibleTypos) {
  const std::vector<std::string> items = {"carers", "continuity", "discharge", "dna-discharge"};
  EXPECT_EQ(closest_match("carer", items), "carers");
  EXPECT_EQ(closest_match("CARERS", items), "carers");
  EXPECT_EQ(closest_match("dischrage", items), "discharge");
  EXPECT_EQ(closest_match("dna_discharge", items), "dna-discharge");
}

TEST(ClosestMatch, StaysQuietWhenNothingIsClose) {
  const std::vector<std::string> items = {"carers", "continuity"};
  EXPECT_FALSE(closest_match("workforce", items));
  EXPECT_FALSE(closest_match("x", items));
  EXPECT_FALSE(closest_match("carers", std::vector<std::string>{}));
}

}  // namespace
}  // namespace iact
