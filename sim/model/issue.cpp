#include "parley/model/issue.hpp"

namespace parley {

int Issue::level_index(const std::string& level_id) const {
  for (std::size_t k = 0; k < levels.size(); ++k)
    if (levels[k] == level_id) return static_cast<int>(k);
  return -1;
}

int Issue::clause_index(const std::string& clause_id) const {
  for (std::size_t k = 0; k < clauses.size(); ++k)
    if (clauses[k].id == clause_id) return static_cast<int>(k);
  return -1;
}

const char* to_string(IssueKind kind) {
  switch (kind) {
    case IssueKind::continuous: return "continuous";
    case IssueKind::ordinal: return "ordinal";
    case IssueKind::clauses: return "clauses";
  }
  return "?";
}

}  // namespace parley
