#pragma once
/// \file package_program.hpp
/// A scenario's signable packages as a mixed-integer linear program over GLPK (issue 15): the
/// formulation behind IntegerProgramOffers (include/parley/equilibrium/integer_program_offers.hpp),
/// private to the library so that no public header needs glpk.h.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

struct glp_prob;

namespace parley {

/// \brief The packages of a scenario that keep its constraints and cross no veto party's red
/// line, as the feasible set of a mixed-integer program, and the proposer's problem on it.
///
/// Variables (Williams, "Model Building in Mathematical Programming", 5th ed., sections 9.2-9.3):
/// - an ordinal issue: one binary per allowed level, exactly one of them 1;
/// - a continuous issue with `steps`: one binary per allowed grid point, exactly one 1;
/// - a clauses issue: one binary per clause (fixed by the red lines that force it in or out);
/// - a continuous issue without steps: its range [a, b] (cut by the red lines) split at every
///   breakpoint of every veto party's value function into segments [x_g, x_{g+1}], on each of
///   which every v_ik is linear; one binary s_g per segment (exactly one 1) and a continuous
///   theta_g in [0, s_g], the amount being sum_g x_g s_g + (x_{g+1} - x_g) theta_g. This
///   multiple-choice form is exact for any piecewise-linear v_ik, concave or not.
/// Every veto party's utility u_i = sum_k w_ik v_ik is then linear in these variables (row i);
/// `excludes` is b_1 + b_2 <= 1 and `requires` b_1 - b_2 <= 0 on the two terms' binaries.
///
/// best() solves argmax u_rho s.t. u_j >= f_j, lexicographically: the discrete choices (the
/// binaries) from the branch and bound, then the continuous part (the thetas) with those
/// choices fixed, as the vertex of a linear program (GLPK's primal simplex in double, its floor
/// rows held to within 64 ulps; glp_exact is not used: it rationalises its double data first),
/// then among the maximisers the one with the largest sum of the other veto parties'
/// utilities, by a second program with u_rho held at its optimum. The package's utilities are
/// then recomputed by the model's own arithmetic (Scenario::utility) and every floor checked
/// with worth_at_least (DESIGN 1.9); a discrete choice that the solver's tolerances let
/// through but the model's do not is cut off (a no-good cut) and the program solved again.
class PackageProgram {
 public:
  /// The program of a finalized scenario over `veto` (the scenario's veto parties), over the
  /// class of packages `restriction` describes (empty: every package; one IssueRestriction per
  /// issue, as FrontierOptions::restriction), intersected with the veto parties' red lines.
  /// The scenario must outlive the program.
  PackageProgram(const Scenario& scenario, std::span<const std::size_t> veto,
                 const std::vector<IssueRestriction>& restriction = {});
  ~PackageProgram();
  PackageProgram(const PackageProgram&) = delete;
  PackageProgram& operator=(const PackageProgram&) = delete;

  /// \brief The proposer's best package given floors (indexed by party; entries of the
  /// proposer, of non-veto parties and -infinity bind nothing), or nullopt when no signable
  /// package meets them. One query at a time (the query being answered is held in members);
  /// each builds, solves and deletes its own GLPK problem in the calling thread.
  [[nodiscard]] std::optional<Agreement> best(std::size_t proposer, std::span<const double> floors);

  /// The number of binary and continuous variables (for reports and benchmarks).
  [[nodiscard]] std::size_t binaries() const { return binary_columns_.size(); }
  [[nodiscard]] std::size_t continuous() const { return theta_columns_.size(); }

 private:
  /// One issue's columns (1-based GLPK indices) and what each option means.
  struct IssueColumns {
    std::vector<int> options;      ///< one binary per allowed option (level, grid point, segment, clause)
    std::vector<double> amounts;   ///< the option's amount: level index, grid point or segment start x_g
    std::vector<double> widths;    ///< unstepped continuous: x_{g+1} - x_g per segment
    std::vector<int> thetas;       ///< unstepped continuous: theta_g per segment
  };

