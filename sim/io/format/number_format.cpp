#include "parley/io/format/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace parley::io {

std::string format_shortest(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::array<char, 64> buffer{};
  // Plain decimals where they stay short (0.0005, not 5e-04); the exponent form beyond.
  const double magnitude = std::abs(x);
  const bool plain = magnitude == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15);
  const auto result = plain ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), x, std::chars_format::fixed)
                            : std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return std::string(buffer.data(), result.ptr);
}

std::string format_fixed(double x, int decimals) {
  if (!std::isfinite(x)) return format_shortest(x);
  std::array<char, 400> buffer{};
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), x, std::chars_format::fixed, decimals);
  std::string out(buffer.data(), result.ptr);
  // A value that rounds to zero prints without a sign: "-0.00" reads as a different number.
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string format_signed(double x, int decimals) {
  std::string out = format_fixed(x, decimals);
  if (out.front() != '-' && out.find_first_not_of("0.") != std::string::npos) out.insert(0, "+");
  return out;
}

}  // namespace parley::io
