#include "parley/io/interop/nfg_exact_payoffs.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace parley::io {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// 10^e as an integer.
boost::multiprecision::cpp_int power_of_ten(int e) {
  boost::multiprecision::cpp_int p = 1;
  for (int k = 0; k < e; ++k) p *= 10;
  return p;
}

/// [sign] digits [. digits] [(e|E) [sign] digits], with at least one digit before the exponent.
std::optional<Rational> exact_decimal(std::string_view s) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-';
  boost::multiprecision::cpp_int digits = 0;
  int fraction_digits = 0;
  bool any_digit = false;
  for (; pos < s.size() && is_digit(s[pos]); ++pos, any_digit = true) digits = digits * 10 + (s[pos] - '0');
  if (pos < s.size() && s[pos] == '.') {
    for (++pos; pos < s.size() && is_digit(s[pos]); ++pos, any_digit = true) {
      digits = digits * 10 + (s[pos] - '0');
      ++fraction_digits;
    }
  }
  if (!any_digit) return std::nullopt;
  long exponent = 0;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    bool negative_exponent = false;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative_exponent = s[pos++] == '-';
    if (pos == s.size()) return std::nullopt;
    for (; pos < s.size() && is_digit(s[pos]); ++pos) {
      exponent = exponent * 10 + (s[pos] - '0');
      if (exponent > kMaxExactExponent) return std::nullopt;
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (pos != s.size() || fraction_digits > 4 * kMaxExactExponent) return std::nullopt;
  exponent -= fraction_digits;
  if (std::labs(exponent) > 4L * kMaxExactExponent) return std::nullopt;
  Rational value = exponent >= 0 ? Rational(digits * power_of_ten(static_cast<int>(exponent)))
                                 : Rational(digits, power_of_ten(static_cast<int>(-exponent)));
  return negative ? Rational(-value) : value;
}

}  // namespace

std::optional<Rational> exact_number(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return exact_decimal(text);
  const std::string_view numerator = text.substr(0, slash);
  const std::string_view denominator = text.substr(slash + 1);
  const auto whole = [](std::string_view s, bool sign) {
    std::size_t i = sign && !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i) {
      if (!is_digit(s[i])) return false;
    }
    return true;
  };
  if (!whole(numerator, true) || !whole(denominator, false)) return std::nullopt;
  const auto p = exact_decimal(numerator);
  const auto q = exact_decimal(denominator);
  if (!p || !q || *q == 0) return std::nullopt;
  return Rational(*p / *q);
}

std::optional<ExactBimatrix> exact_payoffs(const NfgGame& nfg) {
  if (nfg.num_players() != 2 || nfg.payoff_texts.size() != nfg.num_profiles()) return std::nullopt;
  ExactBimatrix exact;
  exact.rows = static_cast<int>(nfg.strategies.at(0).size());
  exact.cols = static_cast<int>(nfg.strategies.at(1).size());
  const auto size = static_cast<std::size_t>(exact.rows) * static_cast<std::size_t>(exact.cols);
  exact.a.resize(size);
  exact.b.resize(size);
  for (int i = 0; i < exact.rows; ++i) {
    for (int j = 0; j < exact.cols; ++j) {
      // Player 1's strategy varies fastest in the file's profile order.
      const auto& texts = nfg.payoff_texts[static_cast<std::size_t>(i + exact.rows * j)];
      const auto a = exact_number(texts.at(0));
      const auto b = exact_number(texts.at(1));
      if (!a || !b) return std::nullopt;
      exact.a[static_cast<std::size_t>(i * exact.cols + j)] = *a;
      exact.b[static_cast<std::size_t>(i * exact.cols + j)] = *b;
    }
  }
  return exact;
}

}  // namespace parley::io
