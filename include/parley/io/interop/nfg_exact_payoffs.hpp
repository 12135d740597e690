#pragma once
/// \file nfg_exact_payoffs.hpp
/// The payoffs of a Gambit .nfg game exactly as its file writes them, as rationals, for the
/// exact verification of its equilibria (parley/solve/equilibrium_verification.hpp): 1e12 is
/// 10^12 and 0.1 is 1/10, not the double nearest it.

#include <optional>
#include <string_view>

#include "parley/io/interop/nfg_format.hpp"
#include "parley/solve/exact_payoffs.hpp"

namespace parley::io {

/// The largest decimal exponent exact_number accepts (|e| in 1.5e<e>): every finite double
/// lies within 1e-324 .. 1.8e308, and larger exponents would only make numbers with thousands
/// of digits out of a typo.
inline constexpr int kMaxExactExponent = 400;

/// The exact value of a number as a .nfg file writes it: an integer (`-3`), a decimal with an
/// optional exponent (`2.5`, `1e12`, `.5E-3`), or a rational `p/q` (q > 0); a leading `+` is
/// allowed. nullopt for anything else, or for an exponent beyond kMaxExactExponent.
[[nodiscard]] std::optional<Rational> exact_number(std::string_view text);

/// The payoffs of a two-player .nfg game exactly as its file wrote them (NfgGame::payoff_texts);
/// nullopt when the game does not have two players or some payoff has no exact form.
[[nodiscard]] std::optional<ExactBimatrix> exact_payoffs(const NfgGame& nfg);

}  // namespace parley::io
