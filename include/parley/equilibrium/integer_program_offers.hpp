#pragma once
/// \file integer_program_offers.hpp
/// A scenario's agreements as an OfferSpace for any number of veto parties, the proposer's
/// problem solved exactly by mixed-integer programming (issue 15).

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "parley/equilibrium/offer_space.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

class ProgramAnswers;

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
/// those choices fixed, from the vertex of the remaining linear program; among maximisers the
/// one with the largest sum of the other veto parties' utilities, by a second program. The
/// package's utilities are then the model's own (Scenario::utility), each floor checked with
/// the tie rule of DESIGN 1.9; a choice the solver's tolerances let through and the tie rule
/// does not is cut off and the program solved again.
///
/// **Tolerance.** Every floor is met up to the tie tolerance (utility_tolerance.hpp, 4096 ulps
/// of max(1, |u|)), and nothing that misses a floor by more is ever returned. The continuous
/// amounts are a simplex vertex in double (its floor rows held to within 64 ulps). The discrete
/// choice is optimal up to GLPK's objective tolerance, set to 1e-9 (tol_obj): two discrete
/// choices closer than that in u_rho may be taken as tied. Scenarios' utilities that differ at
/// all differ by far more (a coin of fifty is 0.02), and on every test space the proposer's
/// value equals the exact two-party frontier's and brute-force enumeration's to 1e-12.
///
/// **Why GLPK, not CBC** (both Debian's, libglpk-dev 5.0 and coinor-libcbc-dev 2.10). Measured
/// on this program's own queries, the same model given to each (one core, mean per query; the
/// optimum the same in every query): Baron-Ferejohn with five members and 20 coins (100
/// binaries), GLPK 0.4 ms per program against CBC 10 ms; with 50 coins (250 binaries), 1.1 ms
/// against 28 ms; the default scenario with Europe as a third veto party (56 binaries), 1.6 ms
/// against 13 ms. These programs are small and the solver asks hundreds of them (773 for that
/// scenario): CBC's per-model setup, preprocessing and cut loop cost more than GLPK's whole
/// branch and bound, whose Gomory, MIR, cover and clique cuts close these programs at the root.
/// (GLPK's exact rational simplex, glp_exact, was tried for the continuous step and is not
/// used: it first replaces its double data by nearby simple fractions, which moved a floor by
/// 1.5e-11 on a test space; a simplex vertex in double is closer.)
///
/// Answers are kept with the floors they were solved for, and a later query whose floors are
/// all at least as high is answered by a kept package that still meets them: the feasible set
/// has only shrunk, so that package is still the maximiser (sim/equilibrium/program_answers.hpp
/// has the argument). Backward induction's floors move continuously from state to state while
/// its answers are few, so most queries solve no program. best_for is thread-safe (one lock).
class IntegerProgramOffers final : public OfferSpace {
 public:
  /// The packages of a finalized scenario with at least two veto parties (the scenario is
  /// copied). Red lines of veto parties and constraints between terms are honoured.
  explicit IntegerProgramOffers(const Scenario& scenario);
  ~IntegerProgramOffers() override;
  IntegerProgramOffers(const IntegerProgramOffers&) = delete;
  IntegerProgramOffers& operator=(const IntegerProgramOffers&) = delete;

  [[nodiscard]] std::size_t party_count() const override { return scenario_.parties.size(); }
  /// The exact answer described above; the handle's `index` numbers the packages the programs
  /// solved so far have found, `value` is u_proposer.
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const override;
  void package_into(const SpacePoint& point, Agreement& out) const override;

  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  /// Number of programs solved (queries no kept answer settled), for benchmarks.
  [[nodiscard]] std::size_t programs_solved() const;

 private:
  Scenario scenario_;
  std::vector<std::size_t> veto_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<ProgramAnswers> answers_;
};

}  // namespace parley
