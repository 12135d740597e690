#include "parley/equilibrium/peace_offers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/agreement/admissible_packages.hpp"
#include "parley/model/utility_tolerance.hpp"
#include "program_answers.hpp"

namespace parley {

namespace {

constexpr double kNoThreshold = -std::numeric_limits<double>::infinity();

/// One way to fill one dimension of a class: a restriction of one issue and the durability
/// terms (indices into DurabilityParams::terms) an agreement of it contains.
struct PeaceClassChoice {
  std::size_t issue = 0;
  IssueRestriction restriction;
  std::vector<std::size_t> terms;
  int line = -1;  ///< set for the choices of the linked issue
};

/// The levels of an ordinal issue with terms: one choice per termed level, and one for the
/// levels without a term (they make the same peace) when there are any.
std::vector<PeaceClassChoice> peace_level_choices(const Scenario& scenario, std::size_t k) {
  const Issue& issue = scenario.issues[k];
  const auto& terms = scenario.durability->terms;
  std::vector<PeaceClassChoice> choices;
  std::vector<std::uint8_t> untermed(issue.levels.size(), 1);
  for (std::size_t l = 0; l < issue.levels.size(); ++l) {
    PeaceClassChoice choice;
    choice.issue = k;
    for (std::size_t m = 0; m < terms.size(); ++m)
      if (terms[m].issue == k && terms[m].level == static_cast<int>(l)) choice.terms.push_back(m);
    if (choice.terms.empty()) continue;
    untermed[l] = 0;
    choice.restriction.levels.assign(issue.levels.size(), 0);
    choice.restriction.levels[l] = 1;
    choices.push_back(std::move(choice));
  }
  if (std::find(untermed.begin(), untermed.end(), 1) != untermed.end()) {
    PeaceClassChoice rest;
    rest.issue = k;
    rest.restriction.levels = std::move(untermed);
    choices.push_back(std::move(rest));
  }
  return choices;
}

/// The lines of the linked issue k: for each front state L, the amounts whose renewal line is
/// L (renewal_line rounds share * N to the nearest state). On an offer grid, the grid points of
/// each line (bracketed a quarter step wide so rounding cannot move one across); otherwise the
/// interval [(L - 1/2) / N, (L + 1/2) / N) of shares, its open end 1e-12 of the range short.
std::vector<PeaceClassChoice> peace_line_choices(const Scenario& scenario, std::size_t k) {
  const Issue& issue = scenario.issues[k];
  const int n = scenario.battlefield->states;
  const double width = issue.hi - issue.lo;
  std::vector<PeaceClassChoice> choices(static_cast<std::size_t>(n) + 1);
  for (int line = 0; line <= n; ++line) {
    PeaceClassChoice& choice = choices[static_cast<std::size_t>(line)];
    choice.issue = k;
    choice.line = line;
  }
  if (issue.steps) {
    const int steps = *issue.steps;
    const double step = width / steps;
    std::vector<std::pair<double, double>> span(static_cast<std::size_t>(n) + 1,
                                                {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()});
    for (int g = 0; g <= steps; ++g) {
      Agreement probe;
      probe.amounts.assign(scenario.issues.size(), 0.0);
      const double z = g == steps ? issue.hi : issue.lo + width * g / steps;
      probe.amounts[k] = z;
      auto& [lo, hi] = span[static_cast<std::size_t>(renewal_line(scenario, probe, 0))];
      lo = std::min(lo, z);
      hi = std::max(hi, z);
    }
    for (int line = 0; line <= n; ++line) {
      const auto& [lo, hi] = span[static_cast<std::size_t>(line)];
      PeaceClassChoice& choice = choices[static_cast<std::size_t>(line)];
      if (lo > hi) {  // no grid point on this line: an empty class
        choice.restriction.lo = issue.hi;
        choice.restriction.hi = issue.lo;
        continue;
      }
      choice.restriction.lo = lo - step / 4;
      choice.restriction.hi = hi + step / 4;
    }
    return choices;
  }
  for (int line = 0; line <= n; ++line) {
    PeaceClassChoice& choice = choices[static_cast<std::size_t>(line)];
    choice.restriction.lo = line == 0 ? issue.lo : issue.lo + width * (line - 0.5) / n;
    choice.restriction.hi = line == n ? issue.hi : issue.lo + width * (line + 0.5) / n - 1e-12 * width;
  }
  return choices;
}

}  // namespace

PeaceOffers::PeaceOffers(const Scenario& scenario, const AgreementSpaceOptions& options, RenewedTalks talks) {
  if (!scenario.durability) throw std::invalid_argument("peace offers: the scenario has no durability section");
  if (!scenario.battlefield) throw std::invalid_argument("peace offers: durability needs a battlefield");
  veto_ = scenario.veto_parties();
  if (veto_.size() < 2)
    throw std::invalid_argument("the solver under durability needs at least two veto parties, not " +
                                std::to_string(veto_.size()));
  scenario_ = std::make_shared<const Scenario>(scenario);
  pair_count_ = veto_.size() * (veto_.size() - 1) / 2;
  const DurabilityParams& d = *scenario.durability;
  parties_ = scenario.parties.size();
  horizon_ = scenario.horizon;
  start_ = scenario.battlefield->start;
  for (const Party& party : scenario.parties) discount_.push_back(party.discount);
  const int T = horizon_;
  const BattlefieldChain base_chain(renewed_battlefield(scenario));
  const int S = base_chain.state_count();

  // Self-enforcement binds the veto belligerents (peace_terms), unless the agreement is binding.
  may_renew_.assign(parties_, 0);
  if (d.commitment == DurabilityParams::Commitment::self_enforcing)
    for (const std::size_t j : veto_)
      if (scenario.parties[j].role == Role::belligerent) may_renew_[j] = 1;

  // The dimensions of a class: each issue with terms, each termed clause, the linked issue.
  std::vector<std::vector<PeaceClassChoice>> dimensions;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (issue.kind == IssueKind::ordinal) {
      const bool termed = std::any_of(d.terms.begin(), d.terms.end(), [k](const DurabilityTerm& m) { return m.issue == k; });
      if (termed) dimensions.push_back(peace_level_choices(scenario, k));
    } else if (issue.kind == IssueKind::clauses) {
      for (std::size_t c = 0; c < issue.clauses.size(); ++c) {
        std::vector<std::size_t> termed;
        for (std::size_t m = 0; m < d.terms.size(); ++m)
          if (d.terms[m].issue == k && d.terms[m].clause == static_cast<int>(c)) termed.push_back(m);
        if (termed.empty()) continue;
        PeaceClassChoice out{k, {}, {}, -1};
        out.restriction.clauses.assign(issue.clauses.size(), -1);
        out.restriction.clauses[c] = 0;
        PeaceClassChoice in = out;
        in.restriction.clauses[c] = 1;
        in.terms = termed;
        dimensions.push_back({std::move(out), std::move(in)});
      }
    }
  }
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    if (!scenario.issues[k].linked_to_front) continue;
    dimensions.push_back(peace_line_choices(scenario, k));
    break;  // renewal_line follows the first linked issue
  }

  // Every combination of one choice per dimension, in mixed radix.
  std::vector<PostSettlementBalance> balances;
  std::vector<std::size_t> digit(dimensions.size(), 0);
  AgreementSpaceOptions class_options = options;
  for (;;) {
    PeaceClass cls;
    cls.restriction.assign(scenario.issues.size(), IssueRestriction{});
    std::vector<std::size_t> contained;
    for (std::size_t dim = 0; dim < dimensions.size(); ++dim) {
      const PeaceClassChoice& choice = dimensions[dim][digit[dim]];
      IssueRestriction& r = cls.restriction[choice.issue];
      if (!choice.restriction.levels.empty()) r.levels = choice.restriction.levels;
      if (choice.restriction.lo) r.lo = choice.restriction.lo;
      if (choice.restriction.hi) r.hi = choice.restriction.hi;
      if (!choice.restriction.clauses.empty()) {
        if (r.clauses.empty()) r.clauses.assign(choice.restriction.clauses.size(), -1);
        for (std::size_t c = 0; c < r.clauses.size(); ++c)
          if (choice.restriction.clauses[c] >= 0) r.clauses[c] = choice.restriction.clauses[c];
      }
      contained.insert(contained.end(), choice.terms.begin(), choice.terms.end());
      if (choice.line >= 0) cls.line = choice.line;
    }
    // The same functions as for one agreement, on the terms the class's agreements contain.
    std::sort(contained.begin(), contained.end());
    cls.hazard = breakdown_hazard(scenario, contained);
    PostSettlementBalance balance = post_settlement_balance(scenario, contained);
    const auto known = std::find(balances.begin(), balances.end(), balance);
    cls.balance = static_cast<std::size_t>(known - balances.begin());
    if (known == balances.end()) balances.push_back(std::move(balance));

    if (veto_.size() == 2) {
      class_options.frontier.restriction = cls.restriction;
      AgreementSpace space(scenario, class_options);
      if (space.point_count() > 0) {
        classes_.push_back(std::move(cls));
        spaces_.push_back(std::move(space));
      }
    } else {
      // The class's program; it is empty when no package of it is signable at all.
      auto program = std::make_unique<ProgramAnswers>(*scenario_, veto_, cls.restriction);
      const std::vector<double> none(parties_, kNoThreshold);
      if (program->best(veto_[0], none)) {
        // The class's signable packages, as AgreementSpace would take them, for every pair.
        FrontierOptions pair_options = options.frontier;
        pair_options.restriction = intersect_restrictions(
            scenario, intersect_restrictions(scenario, options.frontier.restriction, cls.restriction),
            red_line_restriction(scenario, veto_));
        pair_options.alternatives = constraint_classes(scenario);
        for (std::size_t first = 0; first < veto_.size(); ++first)
          for (std::size_t second = first + 1; second < veto_.size(); ++second)
            pair_frontiers_.push_back(ParetoFrontier::build(scenario, veto_[first], veto_[second], pair_options));
        classes_.push_back(std::move(cls));
        programs_.push_back(std::move(program));
      }
    }
    std::size_t dim = 0;
    while (dim < dimensions.size() && ++digit[dim] == dimensions[dim].size()) digit[dim++] = 0;
    if (dim == dimensions.size()) break;
  }

  // Per balance and party, the renewed war's values: fought to the end (war_value, as
  // peace_terms values it), or left to the solver when talks resume after a breakdown.
  // Only the balances of non-empty classes: each is a renewed war the solver plays out.
  std::vector<std::size_t> renumbered(balances.size(), balances.size());
  for (PeaceClass& cls : classes_) {
    if (renumbered[cls.balance] == balances.size()) {
      renumbered[cls.balance] = balances_.size();
      balances_.push_back(balances[cls.balance]);
    }
    cls.balance = renumbered[cls.balance];
  }
  talks_ = talks;
  const std::size_t tables = balances_.size() * parties_;
  renewed_value_.reserve(tables);
  renewed_fight_.reserve(tables);
  for (const PostSettlementBalance& balance : balances_) {
    const BattlefieldChain chain(renewed_battlefield(scenario), balance.advantage_shift);
    for (std::size_t i = 0; i < parties_; ++i) {
      renewed_value_.emplace_back(T + 1, S, 0.0);
      renewed_fight_.emplace_back(T + 1, S, 0.0);
      if (talks_ == RenewedTalks::resumed) continue;
      // Without talks the value of a war renewed at will at t is the war value at t itself.
      const WarValueTable war = renewed_war_value(scenario, chain, balance, i);
      for (int t = 0; t <= T; ++t)
        for (int s = 0; s < S; ++s) renewed_value_.back()(t, s) = renewed_fight_.back()(t, s) = war(t, s);
    }
  }

  const auto periods = static_cast<std::size_t>(T + 1);
  slope_.assign(classes_.size() * parties_ * periods, 0.0);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const int columns = classes_[c].line >= 0 ? 1 : S;
    for (std::size_t i = 0; i < parties_; ++i) {
      slope_[(c * parties_ + i) * periods + static_cast<std::size_t>(T)] = 1.0;
      intercept_.emplace_back(T + 1, columns, 0.0);
      threshold_.emplace_back(T + 1, columns, kNoThreshold);
    }
  }
  // The bounds that let a query skip a class: each veto party's best utility in it, and for
  // the proposer rho facing responder j the support values M_c(lambda) = max_x u_rho + lambda
  // u_j over the class (attained at a vertex: the frontier is linear between its vertices),
  // so that u_rho <= M_c(lambda) - lambda f_j wherever u_j >= f_j.
  best_utility_.assign(classes_.size() * parties_, -std::numeric_limits<double>::infinity());
  support_.assign(classes_.size() * 2 * kSupportSlopes.size(), -std::numeric_limits<double>::infinity());
  // With three or more veto parties, each one's best in the class (no floor): best_for_many's
  // bound. These first answers also settle every later query they still meet.
  const std::vector<double> none(parties_, kNoThreshold);
  for (std::size_t c = 0; c < programs_.size(); ++c)
    for (const std::size_t j : veto_)
      if (const auto x = programs_[c]->best(j, none)) best_utility_[c * parties_ + j] = programs_[c]->utilities(*x)[j];
  for (std::size_t c = 0; c < spaces_.size(); ++c) {
    const AgreementSpace& space = spaces_[c];
    for (std::size_t v = 0; v < space.point_count(); ++v) {
      const double u0 = space.utility(space.point(v), veto_[0]);
      const double u1 = space.utility(space.point(v), veto_[1]);
      double& best0 = best_utility_[c * parties_ + veto_[0]];
      double& best1 = best_utility_[c * parties_ + veto_[1]];
      best0 = std::max(best0, u0);
      best1 = std::max(best1, u1);
      for (std::size_t k = 0; k < kSupportSlopes.size(); ++k) {
        double& m0 = support_[(c * 2 + 0) * kSupportSlopes.size() + k];
        double& m1 = support_[(c * 2 + 1) * kSupportSlopes.size() + k];
        m0 = std::max(m0, u0 + kSupportSlopes[k] * u1);
        m1 = std::max(m1, u1 + kSupportSlopes[k] * u0);
      }
    }
  }
  floors_.assign(parties_, kNoThreshold);
  // The packed rows: a per veto party, then per column b and sigma per veto party; row T is
  // the final peace (a = 1, b = 0, no threshold).
  packed_offset_.assign(classes_.size(), 0);
  packed_stride_ = 0;
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    packed_offset_[c] = packed_stride_;
    packed_stride_ += 2 + 4 * static_cast<std::size_t>(classes_[c].line >= 0 ? 1 : S);
  }
  packed_.assign(periods * packed_stride_, kNoThreshold);
  for (std::size_t t = 0; t < periods; ++t)
    for (std::size_t c = 0; c < classes_.size(); ++c) {
      double* packed = packed_.data() + t * packed_stride_ + packed_offset_[c];
      packed[0] = packed[1] = 1.0;
      const std::size_t columns = classes_[c].line >= 0 ? 1 : static_cast<std::size_t>(S);
      for (std::size_t col = 0; col < columns; ++col) packed[2 + 4 * col] = packed[2 + 4 * col + 1] = 0.0;
    }
  class_bounds_.assign(classes_.size(), 0.0);
  class_floors_.assign(classes_.size(), 0.0);
  responder_floors_.assign(classes_.size() * parties_, kNoThreshold);
  if (talks_ == RenewedTalks::none)
    for (int t = T - 1; t >= 0; --t) complete_period(t);
}

