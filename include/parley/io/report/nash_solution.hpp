#pragma once
/// \file nash_solution.hpp
/// What `parley nash` computes for a two-player game in Gambit's .nfg format, in one place, so
/// that the command line and the Python module (`parley.nash`) give the same report: the
/// solver by method, then the verification of every candidate, exact when the payoffs are.

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/nash_report.hpp"

namespace parley::io {

/// \brief A failure of floating-point Lemke-Howson pivoting on a game's payoffs (method "lh"):
/// an honest failure, never a wrong equilibrium; vertex enumeration ("enum") solves the game.
class PivotingFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief Solves `nfg` and hands the report to `write` (the report refers to data that lives
/// only during the call).
///
/// `method` "enum": every extreme equilibrium, by exact reverse search when the payoffs are known
/// exactly (integers, or the file's decimals and fractions), else by floating-point vertex
/// enumeration, with the maximal Nash subsets they span; "lh": Lemke-Howson from each missing
/// label. Every candidate is verified before it is reported (equilibrium_verification.hpp):
/// exactly when the payoffs are exact, relative to the incentive scale otherwise; rejected ones
/// are counted, never reported.
/// \throws std::invalid_argument for a game that is not two-player, a method other than "enum"
/// or "lh", or a game the solvers refuse; PivotingFailure when Lemke-Howson's pivoting fails.
void solve_nash(const NfgGame& nfg, const std::string& method, const std::function<void(const NashReport&)>& write);

/// \brief The JSON of solve_nash(nfg, "enum") followed by a newline, the same bytes as
/// write_nash_json, written as the equilibria are found instead of after: when the payoffs are
/// exact, the exact enumeration's equilibria come verified (rejected_candidates is 0 before
/// any is found), so each is written at once and the memory does not grow with their number
/// (but for the 8 bytes each that the maximal Nash subsets, listed last, need). Returns false,
/// having written nothing, when the payoffs are not exact (solve_nash then handles the game).
/// \throws std::invalid_argument for a game that is not two-player.
bool stream_exact_nash_json(const NfgGame& nfg, std::ostream& out);

}  // namespace parley::io