  /// One variable and one linear row of the program, as GLPK takes them.
  struct Column {
    bool binary = true;
    double lo = 0.0;
    double hi = 1.0;
  };
  struct Row {
    int type = 0;  ///< GLP_FX, GLP_UP, GLP_LO or GLP_FR
    double lo = 0.0;
    double hi = 0.0;
    std::vector<int> index;     ///< 1-based columns, element 0 unused (GLPK's layout)
    std::vector<double> value;  ///< their coefficients, element 0 unused
  };

  void add_issue(std::size_t k, const IssueRestriction* restriction);
  /// Whether some veto party values issue k (for a clauses issue: its clause `clause`).
  [[nodiscard]] bool valued(std::size_t k, std::size_t clause) const;
  /// Whether a constraint between terms names option `option` of issue k (any_option: any).
  [[nodiscard]] bool constrained(std::size_t k, std::size_t option) const;
  static constexpr std::size_t any_option = static_cast<std::size_t>(-1);
  /// One binary per option listed in cols.amounts (only the status quo's nearest when no veto
  /// party values the issue and no constraint names it).
  void add_choices(std::size_t k, IssueColumns& cols);
  int add_column(bool binary, double lo, double hi);
  int add_row(std::span<const int> columns, std::span<const double> values, int type, double lo, double hi);
  [[nodiscard]] int term_column(std::size_t issue, std::size_t option) const;
  void add_constraints();
  /// lp_ as the recorded columns and rows, utility rows free.
  void instantiate();
  void add_utility_rows();

  /// The position of a veto party in veto_ (its utility row's).
  [[nodiscard]] std::size_t dimension(std::size_t party) const;
  /// sum_{d != own} of the veto parties' utility coefficients: the tie-break's objective.
  [[nodiscard]] std::vector<double> others_coefficients(std::size_t own) const;
  void set_objective(std::span<const double> dense);
  /// Row bound u_party >= floor (-infinity: none), relaxed by the tie tolerance for the branch
  /// and bound, by a rounding margin only for the continuous step's linear program (`exact`).
  void set_floor(std::size_t party, double floor, bool exact);
  /// Every veto party's floor (floors_) as set_floor bounds it.
  void bound_floors(bool exact);
  /// Column values of an optimal solution of the current program, or nullopt.
  std::optional<std::vector<double>> solve_discrete();
  /// With the binaries fixed at `discrete`, the continuous part by the simplex:
  /// max u_rho, then (when `others`) max the others' sum at that u_rho. nullopt if infeasible.
  std::optional<std::vector<double>> solve_continuous(const std::vector<double>& discrete, std::size_t proposer,
                                                      bool others);
  /// best() on the instantiated problem lp_.
  std::optional<Agreement> lexicographic_best(std::size_t proposer, std::span<const double> floors);
  [[nodiscard]] Agreement decode(const std::vector<double>& columns) const;
  void cut_off(const std::vector<double>& columns);

  const Scenario* scenario_;
  std::vector<std::size_t> veto_;
  std::vector<Column> columns_;
  std::vector<Row> rows_;
  /// The GLPK problem of the query being answered (null between queries).
  glp_prob* lp_ = nullptr;
  bool empty_ = false;  ///< some issue has no allowed option: nothing can be signed
  std::vector<IssueColumns> issues_;
  std::vector<int> binary_columns_;
  std::vector<int> theta_columns_;
  /// Per veto party (in veto_ order): its utility row, the row's constant term, and its
  /// coefficients as a dense vector over the columns (index 0 unused, as GLPK's).
  std::vector<int> utility_rows_;
  std::vector<double> utility_constants_;
  std::vector<std::vector<double>> utility_coefficients_;
  /// The current query's floors per veto party (-infinity: none).
  std::vector<double> floors_;
};

}  // namespace parley