PeaceOffers::~PeaceOffers() = default;

const ParetoFrontier& PeaceOffers::pair_frontier(std::size_t c, std::size_t d, std::size_t e) const {
  if (d > e) std::swap(d, e);
  // Pairs (d, e), d < e, in lexicographic order: those of d' < d come first.
  const std::size_t m = veto_.size();
  const std::size_t before = d * m - d * (d + 1) / 2;
  return pair_frontiers_[c * pair_count_ + before + (e - d - 1)];
}

double PeaceOffers::pair_best(std::size_t c, std::size_t d, std::size_t e, double floor) const {
  const ParetoFrontier& f = pair_frontier(c, d, e);
  // A thinned frontier (epsilon > 0, adversarial spaces only) may miss a package just above the
  // floor: it bounds nothing, and the class's program decides.
  if (f.epsilon() > 0.0) return std::numeric_limits<double>::infinity();
  const auto point = d < e ? f.max_a_given_b(floor) : f.max_b_given_a(floor);
  if (!point) return -std::numeric_limits<double>::infinity();
  return d < e ? point->u_a : point->u_b;
}

std::size_t PeaceOffers::programs_solved() const {
  std::size_t n = 0;
  for (const auto& program : programs_) n += program->programs_solved();
  return n;
}

const AgreementSpace& PeaceOffers::class_space(std::size_t c) const {
  if (veto_.size() > 2)
    throw std::logic_error("peace offers: with three or more veto parties a class is a program, not a frontier");
  return spaces_[c];
}

