// GENIUS interoperability (genius_domain.hpp, genius_import.hpp, genius_export.hpp): the ANAC
// domains of tests/data/genius import with GENIUS's utilities, read here independently
// with tinyxml2; the frontier and solution points match brute force over every outcome; export
// and re-import keep every utility; bad files are reported with file, line and element.
#include <catch2/catch.hpp>
#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/disagreement_point.hpp"
#include "parley/io/interop/genius_domain.hpp"
#include "parley/io/interop/genius_export.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "../../support/cli_runner.hpp"
#include "../../support/temp_folder.hpp"

namespace {

namespace fs = std::filesystem;
using parley::Agreement;
using parley::Scenario;
using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::write_text;

constexpr double genius_exact = 1e-12;

const fs::path genius_root = fs::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "genius";
const fs::path bad_root = fs::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "genius_bad";

/// The shipped ANAC domains, one folder each. A missing folder is a failure, not a skip: the
/// importer's claims rest on these files.
std::vector<fs::path> shipped_domains() {
  if (!fs::is_directory(genius_root)) {
    FAIL("the GENIUS reference domains are missing: expected the folder " << genius_root.string());
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(genius_root))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  if (folders.empty()) FAIL("no GENIUS domain folder in " << genius_root.string());
  return folders;
}

/// Writes a test's own GENIUS file, and requires that it was written whole.
void write_file(const fs::path& path, const std::string& text) {
  write_text(path, text);
  REQUIRE(read_text(path) == text);
}

// ---------------------------------------------------------------------------------------------
// An independent reading of GENIUS files, straight from tinyxml2, with GENIUS's formula:
// u(x) = sum_k w_k evaluation(x_k) / max evaluation of issue k (weights as written).

struct HandDomain {
  std::vector<int> indices;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> items;
};

struct HandProfile {
  std::vector<double> weights;             // by domain issue
  std::vector<std::vector<double>> value;  // e_k(item j) = evaluation / max
  double reservation = 0.0;
  double discount = 1.0;
  [[nodiscard]] double weight_sum() const {
    double s = 0.0;
    for (double w : weights) s += w;
    return s;
  }
  /// sum_k w_k e_k(x_k), before GENIUS's cap at 1.
  [[nodiscard]] double utility(const std::vector<std::size_t>& outcome) const {
    double u = 0.0;
    for (std::size_t k = 0; k < weights.size(); ++k) u += weights[k] * value[k][outcome[k]];
    return u;
  }
};

struct HandNegotiation {
  HandDomain domain;
  std::vector<HandProfile> profiles;  // profile files in file-name order
  [[nodiscard]] std::size_t outcome_count() const {
    std::size_t n = 1;
    for (const auto& items : domain.items) n *= items.size();
    return n;
  }
  [[nodiscard]] std::vector<std::size_t> outcome(std::size_t code) const {
    std::vector<std::size_t> x(domain.items.size());
    for (std::size_t k = domain.items.size(); k-- > 0;) {
      x[k] = code % domain.items[k].size();
      code /= domain.items[k].size();
    }
    return x;
  }
};

const tinyxml2::XMLElement* objective_of(const tinyxml2::XMLElement* root) {
  const tinyxml2::XMLElement* space =
      std::string(root->Name()) == "negotiation_template" ? root->FirstChildElement("utility_space") : root;
  return space->FirstChildElement("objective");
}

HandNegotiation read_by_hand(const fs::path& folder) {
  HandNegotiation n;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<fs::path> profile_files;
  for (const auto& f : files) {
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.LoadFile(f.string().c_str()) == tinyxml2::XML_SUCCESS);
    if (std::string(doc.RootElement()->Name()) == "negotiation_template") {
      for (const auto* issue = objective_of(doc.RootElement())->FirstChildElement("issue"); issue;
           issue = issue->NextSiblingElement("issue")) {
        n.domain.indices.push_back(issue->IntAttribute("index"));
        n.domain.names.emplace_back(issue->Attribute("name"));
        n.domain.items.emplace_back();
        for (const auto* item = issue->FirstChildElement("item"); item; item = item->NextSiblingElement("item"))
          n.domain.items.back().emplace_back(item->Attribute("value"));
      }
    } else {
      profile_files.push_back(f);
    }
  }
  for (const auto& f : profile_files) {
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.LoadFile(f.string().c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = doc.RootElement();
    HandProfile p;
    if (const auto* r = root->FirstChildElement("reservation")) p.reservation = r->DoubleAttribute("value");
    if (const auto* d = root->FirstChildElement("discount_factor")) p.discount = d->DoubleAttribute("value");
    const std::size_t issues = n.domain.indices.size();
    p.weights.assign(issues, 0.0);
    p.value.assign(issues, {});
    const auto position = [&](int index) {
      const auto it = std::find(n.domain.indices.begin(), n.domain.indices.end(), index);
      REQUIRE(it != n.domain.indices.end());
      return static_cast<std::size_t>(it - n.domain.indices.begin());
    };
    const auto* objective = objective_of(root);
    for (const auto* w = objective->FirstChildElement("weight"); w; w = w->NextSiblingElement("weight"))
      p.weights[position(w->IntAttribute("index"))] = w->DoubleAttribute("value");
    for (const auto* issue = objective->FirstChildElement("issue"); issue; issue = issue->NextSiblingElement("issue")) {
      const std::size_t k = position(issue->IntAttribute("index"));
      std::map<std::string, double> evaluation;
      double max = 0.0;
      for (const auto* item = issue->FirstChildElement("item"); item; item = item->NextSiblingElement("item")) {
        evaluation[item->Attribute("value")] = item->DoubleAttribute("evaluation");
        max = std::max(max, item->DoubleAttribute("evaluation"));
      }
      for (const auto& value : n.domain.items[k]) p.value[k].push_back(evaluation.at(value) / max);
    }
    n.profiles.push_back(std::move(p));
  }
  return n;
}

/// The Parley package of a GENIUS outcome (one level per item, in item order).
Agreement package_of(const Scenario& s, const std::vector<std::size_t>& outcome) {
  Agreement x = s.status_quo();
  for (std::size_t k = 0; k < outcome.size(); ++k) x.amounts[k] = static_cast<double>(outcome[k]);
  return x;
}

/// Outcome codes to check: all of them for small domains, a fixed pseudo-random sample otherwise.
std::vector<std::size_t> sample_codes(std::size_t count, std::size_t sample) {
  std::vector<std::size_t> codes;
  if (count <= sample) {
    for (std::size_t c = 0; c < count; ++c) codes.push_back(c);
    return codes;
  }
  std::mt19937_64 rng(20130901);
  std::uniform_int_distribution<std::size_t> pick(0, count - 1);
  for (std::size_t i = 0; i < sample; ++i) codes.push_back(pick(rng));
  return codes;
}

Scenario import_folder(const fs::path& folder, int rounds = 100) {
  parley::io::GeniusImportOptions options;
  options.rounds = rounds;
  return parley::io::build_scenario(parley::io::genius_document(folder.string(), options));
}

/// Every outcome's utility pair, from per-issue contributions (fast brute force).
struct BruteForce {
  std::vector<double> ua, ub;
};

BruteForce enumerate(const Scenario& s, std::size_t a, std::size_t b) {
  std::vector<std::size_t> radix;
  for (const auto& issue : s.issues) radix.push_back(issue.levels.size());
  std::size_t count = 1;
  for (std::size_t r : radix) count *= r;
  BruteForce out;
  out.ua.resize(count);
  out.ub.resize(count);
  Agreement x = s.status_quo();
  std::vector<std::size_t> digits(radix.size(), 0);
  for (std::size_t c = 0; c < count; ++c) {
    for (std::size_t k = 0; k < radix.size(); ++k) x.amounts[k] = static_cast<double>(digits[k]);
    out.ua[c] = s.utility(a, x);
    out.ub[c] = s.utility(b, x);
    for (std::size_t k = radix.size(); k-- > 0;) {
      if (++digits[k] < radix[k]) break;
      digits[k] = 0;
    }
  }
  return out;
}

/// The strictly efficient utility pairs (up to `genius_exact`), u_a decreasing.
std::vector<std::pair<double, double>> efficient_pairs(const BruteForce& all) {
  std::vector<std::pair<double, double>> pts;
  for (std::size_t c = 0; c < all.ua.size(); ++c) pts.emplace_back(all.ua[c], all.ub[c]);
  std::sort(pts.begin(), pts.end(), [](const auto& p, const auto& q) {
    return p.first != q.first ? p.first > q.first : p.second > q.second;
  });
  std::vector<std::pair<double, double>> efficient;
  double best_b = -1.0;
  for (const auto& p : pts) {
    if (p.second > best_b + genius_exact) {
      efficient.push_back(p);
      best_b = p.second;
    }
  }
  return efficient;
}

std::size_t line_of(const fs::path& file, const std::string& marker) {
  std::ifstream in(file);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n)
    if (line.find(marker) != std::string::npos) return n;
  FAIL("marker '" << marker << "' not found in " << file.string());
  return 0;
}

