#include <catch2/catch.hpp>

#include "parley/model/scenario.hpp"

TEST_CASE("placeholder build check", "[model]") { CHECK(parley::Scenario{}.issues.empty()); }