void PeaceOffers::complete_period(int t) {
  // a_ic(t), b_ic(t, L) and sigma_ic(t, L) from period t + 1, by peace_outlook's recursion:
  // V(t + 1, L) of the renewed war after a breakdown, W(t, L) of one renewed at will at t.
  const auto periods = static_cast<std::size_t>(horizon_ + 1);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const PeaceClass& cls = classes_[c];
    const double h = cls.hazard;
    for (std::size_t i = 0; i < parties_; ++i) {
      const double delta = discount_[i];
      double* a_row = slope_.data() + (c * parties_ + i) * periods;
      TimeStateTable& b_table = intercept_[c * parties_ + i];
      TimeStateTable& sigma_table = threshold_[c * parties_ + i];
      const TimeStateTable& after = renewed_value_[cls.balance * parties_ + i];
      const TimeStateTable& fight = renewed_fight_[cls.balance * parties_ + i];
      // A peace that cannot break is worth u exactly ((1 - delta) + delta need not round to 1).
      a_row[t] = h == 0.0 ? 1.0 : (1.0 - delta) + delta * (1.0 - h) * a_row[t + 1];
      for (int col = 0; col < b_table.state_count(); ++col) {
        const int line = cls.line >= 0 ? cls.line : col;
        b_table(t, col) = delta * (1.0 - h) * b_table(t + 1, col) + delta * h * after(t + 1, line);
        if (!may_renew_[i]) continue;
        // Renewing at t pays when W(t) > a(t) u + b(t): the least u that keeps i at peace.
        const double gap = fight(t, line) - b_table(t, col);
        const double least = a_row[t] > 0.0 ? gap / a_row[t] : (gap > 0.0 ? std::numeric_limits<double>::infinity() : kNoThreshold);
        sigma_table(t, col) = std::max(sigma_table(t + 1, col), least);
      }
    }
    // The veto parties' coefficients, packed for best_for_at's pass over the classes.
    double* packed = packed_.data() + static_cast<std::size_t>(t) * packed_stride_ + packed_offset_[c];
    for (std::size_t k = 0; k < 2; ++k) {
      const std::size_t i = veto_[k];
      packed[k] = slope_[(c * parties_ + i) * periods + static_cast<std::size_t>(t)];
      const TimeStateTable& b_table = intercept_[c * parties_ + i];
      const TimeStateTable& sigma_table = threshold_[c * parties_ + i];
      for (int col = 0; col < b_table.state_count(); ++col) {
        packed[2 + 4 * col + k] = b_table(t, col);
        packed[2 + 4 * col + 2 + k] = sigma_table(t, col);
      }
    }
  }
}