/// Imports domain.xml with good_a.xml and `bad`; expects a diagnostic naming `bad`, the line
/// holding `marker`, the element `path` and a message containing `message`.
void expect_profile_error(const std::string& bad, const std::string& marker, const std::string& path,
                          const std::string& message) {
  INFO("profile " << bad);
  parley::io::GeniusFiles files;
  files.domain = (bad_root / "domain.xml").string();
  files.profiles = {(bad_root / "good_a.xml").string(), (bad_root / bad).string()};
  try {
    (void)parley::io::import_genius(files);
    FAIL("no error for " << bad);
  } catch (const parley::io::ScenarioError& e) {
    const auto expected_line = static_cast<int>(line_of(bad_root / bad, marker));
    bool found = false;
    for (const auto& d : e.diagnostics()) {
      INFO(parley::io::to_string(d));
      if (fs::path(d.file).filename() == bad && d.line == expected_line && d.path == path &&
          d.message.find(message) != std::string::npos)
        found = true;
    }
    INFO(e.what());
    CHECK(found);
  }
}

}  // namespace

TEST_CASE("every shipped ANAC domain imports as a valid scenario", "[genius]") {
  const auto folders = shipped_domains();
  for (const auto& folder : folders) {
    INFO(folder.string());
    const HandNegotiation hand = read_by_hand(folder);
    const Scenario s = import_folder(folder);
    REQUIRE(s.issues.size() == hand.domain.items.size());
    REQUIRE(s.parties.size() == hand.profiles.size());
    CHECK(!s.battlefield);
    CHECK(s.veto_parties().size() == hand.profiles.size());
    CHECK(s.horizon == 100);
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      CHECK(s.issues[k].kind == parley::IssueKind::ordinal);
      CHECK(s.issues[k].name == hand.domain.names[k]);
      CHECK(s.issues[k].level_names == hand.domain.items[k]);  // levels in item order, values kept
    }
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      const HandProfile& p = hand.profiles[i];
      // GENIUS discounts over the whole deadline: 100 rounds of the per-round discount give d.
      CHECK(std::pow(s.parties[i].discount, 100.0) == Approx(p.discount).margin(genius_exact));
      const double sum = p.weight_sum();
      const double expected_reservation = std::abs(sum - 1.0) <= genius_exact ? p.reservation : p.reservation / sum;
      CHECK(s.parties[i].reservation == Approx(expected_reservation).margin(1e-15));
    }
  }
}

