#include "package_program.hpp"

#include <dlfcn.h>
#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "parley/agreement/admissible_packages.hpp"
#include "parley/model/utility_tolerance.hpp"
#include "parley/agreement/restricted_issue.hpp"

namespace parley {
namespace {

// GLPK is loaded (dlopen) the first time a program is solved, by a scenario with three or more
// veto parties, instead of at every start of the program: linked in, libglpk and the six
// libraries it needs (gmp, zlib, ltdl, amd, colamd, suitesparseconfig) were mapped and
// relocated by every `parley` process: `parley --version` took 2.05 ms of CPU with them, 1.75
// ms without (perf stat, the least of 5 times 200 runs). The functions below are the ones this
// file calls, looked up by name with the types glpk.h declares; the library's name is the
// SONAME of the one found at configure time (PARLEY_GLPK_SONAME, CMakeLists.txt). A package of
// the program must then depend on that library by name, as on libcrypto
// (sim/io/sweep/sha256.cpp): the linker no longer records it.
#define PARLEY_GLPK_FUNCTIONS(F) \
  F(create_prob) F(delete_prob) F(free_env) F(term_out) F(set_obj_dir) F(add_cols) F(add_rows) \
  F(set_col_kind) F(set_col_bnds) F(set_row_bnds) F(set_mat_row) F(set_obj_coef) F(init_smcp) \
  F(init_iocp) F(simplex) F(adv_basis) F(intopt) F(get_status) F(mip_status) F(get_num_cols) \
  F(get_col_lb) F(get_col_ub) F(get_col_prim) F(get_row_prim) F(mip_col_val)

struct Glpk {
#define PARLEY_GLPK_POINTER(name) decltype(&glp_##name) name = nullptr;
  PARLEY_GLPK_FUNCTIONS(PARLEY_GLPK_POINTER)
#undef PARLEY_GLPK_POINTER
};

/// GLPK's functions, loaded once (thread-safe static); the library stays loaded for the life
/// of the process.
const Glpk& glpk() {
  static const Glpk loaded = [] {
    void* library = dlopen(PARLEY_GLPK_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library)
      throw std::runtime_error(std::string("the integer programs need GLPK: cannot load ") + PARLEY_GLPK_SONAME +
                               ": " + dlerror());
    Glpk functions;
#define PARLEY_GLPK_LOOKUP(name)                                                                     \
  functions.name = reinterpret_cast<decltype(&glp_##name)>(dlsym(library, "glp_" #name));          \
  if (!functions.name) throw std::runtime_error(std::string(PARLEY_GLPK_SONAME) + " lacks glp_" #name);
    PARLEY_GLPK_FUNCTIONS(PARLEY_GLPK_LOOKUP)
#undef PARLEY_GLPK_LOOKUP
    return functions;
  }();
  return loaded;
}
#undef PARLEY_GLPK_FUNCTIONS

/// How many times a query may cut off a discrete choice that the solver's tolerances accepted
/// and the model's tie rule does not; each cut removes one choice, and in practice none is
/// needed (GLPK's feasibility tolerance, 1e-7, is met far closer by choices with exact data).
constexpr int max_cuts = 32;

/// 64 ulps of max(1, |x|): the rounding of a simplex vertex in double and of the few
/// operations that recompute a utility from it, far below the tie tolerance (4096 ulps).
double rounding_margin(double x) { return 64.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(x)); }

/// The simplex's options: silent, warm-started from the query's last basis.
glp_smcp simplex_options() {
  glp_smcp options;
  glpk().init_smcp(&options);
  options.msg_lev = GLP_MSG_OFF;
  return options;
}

/// The branch and bound's options: silent, no gap (the optimum, not a near one), tighter
/// integrality and objective tolerances than GLPK's defaults (1e-5, 1e-7), Gomory's
/// mixed-integer, MIR, cover and clique cuts (which close a floor like "at least 8.33 coins"
/// to "at least 9" at the root instead of branching over equivalent coins).
glp_iocp branch_and_bound_options() {
  glp_iocp options;
  glpk().init_iocp(&options);
  options.msg_lev = GLP_MSG_OFF;
  options.presolve = GLP_OFF;  // the relaxation is solved (warm) just before
  options.mip_gap = 0.0;
  options.tol_int = 1e-9;
  options.tol_obj = 1e-9;
  options.gmi_cuts = GLP_ON;
  options.mir_cuts = GLP_ON;
  options.cov_cuts = GLP_ON;
  options.clq_cuts = GLP_ON;
  return options;
}

}  // namespace

PackageProgram::PackageProgram(const Scenario& scenario, std::span<const std::size_t> veto,
                               const std::vector<IssueRestriction>& restriction)
    : scenario_(&scenario), veto_(veto.begin(), veto.end()) {
  const std::vector<IssueRestriction> red_lines =
      intersect_restrictions(scenario, restriction, red_line_restriction(scenario, veto));
  issues_.resize(scenario.issues.size());
  for (std::size_t k = 0; k < scenario.issues.size(); ++k)
    add_issue(k, red_lines.empty() ? nullptr : &red_lines[k]);
  add_constraints();
  add_utility_rows();
  floors_.assign(veto_.size(), -std::numeric_limits<double>::infinity());
}

PackageProgram::~PackageProgram() = default;

int PackageProgram::add_column(bool binary, double lo, double hi) {
  columns_.push_back({binary, lo, hi});
  const auto j = static_cast<int>(columns_.size());  // GLPK's columns are numbered from 1
  (binary ? binary_columns_ : theta_columns_).push_back(j);
  return j;
}

int PackageProgram::add_row(std::span<const int> columns, std::span<const double> values, int type, double lo,
                            double hi) {
  // GLPK's arrays are 1-based: element 0 is unused.
  Row row{type, lo, hi, std::vector<int>(columns.size() + 1, 0), std::vector<double>(values.size() + 1, 0.0)};
  std::copy(columns.begin(), columns.end(), row.index.begin() + 1);
  std::copy(values.begin(), values.end(), row.value.begin() + 1);
  rows_.push_back(std::move(row));
  return static_cast<int>(rows_.size());
}

void PackageProgram::add_issue(std::size_t k, const IssueRestriction* r) {
  const Issue& issue = scenario_->issues[k];
  IssueColumns& cols = issues_[k];
  if (r != nullptr && r->none) empty_ = true;
  switch (issue.kind) {
    case IssueKind::ordinal:
      for (std::size_t l = 0; l < issue.levels.size(); ++l)
        if (r == nullptr || r->levels.empty() || r->levels[l] != 0) cols.amounts.push_back(static_cast<double>(l));
      add_choices(k, cols);
      break;
    case IssueKind::clauses:
      for (std::size_t c = 0; c < issue.clauses.size(); ++c) {
        int forced = r != nullptr && !r->clauses.empty() ? r->clauses[c] : -1;
        // A clause no veto party values stays as it is (the status quo), as on the frontier:
        // the package leaves alone what nobody who must sign it cares about.
        if (forced < 0 && !valued(k, c) && !constrained(k, c))
          forced = issue.status_quo_clauses.empty() ? 0 : issue.status_quo_clauses[c];
        cols.options.push_back(forced < 0 ? add_column(true, 0.0, 1.0) : add_column(true, forced, forced));
        cols.amounts.push_back(static_cast<double>(c));
      }
      return;  // any subset: no "exactly one" row
    case IssueKind::continuous: {
      // The amounts the class allows, by the frontier's own rules (restricted_issue.hpp), so
      // that a package's amount is exactly one of the frontier's grid points.
      const auto [lo, hi] = restricted_interval(issue, r);
      if (issue.steps) {
        const auto [first, last] = restricted_grid_span(issue, r);
        for (int j = first; j <= last; ++j) cols.amounts.push_back(frontier_grid_point(issue, j));
        add_choices(k, cols);
        break;
      }
      if (lo > hi) break;
      // Segments between every veto party's breakpoints inside [lo, hi]; an issue no veto
      // party values stays at its status quo (one segment of width 0).
      std::vector<double> breaks{lo, hi};
      if (!valued(k, 0)) breaks = {std::clamp(issue.status_quo, lo, hi)};
      for (const std::size_t i : veto_)
        if (scenario_->parties[i].weights[k] != 0.0)
          for (const auto& [x, value] : scenario_->parties[i].values[k].curve.points())
            if (x > lo && x < hi) breaks.push_back(x);
      std::sort(breaks.begin(), breaks.end());
      breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
      if (breaks.size() == 1) breaks.push_back(breaks.front());  // one segment of width 0
      for (std::size_t g = 0; g + 1 < breaks.size(); ++g) {
        const int s = add_column(true, 0.0, 1.0);
        const int theta = add_column(false, 0.0, 1.0);
        cols.options.push_back(s);
        cols.amounts.push_back(breaks[g]);
        cols.widths.push_back(breaks[g + 1] - breaks[g]);
        cols.thetas.push_back(theta);
        // theta_g <= s_g: only the chosen segment moves.
        const int pair[] = {theta, s};
        const double coefficients[] = {1.0, -1.0};
        add_row(pair, coefficients, GLP_UP, 0.0, 0.0);
      }
      break;
    }
  }
  if (cols.options.empty()) {
    empty_ = true;
    return;
  }
  const std::vector<double> ones(cols.options.size(), 1.0);
  add_row(cols.options, ones, GLP_FX, 1.0, 1.0);  // exactly one option
}

bool PackageProgram::valued(std::size_t k, std::size_t clause) const {
  const Issue& issue = scenario_->issues[k];
  for (const std::size_t i : veto_) {
    const Party& p = scenario_->parties[i];
    if (p.weights[k] == 0.0) continue;
    if (issue.kind != IssueKind::clauses) return true;
    if (p.values[k].clause_max - p.values[k].clause_min > 0.0 && p.values[k].clause_values[clause] != 0.0) return true;
  }
  return false;
}

bool PackageProgram::constrained(std::size_t k, std::size_t option) const {
  const auto is = [&](const PackageTerm& t) { return t.issue == k && (option == any_option || t.option == option); };
  return std::any_of(scenario_->constraints.begin(), scenario_->constraints.end(),
                     [&](const TermConstraint& c) { return is(c.first) || is(c.second); });
}

void PackageProgram::add_choices(std::size_t k, IssueColumns& cols) {
  const Issue& issue = scenario_->issues[k];
  if (!cols.amounts.empty() && !valued(k, 0) && !constrained(k, any_option)) {
    // No veto party values the issue: the allowed option nearest the status quo (the lower on
    // a tie), as on the frontier.
    const auto nearest = std::min_element(cols.amounts.begin(), cols.amounts.end(), [&](double a, double b) {
      return std::abs(a - issue.status_quo) < std::abs(b - issue.status_quo);
    });
    cols.amounts = {*nearest};
  }
  for (std::size_t o = 0; o < cols.amounts.size(); ++o) cols.options.push_back(add_column(true, 0.0, 1.0));
}

int PackageProgram::term_column(std::size_t issue, std::size_t option) const {
  const IssueColumns& cols = issues_[issue];
  for (std::size_t o = 0; o < cols.options.size(); ++o)
    if (cols.amounts[o] == static_cast<double>(option)) return cols.options[o];
  return 0;  // a level the red lines forbid: never in the package
}

void PackageProgram::add_constraints() {
  for (const TermConstraint& c : scenario_->constraints) {
    const int first = term_column(c.first.issue, c.first.option);
    if (first == 0) continue;  // the first term is never in: the constraint holds
    const int second = term_column(c.second.issue, c.second.option);
    if (c.kind == TermConstraint::Kind::excludes) {
      if (second == 0) continue;
      const int both[] = {first, second};
      const double coefficients[] = {1.0, 1.0};
      add_row(both, coefficients, GLP_UP, 0.0, 1.0);  // b_1 + b_2 <= 1
    } else if (second == 0) {
      columns_[static_cast<std::size_t>(first) - 1].hi = 0.0;  // requires a term that is never in
    } else {
      const int both[] = {first, second};
      const double coefficients[] = {1.0, -1.0};
      add_row(both, coefficients, GLP_UP, 0.0, 0.0);  // b_1 <= b_2
    }
  }
}

void PackageProgram::add_utility_rows() {
  const std::size_t columns = columns_.size();
  for (const std::size_t i : veto_) {
    const Party& p = scenario_->parties[i];
    std::vector<double> dense(columns + 1, 0.0);
    double constant = 0.0;
    for (std::size_t k = 0; k < scenario_->issues.size(); ++k) {
      const double w = p.weights[k];
      if (w == 0.0) continue;
      const Issue& issue = scenario_->issues[k];
      const IssueValuation& v = p.values[k];
      const IssueColumns& cols = issues_[k];
      if (issue.kind == IssueKind::clauses) {
        // v(S) = (sum_{c in S} a_c - min) / (max - min), linear in the clause binaries.
        const double range = v.clause_max - v.clause_min;
        if (range <= 0.0) continue;
        constant -= w * v.clause_min / range;
        for (std::size_t c = 0; c < cols.options.size(); ++c)
          dense[static_cast<std::size_t>(cols.options[c])] += w * v.clause_values[c] / range;
        continue;
      }
      for (std::size_t o = 0; o < cols.options.size(); ++o) {
        const double at = v.value_of_amount(issue, cols.amounts[o]);
        dense[static_cast<std::size_t>(cols.options[o])] += w * at;
        if (!cols.thetas.empty())
          dense[static_cast<std::size_t>(cols.thetas[o])] += w * (v.curve(cols.amounts[o] + cols.widths[o]) - at);
      }
    }
    std::vector<int> index;
    std::vector<double> value;
    for (std::size_t j = 1; j <= columns; ++j)
      if (dense[j] != 0.0) {
        index.push_back(static_cast<int>(j));
        value.push_back(dense[j]);
      }
    utility_rows_.push_back(add_row(index, value, GLP_FR, 0.0, 0.0));
    utility_constants_.push_back(constant);
    utility_coefficients_.push_back(std::move(dense));
  }
}

std::size_t PackageProgram::dimension(std::size_t party) const {
  return static_cast<std::size_t>(std::find(veto_.begin(), veto_.end(), party) - veto_.begin());
}

std::vector<double> PackageProgram::others_coefficients(std::size_t own) const {
  std::vector<double> sum(utility_coefficients_[own].size(), 0.0);
  for (std::size_t d = 0; d < veto_.size(); ++d)
    if (d != own)
      for (std::size_t j = 0; j < sum.size(); ++j) sum[j] += utility_coefficients_[d][j];
  return sum;
}

void PackageProgram::set_objective(std::span<const double> dense) {
  for (std::size_t j = 1; j < dense.size(); ++j) glpk().set_obj_coef(lp_, static_cast<int>(j), dense[j]);
}

void PackageProgram::set_floor(std::size_t party, double floor, bool exact) {
  const std::size_t d = dimension(party);
  floors_[d] = floor;
  if (!std::isfinite(floor)) {
    glpk().set_row_bnds(lp_, utility_rows_[d], GLP_FR, 0.0, 0.0);
    return;
  }
  // Ties go to acceptance (DESIGN 1.9): for the branch and bound a floor met up to the tie
  // tolerance is met. The continuous step meets it up to the rounding of its vertex only
  // (`exact`), so that the package, whose utility is recomputed, meets it up to the tie tolerance.
  const double margin = exact ? rounding_margin(floor) : tie_tolerance(floor, floor);
  glpk().set_row_bnds(lp_, utility_rows_[d], GLP_LO, floor - margin - utility_constants_[d], 0.0);
}

void PackageProgram::bound_floors(bool exact) {
  for (std::size_t d = 0; d < veto_.size(); ++d) set_floor(veto_[d], floors_[d], exact);
}

std::optional<std::vector<double>> PackageProgram::solve_discrete() {
  glp_smcp simplex = simplex_options();
  int status = glpk().simplex(lp_, &simplex);
  if (status == GLP_EBADB || status == GLP_ESING || status == GLP_ECOND) {
    // A basis made invalid by rows added or removed since the last query: start afresh.
    glpk().adv_basis(lp_, 0);
    status = glpk().simplex(lp_, &simplex);
  }
  if (status != 0 || glpk().get_status(lp_) != GLP_OPT) return std::nullopt;
  glp_iocp branch = branch_and_bound_options();
  if (glpk().intopt(lp_, &branch) != 0 || glpk().mip_status(lp_) != GLP_OPT) return std::nullopt;
  const int n = glpk().get_num_cols(lp_);
  std::vector<double> columns(static_cast<std::size_t>(n) + 1, 0.0);
  for (int j = 1; j <= n; ++j) columns[static_cast<std::size_t>(j)] = glpk().mip_col_val(lp_, j);
  return columns;
}

std::optional<std::vector<double>> PackageProgram::solve_continuous(const std::vector<double>& discrete,
                                                                    std::size_t proposer, bool others) {
  if (theta_columns_.empty()) return discrete;  // nothing continuous: the choice is the package
  std::vector<std::pair<double, double>> bounds;
  for (const int j : binary_columns_) {
    bounds.emplace_back(glpk().get_col_lb(lp_, j), glpk().get_col_ub(lp_, j));
    const double fixed = std::round(discrete[static_cast<std::size_t>(j)]);
    glpk().set_col_bnds(lp_, j, GLP_FX, fixed, fixed);
  }
  const std::size_t own = dimension(proposer);
  const double own_floor = floors_[own];
  bound_floors(true);
  // The primal simplex in double, not glp_exact: GLPK's exact simplex first replaces each double
  // datum by a nearby simple fraction (set_d_eps in its source), which moved a floor's row by
  // 1.5e-11 on a random test space, while the double simplex's vertex is computed from the
  // optimal basis to a few ulps on these small programs. A basic theta may stray outside
  // [0, s_g] by tol_bnd only, set far below the tie tolerance's effect on utilities.
  glp_smcp simplex = simplex_options();
  simplex.tol_bnd = 1e-12;
  std::optional<std::vector<double>> out;
  set_objective(utility_coefficients_[own]);
  if (glpk().simplex(lp_, &simplex) == 0 && glpk().get_status(lp_) == GLP_OPT) {
    if (others) {
      // Among the maximisers, the best for the others: u_rho held at its optimum.
      set_floor(proposer, glpk().get_row_prim(lp_, utility_rows_[own]) + utility_constants_[own], true);
      set_objective(others_coefficients(own));
      glpk().simplex(lp_, &simplex);
    }
    if (glpk().get_status(lp_) == GLP_OPT) {
      const int n = glpk().get_num_cols(lp_);
      out.emplace(static_cast<std::size_t>(n) + 1, 0.0);
      for (int j = 1; j <= n; ++j) (*out)[static_cast<std::size_t>(j)] = glpk().get_col_prim(lp_, j);
    }
  }
  floors_[own] = own_floor;
  bound_floors(false);
  for (std::size_t b = 0; b < binary_columns_.size(); ++b) {
    const auto [lo, hi] = bounds[b];
    glpk().set_col_bnds(lp_, binary_columns_[b], lo == hi ? GLP_FX : GLP_DB, lo, hi);
  }
  return out;
}

Agreement PackageProgram::decode(const std::vector<double>& columns) const {
  Agreement x = scenario_->status_quo();
  for (std::size_t k = 0; k < issues_.size(); ++k) {
    const Issue& issue = scenario_->issues[k];
    const IssueColumns& cols = issues_[k];
    for (std::size_t o = 0; o < cols.options.size(); ++o) {
      const bool chosen = columns[static_cast<std::size_t>(cols.options[o])] > 0.5;
      if (issue.kind == IssueKind::clauses) {
        x.clauses[issue.clause_offset + o] = chosen ? 1 : 0;
        continue;
      }
      if (!chosen) continue;
      x.amounts[k] = cols.amounts[o];
      if (!cols.thetas.empty()) {
        const double theta = std::clamp(columns[static_cast<std::size_t>(cols.thetas[o])], 0.0, 1.0);
        // theta = 1 is the segment's end itself, not x_g + width rounded.
        x.amounts[k] = theta == 1.0 ? std::min(cols.amounts[o] + cols.widths[o], issue.hi)
                                    : cols.amounts[o] + cols.widths[o] * theta;
      }
    }
  }
  return x;
}

void PackageProgram::instantiate() {
  glpk().set_obj_dir(lp_, GLP_MAX);
  glpk().add_cols(lp_, static_cast<int>(columns_.size()));
  for (std::size_t j = 0; j < columns_.size(); ++j) {
    const Column& c = columns_[j];
    const auto column = static_cast<int>(j + 1);
    glpk().set_col_kind(lp_, column, c.binary ? GLP_BV : GLP_CV);
    glpk().set_col_bnds(lp_, column, c.lo == c.hi ? GLP_FX : GLP_DB, c.lo, c.hi);
  }
  glpk().add_rows(lp_, static_cast<int>(rows_.size()));
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    const auto row = static_cast<int>(i + 1);
    glpk().set_mat_row(lp_, row, static_cast<int>(r.index.size() - 1), r.index.data(), r.value.data());
    glpk().set_row_bnds(lp_, row, r.type, r.lo, r.hi);
  }
}

void PackageProgram::cut_off(const std::vector<double>& columns) {
  // sum_{b = 1} b - sum_{b = 0} b <= |{b = 1}| - 1: every discrete choice but this one.
  std::vector<double> coefficients;
  double ones = 0.0;
  for (const int j : binary_columns_) {
    const bool one = columns[static_cast<std::size_t>(j)] > 0.5;
    coefficients.push_back(one ? 1.0 : -1.0);
    ones += one ? 1.0 : 0.0;
  }
  std::vector<int> index{0};
  index.insert(index.end(), binary_columns_.begin(), binary_columns_.end());
  coefficients.insert(coefficients.begin(), 0.0);  // GLPK's arrays are 1-based
  const int row = glpk().add_rows(lp_, 1);
  glpk().set_mat_row(lp_, row, static_cast<int>(binary_columns_.size()), index.data(), coefficients.data());
  glpk().set_row_bnds(lp_, row, GLP_UP, 0.0, ones - 1.0);
}

std::optional<Agreement> PackageProgram::best(std::size_t proposer, std::span<const double> floors) {
  if (empty_) return std::nullopt;
  // The core never prints: GLPK's clique-cut generator writes to the terminal whatever the
  // message level, so its terminal output is off (a per-thread setting: set it here).
  glpk().term_out(GLP_OFF);
  // The GLPK problem lives for this query only, in this thread: GLPK keeps its memory in a
  // per-thread environment, so a problem must be created, used and deleted by one thread,
  // and an offer space is solved in one thread and released in another (the engine's lazily
  // solved equilibrium, the Python module's worker). The environment itself is freed after
  // each query too: a worker thread that ends would otherwise leak it.
  lp_ = glpk().create_prob();
  instantiate();
  std::optional<Agreement> result = lexicographic_best(proposer, floors);
  glpk().delete_prob(lp_);
  lp_ = nullptr;
  glpk().free_env();
  floors_.assign(veto_.size(), -std::numeric_limits<double>::infinity());
  return result;
}

std::optional<Agreement> PackageProgram::lexicographic_best(std::size_t proposer, std::span<const double> floors) {
  const auto meets_floors = [&](const Agreement& x) {
    for (const std::size_t j : veto_)
      if (j != proposer && std::isfinite(floors[j]) && !worth_at_least(scenario_->utility(j, x), floors[j]))
        return false;
    return true;
  };
  for (const std::size_t j : veto_) set_floor(j, j == proposer ? -std::numeric_limits<double>::infinity() : floors[j], false);
  const std::size_t own = dimension(proposer);
  for (int attempt = 0; attempt < max_cuts; ++attempt) {
    set_objective(utility_coefficients_[own]);
    const auto first = solve_discrete();
    if (!first) return std::nullopt;
    const auto exact = solve_continuous(*first, proposer, false);
    Agreement x;
    if (exact) x = decode(*exact);
    if (!exact || !meets_floors(x)) {
      cut_off(*first);
      continue;
    }
    // Among the maximisers, the best for the others: a second program with u_rho held at the
    // optimum (its own tolerance: the tie rule's).
    const double value = scenario_->utility(proposer, x);
    set_floor(proposer, value, false);
    set_objective(others_coefficients(own));
    const auto second = solve_discrete();
    const auto tied = second ? solve_continuous(*second, proposer, true) : solve_continuous(*first, proposer, true);
    if (tied) {
      Agreement y = decode(*tied);
      if (meets_floors(y) && worth_at_least(scenario_->utility(proposer, y), value)) return y;
    }
    return x;
  }
  return std::nullopt;
}

}  // namespace parley
