#pragma once
/// \file metric_selection.hpp
/// Choosing which metrics a sweep writes (`--metrics outcomes.settled,parties.*.utility.mean`).

#include <string>
#include <string_view>
#include <vector>

namespace parley::sweep {

/// Whether `name` matches `pattern`, where `*` matches any run of characters (possibly empty)
/// and every other character itself; the whole name must match.
bool matches_pattern(std::string_view pattern, std::string_view name);

/// \brief The positions in `available` of the metrics `patterns` select, in `available`'s
/// order, each once; all of them when `patterns` is empty. Throws std::invalid_argument naming
/// every pattern that selects nothing (with the available names), so that a misspelt metric
/// stops the sweep before any work.
std::vector<std::size_t> select_metrics(const std::vector<std::string>& available,
                                        const std::vector<std::string>& patterns);

}  // namespace parley::sweep
