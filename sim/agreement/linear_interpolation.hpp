#pragma once
// Linear interpolation along the edges of frontiers and issue ranges, shared by the agreement
// sources (internal: not installed).

namespace parley {

/// The point a fraction t of the way from a to b: a + (b - a) t. Not std::lerp, which rounds
/// differently at the ends; every stored result was computed with this formula.
inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

}  // namespace parley