TEST_CASE("imported utilities are GENIUS's, computed by hand from the XML", "[genius]") {
  for (const auto& folder : shipped_domains()) {
    INFO(folder.string());
    const HandNegotiation hand = read_by_hand(folder);
    const Scenario s = import_folder(folder);
    for (std::size_t i = 0; i < hand.profiles.size(); ++i) {
      const HandProfile& p = hand.profiles[i];
      // Weights that sum to S > 1 (Laptop-B: 1.0000518) are rescaled by 1/S, as the file says.
      const double sum = p.weight_sum();
      const double scale = std::abs(sum - 1.0) <= genius_exact ? 1.0 : 1.0 / sum;
      for (const std::size_t code : sample_codes(hand.outcome_count(), 3000)) {
        const auto outcome = hand.outcome(code);
        const double expected = p.utility(outcome) * scale;
        CHECK(s.utility(i, package_of(s, outcome)) == Approx(expected).margin(genius_exact));
      }
    }
  }
}

TEST_CASE("weights summing to more than 1 are normalised and the reservation rescaled with them", "[genius]") {
  const fs::path folder = genius_root / "y2012_LaptopB";
  if (!fs::is_directory(folder)) FAIL("missing " << folder.string());
  const HandNegotiation hand = read_by_hand(folder);
  const auto imported = parley::io::import_genius(parley::io::find_genius_files(folder.string()));
  REQUIRE(imported.notes.size() == hand.profiles.size());
  CHECK(imported.yaml.find("normalize: true") != std::string::npos);
  const Scenario s = import_folder(folder);
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const double sum = hand.profiles[i].weight_sum();
    REQUIRE(sum > 1.0 + 1e-9);
    double parley_sum = 0.0;
    for (double w : s.parties[i].weights) parley_sum += w;
    CHECK(parley_sum == Approx(1.0).margin(genius_exact));
    // u >= r in GENIUS iff u / S >= r / S here, for every outcome.
    for (std::size_t code = 0; code < hand.outcome_count(); ++code) {
      const auto outcome = hand.outcome(code);
      const bool genius_accepts = hand.profiles[i].utility(outcome) >= hand.profiles[i].reservation;
      const bool parley_accepts = s.utility(i, package_of(s, outcome)) >= s.parties[i].reservation - genius_exact;
      CHECK(genius_accepts == parley_accepts);
    }
  }
}

