#pragma once
// Whole-number options that refuse a sign. Boost.Program_options reads an unsigned type through
// boost::lexical_cast, which accepts "-1" and wraps it: `--seed -1` ran with the seed
// 18446744073709551615 and `solve --quota -3` said the quota exceeded the veto parties
// (issue 18). An option of type Unsigned<T> is read with std::from_chars, which takes digits
// only, so a sign or any other text is a usage error naming the option and the value.
#include <charconv>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include <boost/program_options.hpp>

namespace parley::cli {

/// An unsigned option's value (`po::value<Unsigned<std::uint64_t>>()`).
template <class T>
struct Unsigned {
  T value{};
};

/// Prints the value, as `--help` shows a default: "(=1)".
template <class T>
std::ostream& operator<<(std::ostream& out, const Unsigned<T>& u) {
  return out << u.value;
}

/// Boost.Program_options' hook for a user type (found by argument-dependent lookup): digits only,
/// within T's range.
template <class T>
void validate(boost::any& v, const std::vector<std::string>& values, Unsigned<T>*, int) {
  namespace po = boost::program_options;
  po::validators::check_first_occurrence(v);
  const std::string& text = po::validators::get_single_string(values);
  T x{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) throw po::invalid_option_value(text);
  v = Unsigned<T>{x};
}

}  // namespace parley::cli
