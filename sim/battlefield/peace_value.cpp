#include "parley/battlefield/peace_value.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

namespace {

void check_peace_terms(const PeaceTerms& terms) {
  const std::size_t parties = terms.utility.size();
  if (terms.discount.size() != parties || terms.renewal.size() != parties) {
    throw std::invalid_argument("peace_outlook: utility, discount and renewal need one entry per party");
  }
  if (terms.horizon < 0 || terms.settlement_period < 0 || terms.settlement_period > terms.horizon) {
    throw std::invalid_argument("peace_outlook: need 0 <= settlement period <= horizon");
  }
  if (!(terms.hazard >= 0.0 && terms.hazard <= 1.0)) {
    throw std::invalid_argument("peace_outlook: the hazard must be in [0, 1], not " + std::to_string(terms.hazard));
  }
  for (std::size_t i = 0; i < parties; ++i) {
    if (!(terms.discount[i] > 0.0 && terms.discount[i] <= 1.0)) {
      throw std::invalid_argument("peace_outlook: a discount factor must be in (0, 1]");
    }
    if (terms.renewal[i].size() != static_cast<std::size_t>(terms.horizon) + 1) {
      throw std::invalid_argument("peace_outlook: renewal values need one entry per period 0..T");
    }
    if (!terms.breakdown.empty() && (terms.breakdown.size() != parties ||
                                     terms.breakdown[i].size() != static_cast<std::size_t>(terms.horizon) + 1)) {
      throw std::invalid_argument("peace_outlook: breakdown values need one entry per party and period 0..T");
    }
  }
  for (const std::size_t j : terms.may_renew) {
    if (j >= parties) throw std::invalid_argument("peace_outlook: a party that may renew the war does not exist");
  }
}

}  // namespace

PeaceOutlook peace_outlook(const PeaceTerms& terms) {
  PeaceOutlook outlook;
  peace_outlook_into(terms, outlook);
  return outlook;
}

void peace_outlook_into(const PeaceTerms& terms, PeaceOutlook& outlook) {
  check_peace_terms(terms);
  const std::size_t parties = terms.utility.size();
  const int t0 = terms.settlement_period;
  const int periods = terms.horizon - t0 + 1;
  outlook.hazard = terms.hazard;
  outlook.settlement_period = t0;
  outlook.horizon = terms.horizon;
  outlook.first_renewal = -1;
  outlook.renewers.clear();
  outlook.value.resize(parties);
  for (std::size_t i = 0; i < parties; ++i) {
    outlook.value[i].resize(static_cast<std::size_t>(periods));
    outlook.value[i].back() = terms.utility[i];  // final at T
  }

  const double h = terms.hazard;
  std::vector<double>& keep = outlook.keep_;
  keep.resize(parties);
  for (int t = terms.horizon - 1; t >= t0; --t) {
    const auto k = static_cast<std::size_t>(t - t0);
    for (std::size_t i = 0; i < parties; ++i) {
      const double delta = terms.discount[i];
      const auto& after = terms.breakdown.empty() ? terms.renewal[i] : terms.breakdown[i];
      const double next_renewal = after[static_cast<std::size_t>(t) + 1];
      keep[i] = (1.0 - delta) * terms.utility[i] + delta * ((1.0 - h) * outlook.value[i][k + 1] + h * next_renewal);
    }
    bool renewed = false;
    for (const std::size_t j : terms.may_renew) {
      // Ties keep the peace, up to rounding (DESIGN 1.9): a renewal worth exactly the peace
      // computed another way must not break it.
      if (!worth_more(terms.renewal[j][static_cast<std::size_t>(t)], keep[j])) continue;
      // Walking backwards, the last period found is the first at which the war is renewed.
      if (!renewed) outlook.renewers.clear();
      renewed = true;
      outlook.renewers.push_back(j);
    }
    if (renewed) outlook.first_renewal = t;
    for (std::size_t i = 0; i < parties; ++i) {
      outlook.value[i][k] = outlook.first_renewal == t ? terms.renewal[i][static_cast<std::size_t>(t)] : keep[i];
    }
  }
}

double PeaceOutlook::holds_probability(int k) const {
  if (k < 0) return 1.0;
  if (first_renewal >= 0 && settlement_period + k >= first_renewal) return 0.0;
  // The peace holding through the horizon is final: no hazard acts after T.
  const int exposed = std::min(k, horizon - settlement_period);
  return std::pow(1.0 - hazard, exposed);
}

double PeaceOutlook::expected_periods() const {
  // A renewal at will at period r leaves r - t0 periods of peace; the horizon T leaves at most
  // T - t0 + 1. Each period k = 0..K-1 is at peace with probability (1 - h)^k.
  const int most = first_renewal >= 0 ? first_renewal - settlement_period : horizon - settlement_period + 1;
  if (most <= 0) return 0.0;
  if (hazard == 0.0) return static_cast<double>(most);
  return (1.0 - std::pow(1.0 - hazard, most)) / hazard;
}

WarValueTable renewed_war_value(const Scenario& scenario, const BattlefieldChain& chain,
                                const PostSettlementBalance& balance, std::size_t party) {
  WarPayoffs payoffs = war_payoffs(scenario, party);
  if (party < balance.cost_shift.size()) payoffs.cost += balance.cost_shift[party];
  return war_value(chain, scenario.horizon, payoffs);
}

PeaceTerms peace_terms(const Scenario& scenario, const Agreement& x, int t0, int front_state) {
  if (!scenario.battlefield) throw std::invalid_argument("peace_terms: the scenario has no battlefield");
  PeaceTerms terms;
  terms.hazard = breakdown_hazard(scenario, x);
  terms.settlement_period = t0;
  terms.horizon = scenario.horizon;
  const PostSettlementBalance balance = post_settlement_balance(scenario, x);
  const BattlefieldChain chain(renewed_battlefield(scenario), balance.advantage_shift);
  const int line = renewal_line(scenario, x, front_state);
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    terms.utility.push_back(scenario.utility(i, x));
    terms.discount.push_back(scenario.parties[i].discount);
    const WarValueTable renewed = renewed_war_value(scenario, chain, balance, i);
    std::vector<double> renewal(static_cast<std::size_t>(scenario.horizon) + 1);
    for (int t = 0; t <= scenario.horizon; ++t) renewal[static_cast<std::size_t>(t)] = renewed(t, line);
    terms.renewal.push_back(std::move(renewal));
  }
  // Without a durability section settlements are final (DESIGN 1.1), and a binding agreement is
  // enforced from outside: nobody renews the war at will.
  if (!scenario.durability || scenario.durability->commitment == DurabilityParams::Commitment::binding) return terms;
  for (const std::size_t j : scenario.veto_parties()) {
    if (scenario.parties[j].role == Role::belligerent) terms.may_renew.push_back(j);
  }
  return terms;
}

}  // namespace parley
