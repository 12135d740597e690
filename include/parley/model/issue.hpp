#pragma once
/// \file issue.hpp
/// What is negotiated: continuous issues, ordinal issues and sets of clauses (DESIGN 1.2).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

/// The three kinds of issue an agreement settles.
enum class IssueKind {
  continuous,  ///< a number in [lo, hi], e.g. the share of contested territory transferred
  ordinal,     ///< one of ordered levels, e.g. security guarantee: none .. NATO membership
  clauses      ///< any subset of named binary clauses, e.g. the points of a peace plan
};

/// One binary clause of a `clauses` issue (a point of a plan).
struct Clause {
  std::string id;    ///< unique within the scenario
  std::string text;  ///< what the clause says, for reports
};

/// \brief One issue of the agreement space.
///
/// An agreement assigns every issue a value (see Agreement). `status_quo` is the value the
/// issue keeps in war outcomes unless it is linked to the front.
struct Issue {
  std::string id;
  std::string name;
  IssueKind kind = IssueKind::continuous;

  // continuous
  double lo = 0.0;
  double hi = 1.0;
  /// If set, offers are restricted to lo + k (hi - lo) / steps, k = 0..steps; the analytics
  /// still treat the issue as continuous.
  std::optional<int> steps;
  /// `linked: front`: in war outcomes the issue takes lo + (hi - lo) s / N (DESIGN 1.2).
  bool linked_to_front = false;
  std::string unit;  ///< free text for reports ("share of contested territory")

  // ordinal
  std::vector<std::string> levels;  ///< ids of the levels, in increasing order
  std::vector<std::string> level_names;  ///< display names of the levels (the ids if not given)

  // clauses
  std::vector<Clause> clauses;
  /// Position of this issue's first clause in Agreement::clauses (set by Scenario::finalize).
  std::size_t clause_offset = 0;

  /// Status quo: continuous value, ordinal level index, or clause mask (in `status_quo_clauses`).
  double status_quo = 0.0;
  std::vector<std::uint8_t> status_quo_clauses;

  /// Index of the level with this id, or -1.
  [[nodiscard]] int level_index(const std::string& level_id) const;
  /// Index (within this issue) of the clause with this id, or -1.
  [[nodiscard]] int clause_index(const std::string& clause_id) const;
};

const char* to_string(IssueKind kind);

}  // namespace parley