std::optional<std::size_t> PeaceOffers::balance_index(const PostSettlementBalance& balance) const {
  const auto found = std::find(balances_.begin(), balances_.end(), balance);
  if (found == balances_.end()) return std::nullopt;
  return static_cast<std::size_t>(found - balances_.begin());
}

void PeaceOffers::terms_into(const Agreement& x, int t0, int s, PeaceTerms& out) const {
  const Scenario& sc = *scenario_;
  // Local, not scratch: value_of reaches here from every thread of a run.
  const std::vector<std::size_t> contained = contained_terms(sc, x);
  out.hazard = breakdown_hazard(sc, contained);
  out.settlement_period = t0;
  out.horizon = horizon_;
  const auto b = balance_index(post_settlement_balance(sc, contained));
  if (!b) throw std::logic_error("peace offers: an agreement whose balance no class has");
  const int line = renewal_line(sc, x, s);
  out.utility.resize(parties_);
  out.discount.assign(discount_.begin(), discount_.end());
  out.renewal.resize(parties_);
  out.breakdown.resize(parties_);
  out.may_renew.clear();
  for (std::size_t i = 0; i < parties_; ++i) {
    out.utility[i] = sc.utility(i, x);
    if (may_renew_[i]) out.may_renew.push_back(i);
    const TimeStateTable& after = renewed_value_[*b * parties_ + i];
    const TimeStateTable& fight = renewed_fight_[*b * parties_ + i];
    out.renewal[i].resize(static_cast<std::size_t>(horizon_) + 1);
    out.breakdown[i].resize(static_cast<std::size_t>(horizon_) + 1);
    for (int t = 0; t <= horizon_; ++t) {
      out.renewal[i][static_cast<std::size_t>(t)] = t < t0 ? 0.0 : fight(t, line);
      out.breakdown[i][static_cast<std::size_t>(t)] = t < t0 ? 0.0 : after(t, line);
    }
  }
}

