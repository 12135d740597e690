#pragma once
/// \file analyze_report.hpp
/// What `parley analyze` prints: the exact analytics of a scenario (DESIGN 1.4, 1.5, 1.8) as a
/// table for people, JSON for programs, and CSV of the value of fighting on over the front.

#include <ostream>

#include "parley/model/scenario.hpp"
#include "parley/solve/scenario_analysis.hpp"

namespace parley::io {

/// \brief A scenario with its exact analytics (analyze_scenario): everything the three formats
/// of `parley analyze` report.
struct AnalyzeReport {
  const Scenario& scenario;
  const ScenarioAnalysis& analysis;
};

/// What lifting one red line or one constraint between terms does to the zone of possible
/// agreement (issue 15), from the zone without it: "empties" (the zone exists without it and not
/// with it), "narrows" (it exists both ways, smaller with it: less welfare, or a lower best for
/// some veto party), "none" (it does not bind, or the zone is empty either way).
[[nodiscard]] const char* limit_effect(const ScenarioAnalysis& analysis, const Zopa& without);

/// The table: how a war fought to the end ends (absorption probabilities and durations), each
/// party's value V_i(0, s_0) of fighting to the end, true and as it believes it, the zone of
/// possible agreement {x : u_i(x) >= d_i for every veto party i}, the Nash, Kalai-Smorodinsky
/// and maximum-welfare packages, why the Nash package holds its clauses, every tabled package
/// against d, and the size of the Pareto frontier.
void write_analyze_table(std::ostream& out, const AnalyzeReport& report);

/// The same as one JSON object, with every package in the shape of a scenario file's `terms`
/// and the Pareto frontier's points listed with their packages.
void write_analyze_json(std::ostream& out, const AnalyzeReport& report);

/// One CSV row per front state s: state, share s/N, V_i(0, s) for every party i and, with a
/// battlefield, sum_k pi_k(0) V_i(0, s | a_k), the value as party i believes it (`<id>_believed`).
void write_analyze_csv(std::ostream& out, const AnalyzeReport& report);

}  // namespace parley::io
