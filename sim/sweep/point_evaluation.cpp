#include "parley/sweep/point_evaluation.hpp"

namespace parley::sweep {

const char* to_string(PointStatus status) {
  switch (status) {
    case PointStatus::ok: return "ok";
    case PointStatus::invalid: return "invalid";
    case PointStatus::error: return "error";
  }
  return "error";
}

PointResult evaluate_point(const PointEvaluator& evaluator, const DesignPoint& point) {
  PointResult result;
  result.point = point.id;
  try {
    result.metrics = evaluator.evaluate(point);
    if (result.metrics.size() != evaluator.metric_names.size()) {
      result.status = PointStatus::error;
      result.message = "the evaluation gave " + std::to_string(result.metrics.size()) + " metrics instead of " +
                       std::to_string(evaluator.metric_names.size());
      result.metrics.clear();
    }
  } catch (const InvalidPoint& e) {
    result.status = PointStatus::invalid;
    result.message = e.what();
    result.metrics.clear();
  } catch (const std::exception& e) {
    result.status = PointStatus::error;
    result.message = e.what();
    result.metrics.clear();
  } catch (...) {
    result.status = PointStatus::error;
    result.message = "the evaluation failed with an exception that is not a std::exception";
    result.metrics.clear();
  }
  return result;
}

}  // namespace parley::sweep
