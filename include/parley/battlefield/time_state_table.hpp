#pragma once
/// \file time_state_table.hpp
/// A value for every (period, front state): the shape of every backward induction over the
/// battlefield chain (DESIGN 1.4, 1.7).

#include <cstddef>
#include <span>

#include <Eigen/Core>

namespace parley {

/// \brief f(t, s) for periods t = 0..periods()-1 and states s = 0..state_count()-1.
///
/// Rows are periods, stored one after the other with the states contiguous, so that row(t)
/// is the vector f(t, .) a backward step reads (row t + 1) or writes (row t). A new table is
/// uninitialised unless a fill value is given: a backward sweep writes every entry, and
/// zero-filling a table of a few megabytes would cost more than the sweep.
class TimeStateTable {
 public:
  using Values = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

  TimeStateTable() = default;
  /// A periods x state_count table, uninitialised.
  TimeStateTable(int periods, int state_count) : values_(periods, state_count) {}
  /// A periods x state_count table with every entry `value`.
  TimeStateTable(int periods, int state_count, double value)
      : values_(Values::Constant(periods, state_count, value)) {}

  /// f(t, s) (unchecked).
  [[nodiscard]] double operator()(int t, int s) const { return values_.data()[index(t, s)]; }
  /// f(t, s) (unchecked).
  [[nodiscard]] double& operator()(int t, int s) { return values_.data()[index(t, s)]; }
  /// f(t, .), the state_count() values of period t.
  [[nodiscard]] std::span<const double> row(int t) const {
    return {values_.data() + index(t, 0), static_cast<std::size_t>(values_.cols())};
  }
  /// f(t, .), the state_count() values of period t.
  [[nodiscard]] std::span<double> row(int t) {
    return {values_.data() + index(t, 0), static_cast<std::size_t>(values_.cols())};
  }
  /// Number of periods (rows).
  [[nodiscard]] int periods() const { return static_cast<int>(values_.rows()); }
  /// Number of states (columns).
  [[nodiscard]] int state_count() const { return static_cast<int>(values_.cols()); }
  /// The whole table, for whole-table arithmetic.
  [[nodiscard]] const Values& values() const { return values_; }

 private:
  [[nodiscard]] std::size_t index(int t, int s) const {
    return static_cast<std::size_t>(t) * static_cast<std::size_t>(values_.cols()) + static_cast<std::size_t>(s);
  }

  Values values_;
};

}  // namespace parley
