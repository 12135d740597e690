#include "parley/agreement/package_table.hpp"

#include <algorithm>

namespace parley {

PackageTable::PackageTable(const Scenario& scenario) {
  const std::size_t n = scenario.issues.size();
  kinds_.resize(n);
  clause_offsets_.resize(n);
  clause_sizes_.resize(n);
  subsets_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const Issue& issue = scenario.issues[k];
    kinds_[k] = issue.kind;
    clause_offsets_[k] = issue.clause_offset;
    clause_sizes_[k] = issue.kind == IssueKind::clauses ? issue.clauses.size() : 0;
  }
  clause_count_ = scenario.clause_count();
}

std::size_t PackageTable::add_row() {
  const std::size_t r = row_count();
  codes_.resize(codes_.size() + issue_count(), 0.0);
  return r;
}

std::size_t PackageTable::copy_row(std::size_t source) {
  const std::size_t r = row_count();
  const std::size_t n = issue_count();
  codes_.resize(codes_.size() + n);
  // The source row is read after the resize: the vector may have moved.
  std::copy_n(codes_.begin() + static_cast<std::ptrdiff_t>(source * n), n,
              codes_.begin() + static_cast<std::ptrdiff_t>(r * n));
  return r;
}

void PackageTable::keep_rows(std::span<const std::size_t> rows) {
  const std::size_t n = issue_count();
  std::vector<double> kept(rows.size() * n);
  for (std::size_t i = 0; i < rows.size(); ++i)
    std::copy_n(codes_.begin() + static_cast<std::ptrdiff_t>(rows[i] * n), n,
                kept.begin() + static_cast<std::ptrdiff_t>(i * n));
  codes_ = std::move(kept);
}

std::size_t PackageTable::add_subset(std::size_t issue, std::span<const std::uint8_t> flags) {
  auto& table = subsets_[issue];
  const std::size_t width = clause_sizes_[issue];
  const std::size_t code = width == 0 ? 0 : table.size() / width;
  table.insert(table.end(), flags.begin(), flags.begin() + static_cast<std::ptrdiff_t>(width));
  return code;
}

std::span<const std::uint8_t> PackageTable::subset(std::size_t issue, std::size_t code) const {
  const std::size_t width = clause_sizes_[issue];
  return {subsets_[issue].data() + code * width, width};
}

void PackageTable::write(std::size_t r, int override_issue, double override_amount, Agreement& out) const {
  const std::size_t n = issue_count();
  out.amounts.resize(n);
  out.clauses.resize(clause_count_);
  const double* codes = codes_.data() + r * n;
  for (std::size_t k = 0; k < n; ++k) {
    const double code = static_cast<int>(k) == override_issue ? override_amount : codes[k];
    if (kinds_[k] == IssueKind::clauses) {
      out.amounts[k] = 0.0;
      const auto flags = subset(k, static_cast<std::size_t>(code));
      std::copy(flags.begin(), flags.end(), out.clauses.begin() + static_cast<std::ptrdiff_t>(clause_offsets_[k]));
    } else {
      out.amounts[k] = code;
    }
  }
}

}  // namespace parley
