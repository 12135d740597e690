#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "../../support/temp_folder.hpp"
#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_results.hpp"

using namespace parley;
using parley::testing::read_text;
using parley::testing::TempFolder;
using parley::testing::write_text;

TEST_CASE("A results row holds the point, values, seed, status, message and exact metrics", "[sweep]") {
  sweep::DesignPoint point{12, {"-0.25", "{name: prolonged, e: 0.1}"}};
  sweep::PointResult ok{12, sweep::PointStatus::ok, "", {0.1, 1.0 / 3.0, std::numeric_limits<double>::quiet_NaN()}};
  const auto line = io::format_sweep_row(point, 7, ok, 3);
  CHECK(line == "12,-0.25,\"{name: prolonged, e: 0.1}\",7,ok,,0.1,0.3333333333333333,\n");
  sweep::PointResult failed{12, sweep::PointStatus::invalid, "weights: do not sum to 1\nsecond, line\n", {}};
  CHECK(io::format_sweep_row(point, 7, failed, 3) ==
        "12,-0.25,\"{name: prolonged, e: 0.1}\",7,invalid,\"weights: do not sum to 1; second, line\",,,\n");
}

TEST_CASE("CSV records split with RFC 4180 quoting", "[sweep]") {
  CHECK(io::split_csv_record("a,\"b,c\",\"d\"\"e\",") == std::vector<std::string>{"a", "b,c", "d\"e", ""});
  CHECK(io::split_csv_record("") == std::vector<std::string>{""});
  CHECK_FALSE(io::split_csv_record("a,\"b"));
  CHECK_FALSE(io::split_csv_record("a,\"b\"c"));
}

TEST_CASE("A results file reads back, and a torn last line is detected", "[sweep]") {
  const TempFolder folder("results");
  const auto path = folder.file("r.csv");
  const auto header = io::sweep_results_header({"x", "parties.russia.strategy"}, {"m1", "m2"});
  CHECK(header == std::vector<std::string>{"point", "x", "parties.russia.strategy", "seed", "status", "message", "m1", "m2"});
  {
    auto writer = io::SweepResultsWriter::create(path, header);
    writer.write(io::format_sweep_row({3, {"0.5", "quick"}}, 1, {3, sweep::PointStatus::ok, "", {0.25, -1e-300}}, 2));
    writer.write(io::format_sweep_row({1, {"0.1", "quick"}}, 1, {1, sweep::PointStatus::error, "boom", {}}, 2));
  }
  const std::string complete = read_text(path);
  write_text(path, complete + "5,0.9,quick,1,ok,,0.");  // killed mid-line
  const auto file = io::read_sweep_results(path);
  CHECK(file.header == header);
  CHECK(file.parameters == std::vector<std::string>{"x", "parties.russia.strategy"});
  CHECK(file.metrics == std::vector<std::string>{"m1", "m2"});
  REQUIRE(file.rows.size() == 2);
  CHECK(file.rows[0].point == 3);
  CHECK(file.rows[0].values == std::vector<std::string>{"0.5", "quick"});
  CHECK(file.rows[0].metrics == std::vector<double>{0.25, -1e-300});
  CHECK(file.rows[1].status == sweep::PointStatus::error);
  CHECK(file.rows[1].message == "boom");
  CHECK(std::isnan(file.rows[1].metrics[0]));
  CHECK(file.torn_tail);
  CHECK(file.complete_bytes == complete.size());

  // Appending cuts the torn tail first.
  {
    auto writer = io::SweepResultsWriter::append(path, file.complete_bytes);
    writer.write(io::format_sweep_row({5, {"0.9", "quick"}}, 1, {5, sweep::PointStatus::ok, "", {1, 2}}, 2));
  }
  const auto again = io::read_sweep_results(path);
  CHECK_FALSE(again.torn_tail);
  REQUIRE(again.rows.size() == 3);
  CHECK(again.rows[2].line == "5,0.9,quick,1,ok,,1,2\n");
}

