#include "program_answers.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "parley/model/utility_tolerance.hpp"

namespace parley {

ProgramAnswers::ProgramAnswers(const Scenario& scenario, std::span<const std::size_t> veto,
                               const std::vector<IssueRestriction>& restriction)
    : scenario_(&scenario),
      veto_(veto.begin(), veto.end()),
      parties_(scenario.parties.size()),
      program_(scenario, veto, restriction),
      kept_(veto.size()),
      key_(veto.size()),
      binding_(scenario.parties.size()) {}

bool ProgramAnswers::below(const Kept& kept) const {
  for (std::size_t d = 0; d < veto_.size(); ++d)
    if (kept.floors[d] > key_[d]) return false;
  return true;
}

std::size_t ProgramAnswers::set_key(std::size_t proposer, std::span<const double> floors) {
  const auto position = static_cast<std::size_t>(std::find(veto_.begin(), veto_.end(), proposer) - veto_.begin());
  if (position == veto_.size()) throw std::invalid_argument("the proposer's problem: the proposer has no veto");
  for (std::size_t d = 0; d < veto_.size(); ++d)
    key_[d] = d == position ? -std::numeric_limits<double>::infinity() : floors[veto_[d]];
  return position;
}

double ProgramAnswers::bound(std::size_t proposer, std::span<const double> floors) {
  const std::size_t position = set_key(proposer, floors);
  double least = std::numeric_limits<double>::infinity();
  for (const Kept& kept : kept_[position]) {
    if (!below(kept)) continue;
    if (kept.package < 0) return -std::numeric_limits<double>::infinity();
    least = std::min(least, utilities_[static_cast<std::size_t>(kept.package) * parties_ + proposer]);
  }
  return least;
}

bool ProgramAnswers::settles(const Kept& kept, std::span<const double> floors) const {
  // f_kept <= f: the kept answer's feasible set contains the query's.
  if (!below(kept)) return false;
  if (kept.package < 0) return true;  // nothing met lower floors: nothing meets these
  // The kept package must still meet the query's floors, by the tie rule (DESIGN 1.9).
  const double* u = utilities_.data() + static_cast<std::size_t>(kept.package) * parties_;
  for (std::size_t d = 0; d < veto_.size(); ++d)
    if (!worth_at_least(u[veto_[d]], floors[veto_[d]])) return false;
  return true;
}

std::optional<std::size_t> ProgramAnswers::best(std::size_t proposer, std::span<const double> floors) {
  // The binding floors: the veto responders' own, -infinity for the proposer and the others.
  const std::size_t position = set_key(proposer, floors);
  std::vector<double>& binding = binding_;
  std::fill(binding.begin(), binding.end(), -std::numeric_limits<double>::infinity());
  for (std::size_t d = 0; d < veto_.size(); ++d) binding[veto_[d]] = key_[d];
  std::vector<Kept>& kept = kept_[position];
  for (auto it = kept.rbegin(); it != kept.rend(); ++it)
    if (settles(*it, binding)) {
      if (it->package < 0) return std::nullopt;
      return static_cast<std::size_t>(it->package);
    }
  ++solved_;
  const std::optional<Agreement> x = program_.best(proposer, binding);
  Kept answer{key_, -1};
  if (x) {
    answer.package = static_cast<long>(packages_.size());
    packages_.push_back(*x);
    for (std::size_t i = 0; i < parties_; ++i) utilities_.push_back(scenario_->utility(i, *x));
  }
  if (kept.size() == max_kept) kept.erase(kept.begin());
  kept.push_back(std::move(answer));
  if (!x) return std::nullopt;
  return packages_.size() - 1;
}

}  // namespace parley
