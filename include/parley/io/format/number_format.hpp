#pragma once
/// \file number_format.hpp
/// Numbers as text for every output format: the shortest text that reads back as the same
/// double (JSON, CSV), and fixed decimals (tables, prose).

#include <string>

namespace parley::io {

/// The shortest decimal text that parses back to exactly `x` (std::to_chars' round-trip
/// guarantee): in plain notation for 1e-6 <= |x| < 1e15 (0.1 -> "0.1", 1.0 -> "1",
/// 0.0005 -> "0.0005"), in exponent notation beyond (1e-20 -> "1e-20"). "nan", "inf", "-inf"
/// for non-finite values (callers writing JSON replace them by null).
std::string format_shortest(double x);

/// `x` with exactly `decimals` digits after the point ("0.250"), "-0" printed as "0".
std::string format_fixed(double x, int decimals);

/// `x` with an explicit sign and `decimals` digits: "+0.20", "-0.10", "0.00" for zero.
std::string format_signed(double x, int decimals);

}  // namespace parley::io