TEST_CASE("Rows written as points finish are put in point order, byte for byte, when the sweep ends",
          "[sweep]") {
  const TempFolder folder("sorting");
  const auto path = folder.file("r.csv");
  const auto header = io::sweep_results_header({"x"}, {"m"});
  const std::string row0 = io::format_sweep_row({0, {"0"}}, 1, {0, sweep::PointStatus::ok, "", {0.5}}, 1);
  const std::string row1 = io::format_sweep_row({1, {"\"a, b\""}}, 1, {1, sweep::PointStatus::error, "boom", {}}, 1);
  const std::string row2 = io::format_sweep_row({2, {"2"}}, 1, {2, sweep::PointStatus::ok, "", {-1e-300}}, 1);
  {
    auto writer = io::SweepResultsWriter::create(path, header);
    for (const auto* row : {&row2, &row0, &row1}) writer.write(*row);
  }
  const std::string header_line = read_text(path).substr(0, read_text(path).find('\n') + 1);
  CHECK(io::sort_sweep_results(path) == io::SweepSortOutcome::sorted);
  CHECK(read_text(path) == header_line + row0 + row1 + row2);
  // Sorted already: nothing to do, and the file is what it was.
  CHECK(io::sort_sweep_results(path) == io::SweepSortOutcome::already_sorted);
  CHECK(read_text(path) == header_line + row0 + row1 + row2);
  // A torn last line is the resume's to mend, not the sort's.
  write_text(path, header_line + row2 + row0 + "1,0.1,1,ok,,0.");
  CHECK_THROWS_AS(io::sort_sweep_results(path), std::runtime_error);
}

TEST_CASE("Damage other than a torn last line is reported", "[sweep]") {
  const TempFolder folder("damage");
  const auto path = folder.file("r.csv");
  write_text(path, "point,x,seed,status,message,m\n1,0.5,1,ok,,2\n2,0.5,1,ok\n3,0.5,1,ok,,2\n");
  CHECK_THROWS_WITH(io::read_sweep_results(path), Catch::Contains("r.csv:3: the row has 4 fields"));
  write_text(path, "point,x,seed,status,message,m\n1,0.5,1,fine,,2\n");
  CHECK_THROWS_WITH(io::read_sweep_results(path), Catch::Contains("bad status 'fine'"));
  write_text(path, "point,x,seed,status,message,m\nx,0.5,1,ok,,2\n");
  CHECK_THROWS_WITH(io::read_sweep_results(path), Catch::Contains("bad point id"));
  write_text(path, "point,x,seed,status,message,m\n1,0.5,1,ok,,2..\n");
  CHECK_THROWS_WITH(io::read_sweep_results(path), Catch::Contains("bad number '2..' in column m"));
  write_text(path, "a,b,c\n");
  CHECK_THROWS_WITH(io::read_sweep_results(path), Catch::Contains("not a sweep results header"));
  write_text(path, "point,x,se");  // killed while writing the header
  const auto torn = io::read_sweep_results(path);
  CHECK(torn.header.empty());
  CHECK(torn.torn_tail);
  CHECK(torn.complete_bytes == 0);
  CHECK_THROWS_WITH(io::read_sweep_results(folder.file("missing.csv")), Catch::Contains("cannot read"));
}

TEST_CASE("The manifest round-trips through JSON", "[sweep]") {
  io::SweepManifest m;
  m.version = "0.1.0";
  m.scenario = "scenarios/a \"quoted\" name.yaml";
  m.scenario_sha256 = "abc";
  m.spec.design = sweep::DesignKind::sobol;
  m.spec.samples = 64;
  m.spec.runs = 200;
  m.spec.seed = 18446744073709551615ull;
  sweep::VariedParameter a, b;
  a.path = "battlefield.advantage";
  a.spec = "-0.6:0.6";
  a.lo = -0.6;
  a.hi = 1.0 / 3.0;
  b.path = "parties.ukraine.strategy";
  b.spec = "{name: prolonged, e: 0.1},quick";
  b.levels = {"{name: prolonged, e: 0.1}", "quick"};
  m.spec.parameters = {a, b};
  m.spec.metrics = {"parties.*.utility.mean"};
  m.spec.base_overrides = {"parties.russia.cost=0.003"};
  m.design_points = 256;
  m.shard = {2, 3};
  m.points_in_file = 85;
  m.columns = {"point", "battlefield.advantage", "seed"};
  m.start_time = "2025-12-03T10:00:00Z";
  m.sessions = 2;
  m.rows_done = 40;
  m.rows_failed = 1;
  const auto back = io::parse_manifest(io::manifest_json(m), "m.json");
  CHECK(io::manifest_json(back) == io::manifest_json(m));
  CHECK(back.spec == m.spec);
  CHECK(back.shard == m.shard);
  CHECK(back.end_time.empty());
  CHECK(io::sweep_differences(m, back).empty());

  auto other = back;
  other.spec.seed = 2;
  other.scenario_sha256 = "def";
  other.shard = {1, 3};
  const auto differences = io::sweep_differences(m, other);
  CHECK(differences.size() == 2);  // seed and scenario; the shard index is not a difference
  // The same values written another way are the same sweep.
  other = back;
  other.spec.parameters[1].spec = "[{name: prolonged, e: 0.1}, quick]";
  CHECK(io::sweep_differences(m, other).empty());
  CHECK_THROWS_WITH(io::parse_manifest("{\"program\": \"parley\"}", "m.json"), Catch::Contains("m.json: version: missing"));
}
