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
#include "parley/model/utility_tolerance.hpp"

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

PeaceOffers::PeaceOffers(const Scenario& scenario, const AgreementSpaceOptions& options) {
  if (!scenario.durability) throw std::invalid_argument("peace offers: the scenario has no durability section");
  if (!scenario.battlefield) throw std::invalid_argument("peace offers: durability needs a battlefield");
  veto_ = scenario.veto_parties();
  if (veto_.size() != 2)
    throw std::invalid_argument("the solver under durability needs exactly two veto parties, not " +
                                std::to_string(veto_.size()));
  const DurabilityParams& d = *scenario.durability;
  parties_ = scenario.parties.size();
  horizon_ = scenario.horizon;
  start_ = scenario.battlefield->start;
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

    class_options.frontier.restriction = cls.restriction;
    AgreementSpace space(scenario, class_options);
    if (space.point_count() > 0) {
      classes_.push_back(std::move(cls));
      spaces_.push_back(std::move(space));
    }
    std::size_t dim = 0;
    while (dim < dimensions.size() && ++digit[dim] == dimensions[dim].size()) digit[dim++] = 0;
    if (dim == dimensions.size()) break;
  }

  // R_i(t, s) per balance: a renewed war fought to the end (peace_terms' renewal values).
  balances_ = std::move(balances);
  for (const PostSettlementBalance& balance : balances_) {
    const BattlefieldChain chain(renewed_battlefield(scenario), balance.advantage_shift);
    std::vector<WarValueTable> tables;
    for (std::size_t i = 0; i < parties_; ++i) tables.push_back(renewed_war_value(scenario, chain, balance, i));
    renewal_.push_back(std::move(tables));
  }

  // a_ic(t), b_ic(t, L) and sigma_ic(t, L) by backward induction from the horizon.
  const auto periods = static_cast<std::size_t>(T + 1);
  slope_.assign(classes_.size() * parties_ * periods, 0.0);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const PeaceClass& cls = classes_[c];
    const int columns = cls.line >= 0 ? 1 : S;
    const double h = cls.hazard;
    for (std::size_t i = 0; i < parties_; ++i) {
      const double delta = scenario.parties[i].discount;
      double* a_row = slope_.data() + (c * parties_ + i) * periods;
      TimeStateTable b_table(T + 1, columns, 0.0);
      TimeStateTable sigma_table(T + 1, columns, kNoThreshold);
      a_row[T] = 1.0;
      const WarValueTable& renewal = renewal_[cls.balance][i];
      for (int t = T - 1; t >= 0; --t) {
        // A peace that cannot break is worth u exactly ((1 - delta) + delta need not round to 1).
        a_row[t] = h == 0.0 ? 1.0 : (1.0 - delta) + delta * (1.0 - h) * a_row[t + 1];
        for (int col = 0; col < columns; ++col) {
          const int line = cls.line >= 0 ? cls.line : col;
          b_table(t, col) = delta * (1.0 - h) * b_table(t + 1, col) + delta * h * renewal(t + 1, line);
          if (!may_renew_[i]) continue;
          // Renewing at t pays when R(t) > a(t) u + b(t): the least u that keeps i at peace.
          const double gap = renewal(t, line) - b_table(t, col);
          const double least = a_row[t] > 0.0 ? gap / a_row[t] : (gap > 0.0 ? std::numeric_limits<double>::infinity() : kNoThreshold);
          sigma_table(t, col) = std::max(sigma_table(t + 1, col), least);
        }
      }
      intercept_.push_back(std::move(b_table));
      threshold_.push_back(std::move(sigma_table));
    }
  }
  floors_.assign(parties_, kNoThreshold);
  candidate_.assign(parties_, 0.0);
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
  std::optional<SpacePoint> best;
  double best_value = 0.0;
  double best_others = 0.0;
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    bool feasible = true;
    std::fill(floors_.begin(), floors_.end(), kNoThreshold);
    for (const std::size_t j : veto_) {
      if (j == proposer) continue;
      double floor = sigma(c, j, t, s);
      if (floors[j] > kNoThreshold) {
        const double slope = a(c, j, t);
        const double intercept = b(c, j, t, s);
        if (slope > 0.0) {
          floor = std::max(floor, (floors[j] - intercept) / slope);
        } else if (!worth_at_least(intercept, floors[j])) {
          feasible = false;  // the peace is worth b whatever the agreement, and b is too little
        }
      }
      floors_[j] = floor;
    }
    if (!feasible) continue;
    const auto point = spaces_[c].best_for(proposer, floors_);
    if (!point) continue;
    const double own = spaces_[c].utility(*point, proposer);
    if (!worth_at_least(own, sigma(c, proposer, t, s))) continue;  // the proposer itself would renew
    const double value = a(c, proposer, t) * own + b(c, proposer, t, s);
    double others = 0.0;
    for (const std::size_t j : veto_)
      if (j != proposer) others += a(c, j, t) * spaces_[c].utility(*point, j) + b(c, j, t, s);
    if (best && !worth_more(value, best_value) && !(same_utility(value, best_value) && others > best_others)) continue;
    best = *point;
    best->part = c;
    best->value = value;
    best_value = value;
    best_others = others;
  }
  if (!best) return std::nullopt;
  const std::size_t c = best->part;
  for (std::size_t i = 0; i < utilities.size(); ++i)
    utilities[i] = a(c, i, t) * spaces_[c].utility(*best, i) + b(c, i, t, s);
  return best;
}

void PeaceOffers::package_into(const SpacePoint& point, Agreement& out) const {
  spaces_[point.part].package_into(point, out);
}

double PeaceOffers::value_of(const Agreement& x, int t, int s, std::size_t party) const {
  const Scenario& sc = spaces_.front().scenario();
  const double h = breakdown_hazard(sc, x);
  const PostSettlementBalance balance = post_settlement_balance(sc, x);
  const int line = renewal_line(sc, x, s);
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const PeaceClass& cls = classes_[c];
    if (cls.hazard != h || balances_[cls.balance] != balance || (cls.line >= 0 && cls.line != line)) continue;
    bool kept = true;
    for (std::size_t j = 0; j < parties_ && kept; ++j)
      if (may_renew_[j]) kept = worth_at_least(sc.utility(j, x), sigma(c, j, t, s));
    if (!kept) break;  // someone would renew the war: the exact core says when, and what it is worth
    return a(c, party, t) * sc.utility(party, x) + b(c, party, t, s);
  }
  return peace_outlook(peace_terms(sc, x, t, s)).value[party][0];
}

bool PeaceOffers::any_self_enforcing(int t, int s) const {
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    std::fill(floors_.begin(), floors_.end(), kNoThreshold);
    floors_[veto_[1]] = sigma(c, veto_[1], t, s);
    const auto point = spaces_[c].best_for(veto_[0], floors_);
    if (point && worth_at_least(spaces_[c].utility(*point, veto_[0]), sigma(c, veto_[0], t, s))) return true;
  }
  return false;
}

}  // namespace parley
