#include "parley/sweep/sweep_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace parley::sweep {

const char* to_string(DesignKind kind) {
  switch (kind) {
    case DesignKind::grid: return "grid";
    case DesignKind::random: return "random";
    case DesignKind::latin_hypercube: return "lhs";
    case DesignKind::sobol: return "sobol";
  }
  return "grid";
}

std::optional<DesignKind> design_kind_named(std::string_view name) {
  for (const DesignKind kind :
       {DesignKind::grid, DesignKind::random, DesignKind::latin_hypercube, DesignKind::sobol})
    if (name == to_string(kind)) return kind;
  return std::nullopt;
}

namespace {

// a * b, or nothing when it does not fit in 64 bits.
std::optional<std::uint64_t> checked_product(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) return std::nullopt;
  return a * b;
}

// The design size, or nothing on overflow; assumes the other checks passed.
std::optional<std::uint64_t> checked_design_size(const SweepSpec& spec) {
  switch (spec.design) {
    case DesignKind::grid: {
      std::uint64_t size = 1;
      for (const auto& p : spec.parameters) {
        const auto next = checked_product(size, p.levels.size());
        if (!next) return std::nullopt;
        size = *next;
      }
      return size;
    }
    case DesignKind::random:
    case DesignKind::latin_hypercube: return spec.samples;
    case DesignKind::sobol: return checked_product(spec.samples, spec.parameters.size() + 2);
  }
  return std::nullopt;
}

}  // namespace

std::uint64_t max_design_points(const SweepSpec& spec, const DesignLimits& limits) {
  if (limits.max_points) return *limits.max_points;
  if (spec.design == DesignKind::latin_hypercube)
    return max_latin_hypercube_cells / std::max<std::uint64_t>(1, spec.parameters.size());
  return default_max_design_points;
}

std::vector<std::string> spec_problems(const SweepSpec& spec, const DesignLimits& limits) {
  std::vector<std::string> problems;
  if (spec.parameters.empty()) problems.emplace_back("nothing is varied: give at least one --vary PATH=SPEC");
  std::set<std::string> seen;
  for (const auto& p : spec.parameters) {
    const std::string where = "--vary " + p.path;
    if (!seen.insert(p.path).second) problems.push_back(where + ": the path is varied twice");
    if (p.is_range()) {
      if (!std::isfinite(p.lo) || !std::isfinite(p.hi))
        problems.push_back(where + ": the range ends must be finite numbers");
      else if (!(p.lo < p.hi))
        problems.push_back(where + ": empty range " + number_text(p.lo) + ":" + number_text(p.hi) +
                           " (lo must be less than hi)");
      if (spec.design == DesignKind::grid)
        problems.push_back(where + ": a grid needs values, not a range: write lo:hi:n or a list v1,v2,...");
    } else if (p.levels.size() > max_parameter_values) {
      problems.push_back(where + ": " + std::to_string(p.levels.size()) + " values, more than the limit of " +
                         std::to_string(max_parameter_values) + " values per varied parameter");
    }
  }
  if (spec.runs == 0) problems.emplace_back("--runs must be at least 1");
  if (spec.design == DesignKind::grid) {
    if (spec.samples != 0)
      problems.emplace_back("--samples does not apply to a grid (its size is the product of the value counts)");
  } else if (spec.samples == 0) {
    problems.push_back(std::string("a ") + to_string(spec.design) + " design needs --samples N with N >= 1");
  }
  if (spec.design == DesignKind::sobol && spec.samples > (std::uint64_t{1} << 32))
    problems.emplace_back("a sobol design takes at most 2^32 base samples");
  if (spec.design == DesignKind::sobol && spec.parameters.size() > max_sobol_parameters)
    problems.push_back("a sobol design varies at most " + std::to_string(max_sobol_parameters) +
                       " parameters (" + std::to_string(spec.parameters.size()) + " given)");
  if (problems.empty()) {
    const auto size = checked_design_size(spec);
    const std::uint64_t limit = max_design_points(spec, limits);
    if (!size) {
      problems.emplace_back("the design has more than 2^64 points (its size does not fit in 64 bits), over the "
                            "limit of " + std::to_string(limit) + " points (--max-points)");
    } else if (*size > limit) {
      std::string why = "the design has " + std::to_string(*size) + " points, more than the limit of " +
                        std::to_string(limit);
      if (!limits.max_points && spec.design == DesignKind::latin_hypercube)
        why += " for a Latin hypercube of " + std::to_string(spec.parameters.size()) + " parameters (" +
               std::to_string(max_latin_hypercube_cells) +
               " / parameters: it keeps a permutation of its points per parameter, 8 bytes a point)";
      problems.push_back(why + "; --max-points N raises the limit (docs/limits.md)");
    }
  }
  return problems;
}

std::uint64_t design_size(const SweepSpec& spec) { return checked_design_size(spec).value_or(0); }

std::vector<std::string> evenly_spaced_levels(double lo, double hi, std::uint64_t n) {
  // Quantum: the 15th significant digit of the larger end, so that a value that should be 0
  // (the middle of -0.6:0.6:13 computed with rounding) does not come out as 1e-17.
  const double scale = std::max(std::abs(lo), std::abs(hi));
  const double quantum = scale > 0 ? std::pow(10.0, std::floor(std::log10(scale)) - 14) : 1.0;
  std::vector<std::string> levels;
  levels.reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) {
    // The last value is hi itself, not lo + (hi - lo) * 1 with its rounding.
    double x = n == 1       ? lo
               : k + 1 == n ? hi
                            : lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(n - 1);
    x = std::round(x / quantum) * quantum + 0.0;  // + 0.0 turns -0 into 0
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", x);
    levels.push_back(number_text(std::strtod(buffer, nullptr) + 0.0));
  }
  return levels;
}

std::string number_text(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

}  // namespace parley::sweep