TEST_CASE("frontier and solution points of imported domains match brute force over every outcome", "[genius]") {
  for (const auto& folder : shipped_domains()) {
    INFO(folder.string());
    const Scenario s = import_folder(folder);
    const parley::AgreementSpace space(s);
    REQUIRE(space.is_exact());
    const std::size_t a = space.veto_parties()[0];
    const std::size_t b = space.veto_parties()[1];
    const auto& frontier = space.frontier();
    CHECK(frontier.epsilon() == 0.0);
    const BruteForce all = enumerate(s, a, b);
    const auto efficient = efficient_pairs(all);

    // Same efficient set, both ways, to 1e-12.
    const auto near = [](double x1, double y1, double x2, double y2) {
      return std::abs(x1 - x2) <= genius_exact && std::abs(y1 - y2) <= genius_exact;
    };
    for (const auto& [ua, ub] : efficient) {
      bool matched = false;
      for (std::size_t v = 0; v < frontier.size() && !matched; ++v) matched = near(ua, ub, frontier.u_a(v), frontier.u_b(v));
      INFO("efficient outcome (" << ua << ", " << ub << ")");
      CHECK(matched);
    }
    for (std::size_t v = 0; v < frontier.size(); ++v) {
      bool matched = false;
      for (const auto& [ua, ub] : efficient) matched = matched || near(ua, ub, frontier.u_a(v), frontier.u_b(v));
      INFO("frontier vertex " << v << " (" << frontier.u_a(v) << ", " << frontier.u_b(v) << ")");
      CHECK(matched);
      // Its package has these utilities.
      const Agreement x = space.package(space.point(v));
      CHECK(s.utility(a, x) == Approx(frontier.u_a(v)).margin(genius_exact));
      CHECK(s.utility(b, x) == Approx(frontier.u_b(v)).margin(genius_exact));
    }

    // Nash, Kalai-Smorodinsky and maximum welfare with the reservation values as d.
    const std::vector<double> d = parley::reservation_point(s);
    double best_product = -1.0;
    double best_welfare = -1.0;
    double ideal_a = -1.0;
    double ideal_b = -1.0;
    for (std::size_t c = 0; c < all.ua.size(); ++c) {
      best_welfare = std::max(best_welfare, all.ua[c] + all.ub[c]);
      if (all.ua[c] >= d[a] && all.ub[c] >= d[b]) {
        best_product = std::max(best_product, (all.ua[c] - d[a]) * (all.ub[c] - d[b]));
        ideal_a = std::max(ideal_a, all.ua[c]);
        ideal_b = std::max(ideal_b, all.ub[c]);
      }
    }
    const auto welfare = parley::max_welfare(space);
    CHECK(welfare.utilities[a] + welfare.utilities[b] == Approx(best_welfare).margin(genius_exact));
    const auto nash = parley::nash_solution(space, d);
    const auto ks = parley::kalai_smorodinsky(space, d);
    if (best_product < 0.0) {
      CHECK(!nash);
      CHECK(!ks);
      continue;
    }
    REQUIRE(nash);
    CHECK((nash->utilities[a] - d[a]) * (nash->utilities[b] - d[b]) == Approx(best_product).margin(genius_exact));
    CHECK(s.utility(a, nash->agreement) == Approx(nash->utilities[a]).margin(genius_exact));
    REQUIRE(ks);
    const auto gain = [&](double ua, double ub) {
      double g = 1e300;
      if (ideal_a > d[a]) g = std::min(g, (ua - d[a]) / (ideal_a - d[a]));
      if (ideal_b > d[b]) g = std::min(g, (ub - d[b]) / (ideal_b - d[b]));
      return g;
    };
    double best_gain = -1.0;
    for (std::size_t c = 0; c < all.ua.size(); ++c)
      if (all.ua[c] >= d[a] && all.ub[c] >= d[b]) best_gain = std::max(best_gain, gain(all.ua[c], all.ub[c]));
    CHECK(gain(ks->utilities[a], ks->utilities[b]) == Approx(best_gain).margin(1e-9));
  }
}

TEST_CASE("import, export, import gives identical utilities on every shipped domain", "[genius]") {
  const TempFolder scratch("genius-roundtrip");
  for (const auto& folder : shipped_domains()) {
    INFO(folder.string());
    const Scenario first = import_folder(folder);
    const fs::path out = scratch.path() / folder.filename();
    const auto written = parley::io::write_genius_files(first, out.string());
    REQUIRE(written.size() == 1 + first.parties.size());
    parley::io::GeniusFiles files;
    files.domain = written[0];
    files.profiles.assign(written.begin() + 1, written.end());
    const Scenario second = parley::io::build_scenario(parley::io::genius_document(files));
    REQUIRE(second.issues.size() == first.issues.size());
    REQUIRE(second.parties.size() == first.parties.size());
    for (std::size_t k = 0; k < first.issues.size(); ++k) CHECK(second.issues[k].level_names == first.issues[k].level_names);
    std::size_t count = 1;
    for (const auto& issue : first.issues) count *= issue.levels.size();
    HandNegotiation shape;
    for (const auto& issue : first.issues) shape.domain.items.push_back(issue.levels);
    for (std::size_t i = 0; i < first.parties.size(); ++i) {
      CHECK(second.parties[i].id == first.parties[i].id);
      CHECK(second.parties[i].reservation == Approx(first.parties[i].reservation).margin(1e-15));
      CHECK(second.parties[i].discount == Approx(first.parties[i].discount).margin(genius_exact));
      for (const std::size_t code : sample_codes(count, 2000)) {
        const auto outcome = shape.outcome(code);
        CHECK(second.utility(i, package_of(second, outcome)) ==
              Approx(first.utility(i, package_of(first, outcome))).margin(genius_exact));
      }
    }
  }
}

namespace {

// A scenario with every kind of issue GENIUS can hold exactly: a continuous grid, a linear
// continuous issue (one party's value a line clamped at 0), an ordinal issue whose best value
// is below 1, and clauses of both signs.
constexpr const char* mixed_scenario = R"(
title: "Mixed issues"
horizon: 20
period: round
issues:
  - {id: share, kind: continuous, range: [0, 10], steps: 5}
  - {id: price, kind: continuous, range: [2, 4]}
  - {id: level, kind: ordinal, levels: [low, mid, high]}
  - id: plan
    kind: clauses
    clauses:
      - {id: c1, text: "First clause"}
      - {id: c2, text: "Second clause"}
      - {id: c3, text: "Third clause"}
parties:
  - id: alpha
    discount: 0.99
    reservation: 0.1
    weights: {share: 0.3, price: 0.2, level: 0.2, plan: 0.3}
    values:
      share: {points: [[0, 0], [4, 0.9], [10, 1]]}
      price: increasing
      level: {low: 0.2, mid: 0.5, high: 0.4}
      plan: {c1: 1.0, c2: -0.5, c3: 0.25}
  - id: beta
    discount: 0.95
    reservation: 0.25
    weights: {share: 0.4, price: 0.3, level: 0.1, plan: 0.2}
    values:
      share: decreasing
      price: {points: [[2, 1], [3, 0], [4, 0]]}
      level: {low: 1, mid: 0.3, high: 0}
      plan: {c1: -2, c2: 0.5, c3: 0}
)";

}  // namespace

