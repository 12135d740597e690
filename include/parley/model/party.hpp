#pragma once
/// \file party.hpp
/// A party to the talks: role, veto, preferences, patience, cost of war, belief, strategy
/// (DESIGN 1.3, 1.5, 1.6).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/pressure.hpp"
#include "parley/model/red_line.hpp"
#include "parley/model/valuation.hpp"

namespace parley {

enum class Role { belligerent, mediator, guarantor, observer };
const char* to_string(Role role);

/// \brief What a party believes about side A's battlefield advantage (DESIGN 1.5).
///
/// Hypothesis k says the advantage is the true schedule plus `offsets[k]` (clamped to
/// [-1, 1]); `prior[k]` is its probability at t = 0. The default, one hypothesis with offset
/// 0, is knowing the truth; a single non-zero offset is a point belief (optimism or
/// pessimism); several are a prior updated by Bayes' rule from each observed move.
struct BeliefSpec {
  std::vector<double> offsets{0.0};
  std::vector<double> prior{1.0};
  [[nodiscard]] bool knows_truth() const { return offsets.size() == 1 && offsets[0] == 0.0; }
};

/// A strategy by registry name with its numeric parameters (defaults filled in by the
/// registry's parameter specification when the scenario is loaded).
struct StrategySpec {
  std::string name = "linear";
  std::map<std::string, double> params;
};

/// \brief One party. Its utility of agreement x is u_i(x) = sum_k weights[k] * v_ik(x_k).
struct Party {
  std::string id;
  std::string name;
  Role role = Role::belligerent;
  bool veto = true;              ///< its acceptance is needed for a settlement
  double discount = 1.0;         ///< delta_i in (0, 1], per period
  double cost = 0.0;             ///< c_i >= 0, utility lost per period of fighting
  double reservation = 0.0;      ///< value of disagreement when there is no battlefield
  std::vector<double> weights;   ///< w_ik >= 0, one per issue, summing to 1
  std::vector<IssueValuation> values;  ///< one per issue
  BeliefSpec belief;
  StrategySpec strategy;
  /// A package this party tables (a mediator's plan), if any.
  std::optional<Agreement> proposal;
  /// Terms it never signs, whatever they are worth (issue 15). A veto party's red lines take
  /// the packages that cross them out of the agreement space; any party's are reported.
  std::vector<RedLine> red_lines;
  /// Its offensive option (issue 15): a belligerent that is a side of the front may press while
  /// it talks. None: it never presses.
  std::optional<Pressure> pressure;
};

}  // namespace parley
