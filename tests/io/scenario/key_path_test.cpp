// Key paths: building them for diagnostics, parsing them for --set.
#include <catch2/catch.hpp>

#include "parley/io/scenario/key_path.hpp"

using namespace parley::io;

TEST_CASE("key paths are built from keys and indices", "[io][keypath]") {
  CHECK(child_path("", "parties") == "parties");
  CHECK(child_path(item_path("parties", 1), "weights") == "parties[1].weights");
  CHECK(child_path("parties[1].weights", "territory") == "parties[1].weights.territory");
}

TEST_CASE("dotted paths with indices parse into steps", "[io][keypath]") {
  using Steps = std::vector<KeyPathStep>;
  CHECK(parse_key_path("battlefield.advantage") == Steps{{"battlefield", {}}, {"advantage", {}}});
  CHECK(parse_key_path("parties[1].cost") == Steps{{"parties", {}}, {"", 1}, {"cost", {}}});
  CHECK(parse_key_path("parties.russia.strategy.e") ==
        Steps{{"parties", {}}, {"russia", {}}, {"strategy", {}}, {"e", {}}});
  CHECK(parse_key_path("a[0][12]") == Steps{{"a", {}}, {"", 0}, {"", 12}});
  for (const char* bad : {"", ".", "a.", ".a", "a..b", "[0]", "a[", "a[x]", "a[-1]", "a[0]b", "a[]"}) {
    INFO(bad);
    CHECK_FALSE(parse_key_path(bad).has_value());
  }
}
