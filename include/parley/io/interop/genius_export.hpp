#pragma once
/// \file genius_export.hpp
/// A Parley scenario written as a GENIUS negotiation: one domain file and one profile per veto
/// party, so that scenarios can be taken to GENIUS and NegMAS and the import can be checked by
/// a round trip (import, export, import gives identical utilities).
///
/// Only what GENIUS represents exactly is written; anything else is an error naming the
/// scenario field (docs/genius.md):
/// - an ordinal issue becomes a discrete issue, one item per level (its name, or its id when
///   two levels share a name). GENIUS divides each evaluation by the largest, so a
///   party whose largest value m of the issue is below 1 gets evaluations v / m and weight
///   w m, which GENIUS multiplies back to w v exactly (weights are used as written; they then
///   sum to less than 1, and import_genius keeps such utilities exactly). A party indifferent
///   to the issue (m = 0) gets weight 0 and every evaluation 1.
/// - a continuous issue with `steps` becomes a discrete issue with one item per grid point
///   lo + k (hi - lo) / steps (its value the number), valued v(x_k) as above: exact for any
///   piecewise-linear value function, and the offers are the grid's.
/// - a continuous issue without steps becomes a real issue with a linear evaluator,
///   e(x) = clamp(parameter0 + parameter1 x, 0, 1). That is exact only when every veto party's
///   value function is such a clamped line (linear increasing or decreasing, or a line held at
///   0 or 1 beyond a breakpoint); a value function with any other kink is an error suggesting
///   `steps`.
/// - a clauses issue becomes one discrete issue per clause with items `excluded`, `included`.
///   This is exact: the normalised clause value v(S) = (sum_{c in S} a_c - min) / (max - min)
///   (DESIGN 1.2) equals sum_c |a_c| / (max - min) [c is on the side the party prefers], since
///   max - min = sum_c |a_c| and sum_{c in S} a_c - min = sum_{c in S, a_c > 0} a_c +
///   sum_{c not in S, a_c < 0} |a_c|. So clause c gets weight w |a_c| / (max - min) and
///   evaluation 1 on the preferred side, 0 on the other (weight 0, evaluations 1, for a_c = 0).
/// - per veto party: the reservation value as written, the discount factor delta^T (GENIUS
///   discounts over the whole deadline; import with `--rounds T` to get delta back);
///   non-veto parties (mediators, guarantors, observers) are not written: GENIUS profiles are
///   negotiators.
/// - a battlefield or a positive cost of fighting cannot be written (GENIUS's disagreement is
///   the reservation value); they are an error unless `ignore_battlefield`, which drops them
///   (issues linked to the front become plain issues) and says so in the files' comments.

#include <string>
#include <utility>
#include <vector>

#include "parley/model/scenario.hpp"

namespace parley::io {

/// Options of the export.
struct GeniusExportOptions {
  /// Drop the battlefield and the costs of fighting instead of refusing the scenario.
  bool ignore_battlefield = false;
  /// Names the scenario in diagnostics (its file or built-in name); the scenario's id if empty.
  std::string source;
};

/// \brief The GENIUS files of a scenario, as text.
struct GeniusExport {
  std::string domain_xml;
  /// (veto party id, profile XML) in scenario order.
  std::vector<std::pair<std::string, std::string>> profiles;
};

/// Writes a finalized scenario as GENIUS XML. Throws ScenarioError (file = options.source,
/// path = the scenario field, e.g. `issues[2]` or `parties[0].values.territory`) for every
/// part GENIUS cannot represent exactly.
GeniusExport export_genius(const Scenario& scenario, const GeniusExportOptions& options = {});

/// export_genius, then writes `<folder>/<scenario id>_domain.xml` and
/// `<folder>/<scenario id>_<party id>.xml` (the folder is created if needed) and returns the
/// paths written, the domain's first. Each file is replaced whole or not at all
/// (AtomicFileWriter), after all of them are written. Throws ScenarioError (file = `folder`,
/// the message naming the file and the reason) if a file cannot be written.
std::vector<std::string> write_genius_files(const Scenario& scenario, const std::string& folder,
                                            const GeniusExportOptions& options = {});

}  // namespace parley::io
