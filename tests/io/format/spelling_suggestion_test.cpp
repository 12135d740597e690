// "Did you mean ...?": edit distances and the choice of a suggestion.
#include <catch2/catch.hpp>

#include "parley/io/format/spelling_suggestion.hpp"

using namespace parley::io;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[io][spelling]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("cost", "cost") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);  // the textbook example
  CHECK(edit_distance("cots", "cost") == 2);       // a transposition is two edits
  CHECK(edit_distance("teritory", "territory") == 1);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("the closest candidate within two edits is suggested", "[io][spelling]") {
  const std::vector<std::string> keys{"cost", "discount", "weights", "values"};
  CHECK(did_you_mean("cots", keys) == " (did you mean 'cost'?)");
  CHECK(did_you_mean("wieghts", keys) == " (did you mean 'weights'?)");
  CHECK(did_you_mean("strategy", keys).empty());
  // A one-letter word gets no hint; a prefix of a longer name does.
  CHECK(did_you_mean("c", {"a", "b"}).empty());
  CHECK(did_you_mean("ukraine", {"fearon", "ukraine-2025"}) == " (did you mean 'ukraine-2025'?)");
}