PeaceTerms PeaceOffers::terms_of(const Agreement& x, int t0, int s) const {
  PeaceTerms out;
  terms_into(x, t0, s, out);
  return out;
}

double PeaceOffers::sigma(std::size_t c, std::size_t i, int t, int s) const {
  return threshold_[c * parties_ + i](t, column_of(c, s));
}

std::optional<SpacePoint> PeaceOffers::best_for(std::size_t proposer, std::span<const double> floors,
                                                std::span<double> utilities) const {
  return best_for_at(0, start_, proposer, floors, utilities);
}

std::optional<SpacePoint> PeaceOffers::best_for_at(int t, int s, std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const {
  if (veto_.size() > 2) return best_for_many(t, s, proposer, floors, utilities);
  // Branch and bound: with the responder j's floor f_j on u_j, no agreement of class c is worth
  // more to the proposer than a(t) min(max_c u_rho, min_lambda M_c(lambda) - lambda f_j) +
  // b(t, L), so once some class is known to give `reached`, a class whose bound falls short of
  // it by more than the tolerance cannot win and is not queried; nor is one whose best for j
  // is below f_j, or whose best for the proposer is below the proposer's own threshold.
  constexpr double kOut = -std::numeric_limits<double>::infinity();
  const std::size_t side = proposer == veto_[0] ? 0 : 1;
  const std::size_t other = 1 - side;
  const std::size_t responder = veto_[other];
  const double wanted = floors[responder];
  const bool floored = wanted > kNoThreshold;
  const double* row = packed_.data() + static_cast<std::size_t>(t) * packed_stride_;
  constexpr std::size_t slopes = kSupportSlopes.size();

  // First pass, one tight loop over the packed coefficients: every class's floor on u_j and its
  // bound, and the four largest bounds (queried first, for a good `reached` early).
  constexpr std::size_t kFirst = 4;
  std::array<std::size_t, kFirst> top{};
  std::array<double, kFirst> top_bound{};
  top_bound.fill(kOut);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const double* coefficients = row + packed_offset_[c];
    const double* at = coefficients + 2 + 4 * static_cast<std::size_t>(column_of(c, s));
    double floor = at[2 + other];  // sigma_j
    bool open = true;
    if (floored) {
      const double slope = coefficients[other];
      if (slope > 0.0)
        floor = std::max(floor, (wanted - at[other]) / slope);
      else
        open = worth_at_least(at[other], wanted);  // the peace is worth b whatever the agreement
    }
    const double best_own = best_utility_[c * parties_ + proposer];
    if (!open || worth_more(floor, best_utility_[c * parties_ + responder]) || worth_more(at[2 + side], best_own)) {
      class_bounds_[c] = kOut;
      continue;
    }
    double most = best_own;
    if (floor > kNoThreshold) {
      const double* support = support_.data() + (c * 2 + side) * slopes;
      for (std::size_t k = 0; k < slopes; ++k) most = std::min(most, support[k] - kSupportSlopes[k] * floor);
    }
    const double bound = coefficients[side] * most + at[side];
    class_bounds_[c] = bound;
    class_floors_[c] = floor;
    if (bound > top_bound[kFirst - 1]) {  // keep the four largest, in decreasing order
      std::size_t k = kFirst - 1;
      for (; k > 0 && bound > top_bound[k - 1]; --k) {
        top_bound[k] = top_bound[k - 1];
        top[k] = top[k - 1];
      }
      top_bound[k] = bound;
      top[k] = c;
    }
  }

  // The class's best agreement for the proposer given j's floor, if the proposer itself would
  // keep it.
  floors_[proposer] = kNoThreshold;
  const auto query = [&](std::size_t c) -> std::optional<SpacePoint> {
    floors_[responder] = class_floors_[c];
    auto point = spaces_[c].best_for(proposer, floors_);
    if (!point) return std::nullopt;
    if (!worth_at_least(spaces_[c].utility(*point, proposer), sigma(c, proposer, t, s))) return std::nullopt;
    return point;
  };
  double reached = kOut;
  for (std::size_t k = 0; k < kFirst && top_bound[k] > kOut; ++k) {
    const std::size_t c = top[k];
    if (const auto point = query(c)) {
      reached = a(c, proposer, t) * spaces_[c].utility(*point, proposer) + b(c, proposer, t, s);
      break;
    }
    class_bounds_[c] = kOut;  // infeasible: struck off
  }

  // Second pass, in class order (ties: the larger sum of the others' values, then the first).
  std::optional<SpacePoint> best;
  double best_value = 0.0;
  double best_others = 0.0;
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    if (class_bounds_[c] == kOut || worth_more(reached, class_bounds_[c])) continue;
    const auto point = query(c);
    if (!point) continue;
    const double value = a(c, proposer, t) * spaces_[c].utility(*point, proposer) + b(c, proposer, t, s);
    const double others = a(c, responder, t) * spaces_[c].utility(*point, responder) + b(c, responder, t, s);
    if (best && !worth_more(value, best_value) && !(same_utility(value, best_value) && others > best_others)) continue;
    best = *point;
    best->part = c;
    best->value = value;
    best_value = value;
    best_others = others;
    reached = std::max(reached, value);
  }
  if (!best) return std::nullopt;
  const std::size_t c = best->part;
  for (std::size_t i = 0; i < utilities.size(); ++i)
    utilities[i] = a(c, i, t) * spaces_[c].utility(*best, i) + b(c, i, t, s);
  return best;
}