TEST_CASE("a scenario with grids, lines, levels and clauses survives export and import exactly", "[genius]") {
  const Scenario original =
      parley::io::build_scenario(parley::io::parse_scenario_text(mixed_scenario, "mixed.yaml", "mixed"));
  const TempFolder scratch("genius-mixed");
  const auto written = parley::io::write_genius_files(original, scratch.path().string());
  parley::io::GeniusFiles files;
  files.domain = written[0];
  files.profiles.assign(written.begin() + 1, written.end());
  parley::io::GeniusImportOptions options;
  options.rounds = original.horizon;
  const auto imported = parley::io::import_genius(files, options);
  // Alpha's exported weights sum to 0.9 (its best level is worth 0.5): kept genius_exact, and said so.
  CHECK(imported.notes.size() == 1);
  const Scenario back = parley::io::build_scenario(parley::io::parse_scenario_text(imported.yaml, files.domain, imported.id));
  // share -> 6 levels, price -> continuous, level -> 3 levels, plan -> one issue per clause.
  REQUIRE(back.issues.size() == 6);
  CHECK(back.issues[0].levels.size() == 6);
  CHECK(back.issues[1].kind == parley::IssueKind::continuous);
  CHECK(back.issues[2].level_names == original.issues[2].levels);
  for (std::size_t c = 0; c < 3; ++c) CHECK(back.issues[3 + c].name == original.issues[3].clauses[c].text);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(back.parties[i].discount == Approx(original.parties[i].discount).margin(genius_exact));
    CHECK(back.parties[i].reservation == original.parties[i].reservation);
  }
  for (int step = 0; step <= 5; ++step) {
    for (const double price : {2.0, 2.5, 2.75, 3.0, 3.3, 4.0}) {
      for (int level = 0; level < 3; ++level) {
        for (int subset = 0; subset < 8; ++subset) {
          Agreement x = original.status_quo();
          x.amounts[0] = 10.0 * step / 5;
          x.amounts[1] = price;
          x.amounts[2] = level;
          Agreement y = back.status_quo();
          y.amounts[0] = step;
          y.amounts[1] = price;
          y.amounts[2] = level;
          for (int c = 0; c < 3; ++c) {
            x.clauses[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>((subset >> c) & 1);
            y.amounts[static_cast<std::size_t>(3 + c)] = (subset >> c) & 1;  // excluded, included
          }
          for (std::size_t i = 0; i < 2; ++i) {
            INFO("party " << i << " step " << step << " price " << price << " level " << level << " clauses " << subset);
            CHECK(back.utility(i, y) == Approx(original.utility(i, x)).margin(genius_exact));
          }
        }
      }
    }
  }
}

TEST_CASE("what GENIUS cannot represent exactly is an export error naming the field", "[genius]") {
  SECTION("a kinked value function on a continuous issue without steps") {
    std::string yaml = mixed_scenario;
    yaml.replace(yaml.find("price: increasing"), 17, "price: {points: [[2, 0], [3, 0.8], [4, 1]]}");
    const Scenario s = parley::io::build_scenario(parley::io::parse_scenario_text(yaml, "kinked.yaml", "kinked"));
    parley::io::GeniusExportOptions options;
    options.source = "kinked.yaml";
    try {
      (void)parley::io::export_genius(s, options);
      FAIL("no error");
    } catch (const parley::io::ScenarioError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].file == "kinked.yaml");
      CHECK(e.diagnostics()[0].path == "parties[0].values.price");
      CHECK(e.diagnostics()[0].message.find("steps") != std::string::npos);
    }
  }
  SECTION("a battlefield and costs of fighting, unless ignored") {
    const Scenario s = parley::io::build_scenario(parley::io::parse_builtin_scenario("fearon"));
    REQUIRE(s.battlefield);
    try {
      (void)parley::io::export_genius(s);
      FAIL("no error");
    } catch (const parley::io::ScenarioError& e) {
      std::vector<std::string> paths;
      for (const auto& d : e.diagnostics()) paths.push_back(d.path);
      CHECK(std::count(paths.begin(), paths.end(), "battlefield") == 1);
      CHECK(std::count(paths.begin(), paths.end(), "parties[0].cost") == 1);
    }
    parley::io::GeniusExportOptions options;
    options.ignore_battlefield = true;
    const auto files = parley::io::export_genius(s, options);
    CHECK(files.profiles.size() == 2);
    CHECK(files.domain_xml.find("dropped") != std::string::npos);
  }
}

