#pragma once
/// \file run_report_writers.hpp
/// `parley run`'s three outputs of a RunReport (DESIGN 4): a table for a person, a JSON
/// document for programs, and one CSV row (header and values) for spreadsheets. The names of
/// the JSON fields and CSV columns are those of docs/outputs.md; numbers in JSON and CSV are
/// the shortest text that reads back as the same double (format_shortest), so they round-trip.

#include <ostream>

#include "parley/io/report/robustness_report.hpp"
#include "parley/io/report/run_report.hpp"

namespace parley::io {

/// The summary as tables: how the war ends (P(outcome) with Wilson 95% intervals), how long it
/// lasts (mean, median, 10% and 90% quantiles of the duration), each party's expected payoff,
/// and the typical settlement (continuous issues' mean amount, ordinal issues' level shares,
/// clause issues' inclusion shares), over the settled runs.
void write_run_table(std::ostream& out, const RunReport& report);

/// The summary as one JSON object: scenario, runs, seed, horizon, period, outcomes (and
/// outcomes_ci95), duration, parties (strategy and utility), settlements, settlement_period,
/// terms (over the settled runs) and final_terms (the package in force at the end of every
/// run). Flattened with dots, its numeric leaves include every name of RunReport::metrics().
/// With `robustness`, also `robustness` (robustness_report.hpp).
void write_run_json(std::ostream& out, const RunReport& report, const RobustnessCheck* robustness = nullptr);

/// The summary as a header line and one row: scenario, runs, seed, outcomes.<o> with
/// .ci95_low and .ci95_high, duration.{mean,median,p10,p90}, parties.<id>.utility.mean with
/// its interval, settlement_period.mean, and the terms columns of RunReport::metrics()
/// (terms.<issue>.mean, .levels.<level>, .clauses.<clause>).
void write_run_csv(std::ostream& out, const RunReport& report);

}  // namespace parley::io