std::optional<SpacePoint> PeaceOffers::best_for_many(int t, int s, std::size_t proposer,
                                                     std::span<const double> floors,
                                                     std::span<double> utilities) const {
  // Every class's floor on each veto responder's utility, u_j >= max((f_j - b_jc) / a_jc,
  // sigma_jc), and its bound a(t) max_c u_rho + b(t, L); classes no package of which can meet
  // the floors, or that the proposer itself would break, are out.
  open_classes_.clear();
  const std::size_t m = veto_.size();
  const auto rho = static_cast<std::size_t>(std::find(veto_.begin(), veto_.end(), proposer) - veto_.begin());
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    bool open = !worth_more(sigma(c, proposer, t, s), best_utility_[c * parties_ + proposer]);
    for (const std::size_t j : veto_) {
      if (j == proposer || !open) continue;
      double floor = sigma(c, j, t, s);
      if (floors[j] > kNoThreshold) {
        const double slope = a(c, j, t);
        if (slope > 0.0)
          floor = std::max(floor, (floors[j] - b(c, j, t, s)) / slope);
        else
          open = worth_at_least(b(c, j, t, s), floors[j]);  // the peace is worth b whatever the agreement
      }
      open = open && !worth_more(floor, best_utility_[c * parties_ + j]);
      responder_floors_[c * parties_ + j] = floor;
    }
    if (!open) continue;
    // The pair frontiers: each pair of responders must be able to meet both floors, and the
    // proposer's best given one responder's floor bounds its best given all of them.
    double most = best_utility_[c * parties_ + proposer];
    for (std::size_t d = 0; d < m && open; ++d) {
      if (d == rho) continue;
      const double floor_d = responder_floors_[c * parties_ + veto_[d]];
      most = std::min(most, pair_best(c, rho, d, floor_d));
      for (std::size_t e = d + 1; e < m && open; ++e)
        if (e != rho && floor_d > kNoThreshold)
          open = worth_at_least(pair_best(c, e, d, floor_d), responder_floors_[c * parties_ + veto_[e]]);
    }
    if (!open || most == -std::numeric_limits<double>::infinity() || worth_more(sigma(c, proposer, t, s), most)) continue;
    open_classes_.emplace_back(a(c, proposer, t) * most + b(c, proposer, t, s), c);
  }
  // The largest bounds first; once the best value found beats a bound, it beats every later one.
  std::sort(open_classes_.begin(), open_classes_.end(),
            [](const auto& l, const auto& r) { return l.first > r.first || (l.first == r.first && l.second < r.second); });
  std::optional<SpacePoint> best;
  double best_value = 0.0;
  double best_others = 0.0;
  for (const auto& [bound, c] : open_classes_) {
    if (best && worth_more(best_value, bound)) break;
    for (std::size_t i = 0; i < parties_; ++i) floors_[i] = kNoThreshold;
    for (const std::size_t j : veto_)
      if (j != proposer) floors_[j] = responder_floors_[c * parties_ + j];
    // A tighter bound than the class's own from the answers it has kept (no program solved):
    // a class that cannot reach the best value found, or where nothing meets the floors, is
    // not queried.
    const double cap = programs_[c]->bound(proposer, floors_);
    if (cap == -std::numeric_limits<double>::infinity()) continue;
    if (best && worth_more(best_value, a(c, proposer, t) * cap + b(c, proposer, t, s))) continue;
    const auto index = programs_[c]->best(proposer, floors_);
    if (!index) continue;
    const std::span<const double> u = programs_[c]->utilities(*index);
    if (!worth_at_least(u[proposer], sigma(c, proposer, t, s))) continue;
    const double value = a(c, proposer, t) * u[proposer] + b(c, proposer, t, s);
    double others = 0.0;
    for (const std::size_t j : veto_)
      if (j != proposer) others += a(c, j, t) * u[j] + b(c, j, t, s);
    // Ties as with two veto parties: the larger sum of the others' values, then the first class.
    const bool better = !best || worth_more(value, best_value) ||
                        (same_utility(value, best_value) &&
                         (others > best_others || (others == best_others && c < best->part)));
    if (!better) continue;
    best = SpacePoint{*index, 0.0, value};
    best->part = c;
    best_value = value;
    best_others = others;
  }
  if (!best) return std::nullopt;
  const std::size_t c = best->part;
  const std::span<const double> u = programs_[c]->utilities(best->index);
  for (std::size_t i = 0; i < utilities.size(); ++i) utilities[i] = a(c, i, t) * u[i] + b(c, i, t, s);
  return best;
}