TEST_CASE("integer and real GENIUS issues import with GENIUS's evaluators", "[genius]") {
  const TempFolder scratch("genius-numeric");
  write_file(scratch.path() / "numeric_domain.xml", R"(<negotiation_template><utility_space>
<objective index="0" name="numeric" type="objective" etype="objective">
  <issue index="1" name="Count" type="integer" etype="integer" vtype="integer" lowerbound="-2" upperbound="3"/>
  <issue index="2" name="Price" type="real" etype="real" vtype="real"><range lowerbound="0" upperbound="10"/></issue>
  <issue index="3" name="Days" type="integer" etype="integer"><range lowerbound="1" upperbound="4"/></issue>
</objective></utility_space></negotiation_template>)");
  write_file(scratch.path() / "numeric_a.xml", R"(<utility_space>
<objective index="0" name="numeric" type="objective" etype="objective">
  <issue index="1" name="Count" type="integer" etype="integer" lowerbound="-2" upperbound="3">
    <evaluator ftype="linear" slope="0.3" offset="0.1"/></issue>
  <issue index="2" name="Price" type="real" etype="real"><range lowerbound="0" upperbound="10"/>
    <evaluator ftype="linear" parameter0="-0.5" parameter1="0.25"/></issue>
  <issue index="3" name="Days" type="integer" etype="integer"><range lowerbound="1" upperbound="4"/>
    <evaluator ftype="linear" parameter0="1.2" parameter1="-0.3"/></issue>
  <weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="3" value="0.2"/>
</objective><reservation value="0.4"/></utility_space>)");
  write_file(scratch.path() / "numeric_b.xml", R"(<utility_space>
<objective index="0" name="numeric" type="objective" etype="objective">
  <issue index="1" name="Count" type="integer" etype="integer" lowerbound="-2" upperbound="3">
    <evaluator ftype="linear" slope="-0.2" offset="1"/></issue>
  <issue index="2" name="Price" type="real" etype="real"><range lowerbound="0" upperbound="10"/>
    <evaluator ftype="constant" parameter0="0.6"/></issue>
  <issue index="3" name="Days" type="integer" etype="integer"><range lowerbound="1" upperbound="4"/>
    <evaluator ftype="linear" parameter0="0" parameter1="0.25"/></issue>
  <weight index="1" value="0.25"/><weight index="2" value="0.25"/><weight index="3" value="0.25"/>
</objective></utility_space>)");
  const Scenario s = import_folder(scratch.path(), 10);
  REQUIRE(s.issues.size() == 3);
  CHECK(s.issues[0].kind == parley::IssueKind::ordinal);
  CHECK(s.issues[0].level_names == std::vector<std::string>{"-2", "-1", "0", "1", "2", "3"});
  CHECK(s.issues[1].kind == parley::IssueKind::continuous);
  CHECK(s.issues[1].lo == 0.0);
  CHECK(s.issues[1].hi == 10.0);
  const auto clamp01 = [](double e) { return std::clamp(e, 0.0, 1.0); };
  // GENIUS: integer (new form) offset + slope (v - lowerbound); integer (old form) and real
  // parameter0 + parameter1 x; both clamped to [0, 1]. Party b's weights sum to 0.75 < 1: its
  // utilities are kept as they are, 0.75 at most.
  for (int count = -2; count <= 3; ++count) {
    for (const double price : {0.0, 1.0, 2.0, 3.0, 4.4, 6.0, 8.0, 10.0}) {
      for (int days = 1; days <= 4; ++days) {
        Agreement x = s.status_quo();
        x.amounts[0] = count + 2;
        x.amounts[1] = price;
        x.amounts[2] = days - 1;
        const double ua = 0.5 * clamp01(0.1 + 0.3 * (count + 2)) + 0.3 * clamp01(-0.5 + 0.25 * price) +
                          0.2 * clamp01(1.2 - 0.3 * days);
        const double ub = 0.25 * clamp01(1.0 - 0.2 * (count + 2)) + 0.25 * 0.6 + 0.25 * clamp01(0.25 * days);
        INFO("count " << count << " price " << price << " days " << days);
        CHECK(s.utility(0, x) == Approx(ua).margin(genius_exact));
        CHECK(s.utility(1, x) == Approx(ub).margin(genius_exact));
      }
    }
  }
  CHECK(s.parties[0].reservation == 0.4);
  CHECK(s.parties[1].discount == 1.0);
}

