#pragma once
/// \file program_answers.hpp
/// The proposer's problem over a class of packages, answered by mixed-integer programming
/// (PackageProgram) and remembered by the floors each answer holds for (issue 15): private to
/// the library, shared by IntegerProgramOffers and PeaceOffers with three or more veto parties.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "package_program.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief argmax u_rho(x) s.t. u_j(x) >= f_j for the veto responders j, x in a class of
/// signable packages, with every answer kept for the floors it also answers.
///
/// Backward induction asks the proposer's problem at every period and state, with floors that
/// move continuously with the continuation values, so the same floors rarely come twice; the
/// answers, though, are few. Let F(f) be the packages that meet floors f. If f <= f'
/// (every responder's floor) then F(f') is a subset of F(f); so an answer x* at f (the
/// lexicographic maximum of (u_rho, the others' sum) over F(f)) that still meets f' is the
/// answer at f' as well, and if F(f) is empty so is F(f'). Each query is first matched
/// against the answers kept for its proposer this way (the most recent first) and only
/// otherwise solved; the newest max_kept answers per proposer are kept. The result is the
/// program's own answer at some floors f <= f', hence exact at f' by the argument above; which
/// of several exactly tied maximisers it is may depend on the order of the queries, which is
/// deterministic in the solver. Not thread-safe (the callers lock or are single-threaded).
class ProgramAnswers {
 public:
  /// The class `restriction` describes (empty: every package) of a finalized scenario, which
  /// must outlive this object; `veto` are its veto parties.
  ProgramAnswers(const Scenario& scenario, std::span<const std::size_t> veto,
                 const std::vector<IssueRestriction>& restriction = {});

  /// The answer for `proposer` (a veto party) given floors (indexed by party; only the veto
  /// responders' entries bind; -infinity binds nothing): an index into the packages kept
  /// (package(), utilities()), or nullopt when no package of the class meets them.
  /// \throws std::invalid_argument when `proposer` is not a veto party.
  [[nodiscard]] std::optional<std::size_t> best(std::size_t proposer, std::span<const double> floors);

  /// An upper bound on best(proposer, floors)'s u_proposer from the answers kept, solving
  /// nothing: the least u_proposer of the kept answers solved at floors no higher than these
  /// (their feasible sets contain this one's); -infinity when one of them found nothing
  /// (nothing meets these floors either); +infinity when none applies.
  [[nodiscard]] double bound(std::size_t proposer, std::span<const double> floors);

  /// Package `index` and every party's utility of it (Scenario::utility).
  [[nodiscard]] const Agreement& package(std::size_t index) const { return packages_.at(index); }
  [[nodiscard]] std::span<const double> utilities(std::size_t index) const {
    return {utilities_.data() + index * parties_, parties_};
  }
  /// Number of programs solved (queries no kept answer settled), for benchmarks.
  [[nodiscard]] std::size_t programs_solved() const { return solved_; }

  /// How many answers are kept per proposer.
  static constexpr std::size_t max_kept = 256;

 private:
  /// An answer and the floors of the veto responders it was solved for (in veto order, the
  /// proposer's own entry -infinity).
  struct Kept {
    std::vector<double> floors;
    long package = -1;  ///< index into packages_, or -1: nothing met the floors
  };
  [[nodiscard]] bool settles(const Kept& kept, std::span<const double> floors) const;
  /// Whether `kept` was solved at floors no higher than the query's (key_).
  [[nodiscard]] bool below(const Kept& kept) const;
  /// key_ = the query's binding floors in veto order (the proposer's -infinity); returns the
  /// proposer's position in veto_.
  std::size_t set_key(std::size_t proposer, std::span<const double> floors);

  const Scenario* scenario_;
  std::vector<std::size_t> veto_;
  std::size_t parties_ = 0;
  PackageProgram program_;
  std::vector<std::vector<Kept>> kept_;  ///< per proposer's position in veto_, oldest first
  std::vector<Agreement> packages_;
  std::vector<double> utilities_;  ///< parties_ per package
  std::vector<double> key_;        ///< scratch: the query's floors in veto order
  std::vector<double> binding_;    ///< scratch: the same by party, -infinity for the others
  std::size_t solved_ = 0;
};

}  // namespace parley
