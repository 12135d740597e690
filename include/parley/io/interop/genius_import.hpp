#pragma once
/// \file genius_import.hpp
/// A GENIUS negotiation (genius_domain.hpp) as a Parley scenario, with GENIUS's utilities kept
/// exactly (DESIGN 1.1: a plain multi-issue negotiation, no battlefield, disagreement gives
/// each party its reservation value).
///
/// The import writes YAML text in the scenario format, with a comment saying where it came
/// from and every choice made, and that text goes through parse_scenario_text and
/// build_scenario like any hand-written scenario, so an imported domain is validated by the
/// same rules. The mapping (docs/genius.md):
/// - a discrete issue becomes an ordinal issue: one level per item, in item order, level id
///   derived from the item's value (lower case, other characters as `_`, de-duplicated) and
///   the value kept as the level's name; each party's value of a level is GENIUS's
///   e = evaluation / largest evaluation of the issue in its profile;
/// - an integer issue becomes an ordinal issue with one level per integer (id and name the
///   number), valued e(v) = clamp(offset + slope (v - lowerbound), 0, 1): levels, not a
///   continuous issue with steps, because the outcomes are then exactly GENIUS's and the
///   frontier and solution points are found among them, never between two integers;
/// - a real issue becomes a continuous issue on its range whose value is the clamped line
///   through its breakpoints (exact, a piecewise-linear value function);
/// - weights as written when they sum to 1 within 1e-12. GENIUS uses them as written and
///   caps utility at 1, which no additive utility with weights summing to 1 reproduces when
///   the sum S differs from 1, so:
///   S < 1: utilities are kept exactly by giving the missing weight 1 - S to the issue of
///   largest weight w, whose values are multiplied by w / (w + 1 - S);
///   S > 1: `normalize: true` (every utility is GENIUS's divided by S) and the reservation
///   value is divided by S too, so every comparison with it, the Pareto frontier, the Nash
///   and Kalai-Smorodinsky points are GENIUS's (only sums across parties, the maximum-welfare
///   point, see the rescaling); the file's comment says so;
/// - `reservation` as written; the horizon is `rounds` (default 100, GENIUS keeps deadlines
///   in the tournament set-up, not in the domain) and GENIUS's discount factor d, which applies
///   over the whole deadline (u d^t, t the elapsed fraction), becomes the per-round discount
///   d^(1/rounds), so that a settlement in round t is worth u d^(t/rounds) as in GENIUS;
/// - parties: one veto belligerent per profile, id from the profile's file name (the part
///   after the profiles' common prefix), name the file's stem; protocol alternating offers
///   in profile order, strategies the defaults.

#include <string>
#include <vector>

#include "parley/io/interop/genius_domain.hpp"

namespace parley::io {

/// Options of the import.
struct GeniusImportOptions {
  int rounds = 100;  ///< the horizon T, in rounds (>= 1)
};

/// \brief The result of an import: the scenario as YAML text, and what was adjusted.
struct GeniusImport {
  std::string yaml;                ///< the scenario file, origin comment first
  std::string id;                  ///< the scenario id: the domain's name, as an identifier
  std::vector<std::string> notes;  ///< each adjustment (weights not summing to 1), in words
};

/// Reads the files (genius_domain.hpp's checks) and writes the equivalent scenario. Throws
/// ScenarioError naming the GENIUS file, line and element, for every problem found.
GeniusImport import_genius(const GeniusFiles& files, const GeniusImportOptions& options = {});

/// \brief An identifier for the scenario format ([a-z0-9_-]+) from free text.
///
/// ASCII letters are lower-cased, digits kept, a `-` kept between two letters or digits, every
/// other run of characters (spaces, punctuation, non-ASCII bytes) becomes one `_`, and `_` is
/// trimmed at both ends: "$100 Billion" -> "100_billion", "Laptop-B" -> "laptop-b". Empty if
/// the text has no letter or digit.
std::string genius_slug(std::string_view text);

}  // namespace parley::io
