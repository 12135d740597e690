#pragma once
/// \file integer_program_offers.hpp
/// A scenario's agreements as an OfferSpace for any number of veto parties, the proposer's
/// problem solved exactly by mixed-integer programming (issue 15).

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "parley/equilibrium/offer_space.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

class PackageProgram;

/// \brief The proposer's problem of subgame-perfect bargaining (Baron and Ferejohn 1989;
/// DESIGN 1.7),
///   x* = argmax u_rho(x)  s.t.  u_j(x) >= f_j for every veto responder j,  x signable,
/// over a scenario's packages, solved exactly whatever the number of veto parties.
///
/// Utilities are additive over issues, each v_ik linear in the binary choice of a level, a
/// grid point or a clause, and piecewise linear in a continuous amount; red lines fix binaries
/// and constraints between terms are linear rows on them. So the problem is a mixed-integer
/// linear program (the formulation: sim/equilibrium/package_program.hpp). The discrete
/// choices come from GLPK's branch and bound with no optimality gap; the continuous amounts,
/// those choices fixed, from GLPK's exact rational simplex (glp_exact); among maximisers the
/// one with the largest sum of the other veto parties' utilities, by a second program. The
/// package's utilities are the model's own (Scenario::utility), each floor checked with the
/// tie rule of DESIGN 1.9, so the answer is exact in the sense of the two-party frontier:
///
/// **Tolerance.** Every floor is met up to the tie tolerance (utility_tolerance.hpp, 4096 ulps
/// of max(1, |u|)); the continuous amounts are the exact rational optimum rounded to double;
/// the discrete choice is optimal up to GLPK's objective tolerance, 1e-9 relative to the
/// incumbent (tol_obj), i.e. two discrete choices closer in u_rho than 1e-9 may be taken as
/// tied. Scenarios' utilities that differ at all differ by far more (a coin, a clause).
///
/// **Why GLPK, not CBC.** Measured on this program's own queries (tools/bench/bench_solver.cpp,
/// "mip" rows; both solvers from Debian, one core): GLPK answers each query in a reused
/// problem, warm-started from the last basis, in 0.2 to 2 ms; CBC (2.10) spends about 1 ms
/// setting up each model before any pivot, several times GLPK's whole query on these small
/// programs, and the solver asks thousands of them. GLPK also has the exact rational simplex
/// the continuous step needs; CBC's CLP works in double only.
///
/// Answers are cached per (proposer, floors): backward induction asks the same query in every
/// state where the continuation values are the same. best_for is thread-safe (one lock).
class IntegerProgramOffers final : public OfferSpace {
 public:
  /// The packages of a finalized scenario with at least two veto parties (the scenario is
  /// copied). Red lines of veto parties and constraints between terms are honoured.
  explicit IntegerProgramOffers(const Scenario& scenario);
  ~IntegerProgramOffers() override;
  IntegerProgramOffers(const IntegerProgramOffers&) = delete;
  IntegerProgramOffers& operator=(const IntegerProgramOffers&) = delete;

  [[nodiscard]] std::size_t party_count() const override { return scenario_.parties.size(); }
  /// The exact answer described above; the handle's `index` numbers the distinct packages
  /// returned so far, `value` is u_proposer.
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const override;
  void package_into(const SpacePoint& point, Agreement& out) const override;

  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  /// Number of branch-and-bound queries solved (cache misses), for benchmarks.
  [[nodiscard]] std::size_t programs_solved() const;

 private:
  Scenario scenario_;
  std::vector<std::size_t> veto_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<PackageProgram> program_;
  mutable std::vector<Agreement> packages_;
  /// (proposer, the veto responders' floors) -> index into packages_, or -1: infeasible.
  mutable std::map<std::pair<std::size_t, std::vector<double>>, long> answers_;
};

}  // namespace parley