TEST_CASE("bad GENIUS files are reported with file, line and element", "[genius]") {
  expect_profile_error("negative_evaluation.xml", "evaluation=\"-1\"", "objective/issue[index=1]/item[2]",
                       "negative evaluation");
  expect_profile_error("zero_evaluations.xml", "name=\"Size\"", "objective/issue[index=2]", "is zero");
  expect_profile_error("not_a_number.xml", "evaluation=\"three\"", "objective/issue[index=1]/item[1]",
                       "not a number");
  expect_profile_error("missing_item.xml", "name=\"Color\"", "objective/issue[index=1]",
                       "item 'green' of the domain has no evaluation");
  expect_profile_error("extra_item.xml", "purple", "objective/issue[index=1]/item[4]", "not an item of issue");
  expect_profile_error("missing_weight.xml", "name=\"Size\"", "objective/issue[index=2]", "no <weight");
  expect_profile_error("negative_weight.xml", "value=\"-0.2\"", "objective/weight[index=2]", "negative weight");
  expect_profile_error("zero_weights.xml", "<objective", "objective", "every weight is zero");
  expect_profile_error("bad_reservation.xml", "<reservation", "reservation", "outside [0, 1]");
  expect_profile_error("bad_discount.xml", "<discount_factor", "discount_factor", "outside (0, 1]");
  expect_profile_error("renamed_issue.xml", "name=\"Weight\"", "objective/issue[index=2]",
                       "named 'Weight' here but 'Size' in the domain");
  expect_profile_error("unknown_issue.xml", "name=\"Shape\"", "objective/issue[index=3]", "is not an issue of the domain");
  expect_profile_error("unknown_issue.xml", "<objective", "objective", "'Size' of the domain has no evaluator");
  expect_profile_error("domain.xml", "<negotiation_template", "negotiation_template",
                       "domain file, not a profile");
  // Malformed XML: tinyxml2's line, where the unclosed element starts.
  expect_profile_error("malformed.xml", "name=\"Color\"", "", "malformed XML");

  SECTION("a bad domain") {
    try {
      (void)parley::io::read_genius_domain((bad_root / "duplicate_item_domain.xml").string());
      FAIL("no error");
    } catch (const parley::io::ScenarioError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const auto& d = e.diagnostics()[0];
      CHECK(fs::path(d.file).filename() == "duplicate_item_domain.xml");
      CHECK(d.line == static_cast<int>(line_of(bad_root / "duplicate_item_domain.xml", "index=\"2\" value=\"red\"")));
      CHECK(d.path == "objective/issue[index=1]/item[2]");
      CHECK(d.message.find("duplicate item value 'red'") != std::string::npos);
    }
  }
  SECTION("missing profiles") {
    for (const auto& argument : {bad_root / "only_domain", bad_root / "only_domain" / "domain.xml"}) {
      INFO(argument.string());
      try {
        (void)parley::io::genius_document(argument.string());
        FAIL("no error");
      } catch (const parley::io::ScenarioError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].file == argument.string());
        CHECK(e.diagnostics()[0].message.find("missing profiles") != std::string::npos);
      }
    }
  }
  SECTION("a profile where the domain is expected") {
    CHECK_THROWS_WITH(parley::io::find_genius_files((bad_root / "good_a.xml").string()),
                      Catch::Contains("this is a GENIUS profile"));
  }
}

TEST_CASE("GENIUS arguments are recognised and their files found", "[genius]") {
  const std::string domain = (bad_root / "domain.xml").string();
  const std::string a = (bad_root / "good_a.xml").string();
  const std::string b = (bad_root / "good_b.xml").string();
  CHECK(parley::io::looks_like_genius(bad_root.string()));
  CHECK(parley::io::looks_like_genius(domain));
  CHECK(parley::io::looks_like_genius(a + "," + domain + "," + b));
  CHECK_FALSE(parley::io::looks_like_genius("rubinstein"));
  CHECK_FALSE(parley::io::looks_like_genius((fs::path(PARLEY_SOURCE_DIR) / "scenarios" / "rubinstein.yaml").string()));
  // The files in any order: the domain is found by its root element, profiles keep their order.
  const auto files = parley::io::find_genius_files(b + "," + domain + "," + a);
  CHECK(files.domain == domain);
  CHECK(files.profiles == std::vector<std::string>{b, a});
  const Scenario s = parley::io::build_scenario(parley::io::genius_document(files));
  CHECK(s.parties[0].id == "good_b");
  CHECK(s.parties[1].id == "good_a");
  CHECK(s.id == "domain");
}

