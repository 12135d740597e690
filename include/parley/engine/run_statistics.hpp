#pragma once
/// \file run_statistics.hpp
/// Streaming statistics of many episodes and their summary (DESIGN 2): outcome probabilities,
/// durations, payoffs and settlement terms, in memory that does not grow with the number of
/// runs.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/episode_result.hpp"
#include "parley/engine/running_moments.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief An estimated probability: count of runs, p = count / runs, 95% Wilson interval.
struct ProportionEstimate {
  std::int64_t count = 0;
  double p = 0.0;
  Interval ci95;
};

/// \brief An estimated mean over runs, with its spread and 95% normal interval.
struct MeanEstimate {
  std::int64_t count = 0;  ///< numbers averaged
  double mean = 0.0;
  double std_dev = 0.0;    ///< sample standard deviation
  double std_error = 0.0;  ///< std_dev / sqrt(count)
  Interval ci95;           ///< mean -+ z_95 std_error
};

/// \brief What the packages in force at the end of a set of runs say about one issue.
struct TermsSummary {
  std::string issue;       ///< issue id
  IssueKind kind = IssueKind::continuous;
  std::int64_t count = 0;  ///< packages summarised
  /// Continuous: the amount; ordinal: the level index (both averaged over the packages).
  MeanEstimate amount;
  /// Ordinal: the share of packages at each level.
  std::vector<double> level_frequencies;
  /// Clauses: the share of packages that include each of the issue's clauses.
  std::vector<double> clause_frequencies;
};

/// \brief The distribution of the war's length in periods (EpisodeResult::duration).
struct DurationSummary {
  MeanEstimate mean;
  /// Quantiles from the exact histogram: the smallest d with P(duration <= d) >= q.
  int median = 0;
  int p10 = 0;
  int p90 = 0;
  std::vector<std::int64_t> histogram;  ///< runs with duration d, d = 0..T
};

/// \brief The result of a Monte Carlo simulation of one scenario (DESIGN 4 names the JSON
/// fields after it). Per-party vectors are indexed like Scenario::parties, per-issue ones
/// like Scenario::issues.
struct RunSummary {
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  std::uint64_t point = 0;
  ProportionEstimate settled;
  ProportionEstimate collapse_a;
  ProportionEstimate collapse_b;
  ProportionEstimate frozen;
  DurationSummary duration;
  /// Each party's payoff (DESIGN 1.1) averaged over every run.
  std::vector<MeanEstimate> utility;
  /// The period of settlement, over the settled runs.
  MeanEstimate settlement_period;
  /// Settled runs per period t = 0..T-1.
  std::vector<std::int64_t> settlement_periods;
  /// The settlement packages, over the settled runs.
  std::vector<TermsSummary> settlement_terms;
  /// The package in force at the end of every run: settlement, collapse terms or frozen front.
  std::vector<TermsSummary> outcome_terms;

  /// Whether the scenario's settlements may break (a durability section, DESIGN 1.10); the
  /// fields below are filled only then (reports print them only then).
  bool durable = false;
  /// Runs ending in a settlement whose peace held to T (the `settled` outcome: after a
  /// breakdown only a newer settlement that held counts).
  ProportionEstimate held;
  /// Runs in which a peace broke at least once, whatever came after.
  ProportionEstimate broke;
  /// Runs in which a veto belligerent renewed the war at will at least once.
  ProportionEstimate renewed;
  /// Times the peace broke per run (EpisodeResult::breakdowns).
  MeanEstimate breakdowns;
  /// Periods at peace per run (EpisodeResult::peace_periods).
  MeanEstimate peace_periods;
  /// Periods of fighting per run (EpisodeResult::duration; the same as duration.mean).
  MeanEstimate fighting_periods;
  /// Runs in which an agreement was signed at all (EpisodeResult::first_agreement >= 0).
  ProportionEstimate signed_agreement;
  /// Runs by the period of their first agreement, t = 0..T-1 (EpisodeResult::first_agreement):
  /// when the talks first succeed, whether or not that peace held.
  std::vector<std::int64_t> first_agreement_periods;

  [[nodiscard]] const ProportionEstimate& outcome(Outcome o) const;
};

/// The q-quantile of a histogram of counts over 0..size-1, q = numerator / denominator: the
/// smallest d with (sum_{x <= d} counts[x]) * denominator >= numerator * total (exact integer
/// arithmetic). 0 for an empty histogram.
[[nodiscard]] int histogram_quantile(const std::vector<std::int64_t>& counts, std::int64_t numerator,
                                     std::int64_t denominator);

/// \brief Accumulates episode results; merging accumulators of consecutive blocks of runs in
/// order gives bit for bit the same result however the runs were spread over threads.
///
/// Memory: O(T + parties + issues + levels + clauses), whatever the number of runs.
/// Everything is an integer count except the means and variances (RunningMoments).
class RunAccumulator {
 public:
  RunAccumulator() = default;
  /// An empty accumulator shaped for a finalized scenario.
  explicit RunAccumulator(const Scenario& scenario);

  /// Adds one episode (its payoffs, duration, outcome and final package).
  void add(const EpisodeResult& result);
  /// Appends the runs of `later`, which must be shaped for the same scenario.
  void merge(const RunAccumulator& later);
  /// Back to no runs, keeping the storage.
  void clear();

  [[nodiscard]] std::int64_t runs() const { return runs_; }
  /// The summary, with 95% intervals; `seed` and `point` are recorded in it.
  [[nodiscard]] RunSummary summary(std::uint64_t seed, std::uint64_t point) const;

 private:
  /// Streaming statistics of a set of packages.
  struct Terms {
    std::int64_t count = 0;
    std::vector<RunningMoments> amounts;  ///< per issue
    std::vector<std::int64_t> levels;     ///< per issue level, flattened (level_offsets_)
    std::vector<std::int64_t> clauses;    ///< per clause
  };
  void add_terms(Terms& terms, const Agreement& package) const;
  static void merge_terms(Terms& into, const Terms& from);
  static void clear_terms(Terms& terms);
  [[nodiscard]] std::vector<TermsSummary> summarise(const Terms& terms) const;

  std::vector<std::string> issue_ids_;
  std::vector<IssueKind> kinds_;
  std::vector<std::size_t> level_offsets_;  ///< per issue, into Terms::levels
  std::vector<std::size_t> level_counts_;
  std::vector<std::size_t> clause_offsets_;
  std::vector<std::size_t> clause_counts_;
  std::size_t total_levels_ = 0;
  std::size_t total_clauses_ = 0;

  std::int64_t runs_ = 0;
  std::array<std::int64_t, 4> outcomes_{};
  RunningMoments duration_;
  std::vector<std::int64_t> durations_;          ///< 0..T
  std::vector<std::int64_t> settlement_periods_; ///< 0..T-1
  RunningMoments settlement_period_;
  std::vector<RunningMoments> payoffs_;
  Terms settled_;
  Terms final_;
  // Durability (DESIGN 1.10): counted only when durable_.
  bool durable_ = false;
  std::int64_t held_ = 0;
  std::int64_t broke_ = 0;
  std::int64_t renewed_ = 0;
  RunningMoments breakdowns_;
  RunningMoments peace_periods_;
  std::vector<std::int64_t> first_agreements_;  ///< 0..T-1
};

}  // namespace parley