void PeaceOffers::package_into(const SpacePoint& point, Agreement& out) const {
  if (veto_.size() > 2) {
    out = programs_[point.part]->package(point.index);
    return;
  }
  spaces_[point.part].package_into(point, out);
}

std::optional<std::size_t> PeaceOffers::self_enforcing_class(const Agreement& x, int t, int s) const {
  const Scenario& sc = *scenario_;
  const double h = breakdown_hazard(sc, x);
  const PostSettlementBalance balance = post_settlement_balance(sc, x);
  const int line = renewal_line(sc, x, s);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const PeaceClass& cls = classes_[c];
    if (cls.hazard != h || balances_[cls.balance] != balance || (cls.line >= 0 && cls.line != line)) continue;
    for (std::size_t j = 0; j < parties_; ++j)
      if (may_renew_[j] && !worth_at_least(sc.utility(j, x), sigma(c, j, t, s))) return std::nullopt;
    return c;
  }
  return std::nullopt;
}

double PeaceOffers::value_of(const Agreement& x, int t, int s, std::size_t party) const {
  if (const auto c = self_enforcing_class(x, t, s)) return value_in_class(*c, x, t, s, party);
  // Someone would renew the war: the exact core says when, and what it is worth.
  return peace_outlook(terms_of(x, t, s)).value[party][0];
}

bool PeaceOffers::any_self_enforcing(int t, int s) const {
  if (veto_.size() > 2) {
    // Some package of some class every veto belligerent would keep: the first veto party's best
    // given the others' thresholds, kept when it clears its own.
    for (std::size_t c = 0; c < classes_.size(); ++c) {
      std::fill(floors_.begin(), floors_.end(), kNoThreshold);
      for (std::size_t k = 1; k < veto_.size(); ++k) floors_[veto_[k]] = sigma(c, veto_[k], t, s);
      const auto index = programs_[c]->best(veto_[0], floors_);
      if (index && worth_at_least(programs_[c]->utilities(*index)[veto_[0]], sigma(c, veto_[0], t, s))) return true;
    }
    return false;
  }
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    std::fill(floors_.begin(), floors_.end(), kNoThreshold);
    floors_[veto_[1]] = sigma(c, veto_[1], t, s);
    const auto point = spaces_[c].best_for(veto_[0], floors_);
    if (point && worth_at_least(spaces_[c].utility(*point, veto_[0]), sigma(c, veto_[0], t, s))) return true;
  }
  return false;
}

}  // namespace parley
