#pragma once
/// \file offer.hpp
/// An offer put on the table in an episode (DESIGN 1.1, 1.6).

#include <cstddef>
#include <vector>

#include "parley/model/agreement.hpp"

namespace parley {

/// \brief A package proposed in a round of talks, with what every party would get from it.
///
/// `utilities[j]` = u_j(package) for every party j (Scenario::utility), computed once by the
/// engine when the offer is made so that no answer or later strategy decision evaluates it
/// again. Offers are kept in the episode's history, oldest first.
struct Offer {
  int period = 0;             ///< t, the period of the talks
  int round = 0;              ///< index of the round of talks (0 for the first talk period)
  std::size_t proposer = 0;   ///< party index
  Agreement package;
  std::vector<double> utilities;
};

}  // namespace parley
