#include "parley/solve/exact_fraction.hpp"

#include <charconv>
#include <limits>

namespace parley {

namespace {

bool fits_int64(const boost::multiprecision::cpp_int& v) {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

void append_integer(std::string& text, std::int64_t v) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  text.append(digits, end);
}

}  // namespace

ExactFraction::ExactFraction(const Rational& value) {
  const auto& p = boost::multiprecision::numerator(value);
  const auto& q = boost::multiprecision::denominator(value);
  if (fits_int64(p) && fits_int64(q)) {
    p_ = static_cast<std::int64_t>(p);
    q_ = static_cast<std::int64_t>(q);
  } else {
    big_ = std::make_shared<const Rational>(value);
  }
}

std::string ExactFraction::text() const {
  if (big_) return big_->str();
  std::string text;
  append_integer(text, p_);
  if (q_ != 1) {
    text += '/';
    append_integer(text, q_);
  }
  return text;
}

double ExactFraction::value() const {
  if (big_) return big_->convert_to<double>();
  constexpr std::int64_t exact_in_double = std::int64_t(1) << 53;
  if (p_ < exact_in_double && p_ > -exact_in_double && q_ < exact_in_double) {
    return static_cast<double>(p_) / static_cast<double>(q_);
  }
  return Rational(p_, q_).convert_to<double>();
}

Rational ExactFraction::rational() const { return big_ ? *big_ : Rational(p_, q_); }

}  // namespace parley
