#pragma once
/// \file package_table.hpp
/// A compact store of packages (agreements) for the frontier and the epsilon-Pareto set:
/// one number per issue per package, clause subsets kept once per distinct subset.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief Packages stored as rows of one code per issue.
///
/// The code of issue k is the continuous amount, the ordinal level, or (clauses issue) the
/// index of a subset registered with add_subset(). A frontier holds thousands of packages
/// that share few distinct clause subsets, so this is far smaller than a vector of
/// Agreement, and writing a row into an Agreement allocates nothing once the Agreement has
/// the scenario's shape.
class PackageTable {
 public:
  PackageTable() = default;
  /// An empty table with the issue layout of `scenario` (which must be finalized).
  explicit PackageTable(const Scenario& scenario);

  [[nodiscard]] std::size_t issue_count() const { return kinds_.size(); }
  [[nodiscard]] std::size_t row_count() const { return issue_count() == 0 ? 0 : codes_.size() / issue_count(); }

  /// Appends a row (every code 0) and returns its index.
  std::size_t add_row();
  /// Appends a copy of row `source` and returns its index.
  std::size_t copy_row(std::size_t source);
  [[nodiscard]] std::span<double> row(std::size_t r) { return {codes_.data() + r * issue_count(), issue_count()}; }
  [[nodiscard]] std::span<const double> row(std::size_t r) const {
    return {codes_.data() + r * issue_count(), issue_count()};
  }
  /// Removes every row (registered subsets stay).
  void clear_rows() { codes_.clear(); }
  /// Keeps only the rows listed, in that order; returns nothing, `rows[i]` becomes row i.
  void keep_rows(std::span<const std::size_t> rows);

  /// Registers a subset of the clauses of clauses issue `issue` (flags[c] = 1 if its c-th
  /// clause is in) and returns its code.
  std::size_t add_subset(std::size_t issue, std::span<const std::uint8_t> flags);
  /// The flags of subset `code` of clauses issue `issue`.
  [[nodiscard]] std::span<const std::uint8_t> subset(std::size_t issue, std::size_t code) const;

  /// Writes row `r` into `out` (resized to the scenario's shape if needed), with issue
  /// `override_issue` (if >= 0) set to `override_amount` instead of its code: the package of
  /// a point inside a frontier segment, where one continuous issue has moved.
  void write(std::size_t r, int override_issue, double override_amount, Agreement& out) const;

 private:
  std::vector<IssueKind> kinds_;
  std::vector<std::size_t> clause_offsets_;
  std::vector<std::size_t> clause_sizes_;
  std::size_t clause_count_ = 0;
  std::vector<double> codes_;
  /// Per issue, its registered subsets back to back (clause_sizes_[issue] flags each).
  std::vector<std::vector<std::uint8_t>> subsets_;
};

}  // namespace parley