TEST_CASE("identifiers are derived from GENIUS values", "[genius]") {
  CHECK(parley::io::genius_slug("$100 Billion") == "100_billion");
  CHECK(parley::io::genius_slug("19'' LCD") == "19_lcd");
  CHECK(parley::io::genius_slug("Laptop-B") == "laptop-b");
  CHECK(parley::io::genius_slug("No agreement") == "no_agreement");
  CHECK(parley::io::genius_slug(" -- ") == "");
  // Items whose values give the same identifier are de-duplicated; the value stays the name.
  // The files are raw strings in which the four characters \xe9 stand for one Latin-1 byte.
  const auto latin1 = [](std::string text) {
    for (std::size_t p = text.find("\\xe9"); p != std::string::npos; p = text.find("\\xe9")) text.replace(p, 4, "\xe9");
    return text;
  };
  const TempFolder scratch("genius-slugs");
  write_file(scratch.path() / "s_domain.xml", latin1(R"(<negotiation_template><utility_space><objective index="0" name="s">
  <issue index="1" name="Size" type="discrete"><item value="A b"/><item value="a-b"/><item value="a_b"/><item value=""/><item value="caf\xe9"/></issue>
  </objective></utility_space></negotiation_template>)"));
  for (const char* party : {"s_x.xml", "s_y.xml"}) {
    write_file(scratch.path() / party, latin1(R"(<utility_space><objective index="0" name="s">
  <issue index="1" name="Size" type="discrete"><item value="A b" evaluation="1"/><item value="a-b" evaluation="2"/>
  <item value="a_b" evaluation="3"/><item value="" evaluation="4"/><item value="caf\xe9" evaluation="5"/></issue>
  <weight index="1" value="1"/>
  </objective></utility_space>)"));
  }
  const Scenario s = import_folder(scratch.path());
  CHECK(s.issues[0].levels == std::vector<std::string>{"a_b", "a-b", "a_b_2", "item4", "caf"});
  // A Latin-1 value (older GENIUS files) becomes the same character in UTF-8.
  // An empty value has no name to show, so the level is shown by its identifier.
  CHECK(s.issues[0].level_names == std::vector<std::string>{"A b", "a-b", "a_b", "item4", "caf\xc3\xa9"});
  CHECK(s.parties[0].id == "x");
  CHECK(s.parties[1].id == "y");
}

TEST_CASE("parley import-genius and export-genius on the command line", "[genius]") {
  const fs::path folder = genius_root / "y2013_Coffee";
  if (!fs::is_directory(folder)) FAIL("missing " << folder.string());
  const TempFolder scratch("genius-cli");
  const fs::path yaml = scratch.path() / "coffee.yaml";
  CHECK(run_cli("import-genius " + folder.string() + " -o " + yaml.string()).exit_code == 0);
  CHECK(read_text(yaml) == parley::io::import_genius(parley::io::find_genius_files(folder.string())).yaml);
  const fs::path out = scratch.path() / "exported";
  CHECK(run_cli("export-genius " + yaml.string() + " -o " + out.string()).exit_code == 0);
  CHECK(fs::is_regular_file(out / "coffee_domain.xml"));
  // A profile given where the domain is expected: exit code 1 (bad input).
  CHECK(run_cli("import-genius " + (bad_root / "good_a.xml").string()).exit_code == 1);
}

TEST_CASE("every scenario command reads a GENIUS folder or its files directly", "[genius][cli]") {
  const fs::path folder = genius_root / "y2013_Coffee";
  if (!fs::is_directory(folder)) FAIL("missing " << folder.string());
  const TempFolder scratch("genius-commands");
  const auto output_of = [&](const std::string& arguments) {
    const parley::testing::CliResult run = run_cli(arguments);
    const std::string text = run.out + run.err;  // both streams, as a terminal shows them
    INFO(arguments << "\n" << text);
    CHECK(run.exit_code == 0);
    return text;
  };
  // The same analysis from the folder, from the three files in any order, and from the import.
  const HandNegotiation hand = read_by_hand(folder);
  std::string files;
  for (const auto& entry : fs::directory_iterator(folder)) files += " " + entry.path().string();
  const std::string from_folder = output_of("analyze " + folder.string() + " --format json");
  CHECK(from_folder == output_of("analyze" + files + " --format json"));
  const fs::path yaml = scratch.path() / "coffee.yaml";
  REQUIRE(run_cli("import-genius " + folder.string() + " -o " + yaml.string()).exit_code == 0);
  CHECK(from_folder == output_of("analyze " + yaml.string() + " --format json"));
  CHECK(from_folder.find("\"frontier\"") != std::string::npos);
  // run negotiates it with the built-in strategies; describe and validate read it too.
  CHECK(output_of("run " + folder.string() + " --runs 50 --format json").find("\"outcomes\"") != std::string::npos);
  CHECK_FALSE(output_of("describe " + folder.string()).empty());
  CHECK(hand.profiles.size() == 2);
  // Several arguments that are not GENIUS files are refused with a usage error.
  CHECK(run_cli("analyze fearon rubinstein").exit_code != 0);
}

TEST_CASE("integer GENIUS issues with bounds far apart are refused by their genius_exact count", "[genius]") {
  // upperbound - lowerbound overflowed a signed integer (issue 18); the count is genius_exact now.
  const auto refusal = [](const std::string& lower, const std::string& upper) {
    const std::string xml = R"(<negotiation_template><utility_space>
<objective index="0" name="wide" type="objective" etype="objective">
  <issue index="1" name="Count" type="integer" etype="integer" lowerbound=")" +
                            lower + "\" upperbound=\"" + upper + R"("/>
</objective></utility_space></negotiation_template>)";
    try {
      (void)parley::io::parse_genius_domain(xml, "wide.xml");
    } catch (const parley::io::ScenarioError& e) {
      return e.diagnostics().front().message;
    }
    return std::string("accepted");
  };
  CHECK_THAT(refusal("-5", "9223372036854775807"), Catch::StartsWith("integer issue with 9223372036854775813 values"));
  CHECK_THAT(refusal("-9223372036854775808", "9223372036854775807"), Catch::StartsWith("integer issue with 2^64 values"));
  CHECK_THAT(refusal("0", "10000"), Catch::StartsWith("integer issue with 10001 values"));
  CHECK(refusal("0", "9999") == "accepted");
}
