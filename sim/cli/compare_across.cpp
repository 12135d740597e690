#include "compare_across.hpp"

#include <iostream>
#include <optional>
#include <utility>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/regime_map_request.hpp"

namespace parley::cli {
namespace {

// Plays the maps of `across` (io::play_regime_maps with one or two texts, or one map at
// `second`), printing what fails to standard error (prefixed by `command`) and setting
// `exit_code`: 2 for a bad --across, 1 for a scenario or a meta-game that fails.
template <class Play>
auto played_or_reported(ScenarioCommandLine& cli, const std::string& command, int& exit_code, Play play)
    -> std::optional<decltype(play(std::declval<const io::ScenarioDocument&>()))> {
  const auto document = cli.load_document();
  if (!document) {
    exit_code = 1;
    return std::nullopt;
  }
  try {
    return play(*document);
  } catch (const io::RegimeMapRequestError& e) {
    std::cerr << "parley " << command << ": --across " << io::printable_text(e.what()) << "\n(parley " << command
              << " --help lists the options)\n";
    exit_code = 2;
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, std::cerr);
    exit_code = 1;
  } catch (const std::runtime_error& e) {
    std::cerr << "parley " << command << ": --across " << io::printable_text(e.what()) << "\n";
    exit_code = 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<io::RegimeMapReport> play_regime_map(ScenarioCommandLine& cli, const std::string& command,
                                                   const std::vector<std::string>& strategy_args,
                                                   const std::string& across, double tolerance,
                                                   const RunOptions& options, const AdaptiveOptions& adaptive,
                                                   int& exit_code, const std::pair<std::string, std::string>* second) {
  return played_or_reported(cli, command, exit_code, [&](const io::ScenarioDocument& document) {
    return io::play_regime_map(document, strategy_args, across, tolerance, options, adaptive, second);
  });
}

int compare_across(ScenarioCommandLine& cli, const std::vector<std::string>& strategy_args,
                   const std::vector<std::string>& across, double tolerance, const RunOptions& options,
                   const AdaptiveOptions& adaptive) {
  int exit_code = 0;
  const auto maps = played_or_reported(cli, "compare", exit_code, [&](const io::ScenarioDocument& document) {
    return io::play_regime_maps(document, strategy_args, across, tolerance, options, adaptive);
  });
  if (!maps) return exit_code;
  std::ostream* out = cli.output();
  if (!out) return 1;
  const bool json = cli.values().format == OutputFormat::json;
  if (across.size() == 2) {
    if (json)
      io::write_regime_maps_json(*out, *maps);
    else
      io::write_regime_maps_table(*out, *maps);
  } else if (json) {
    io::write_regime_map_json(*out, maps->front());
  } else {
    io::write_regime_map_table(*out, maps->front());
  }
  return 0;
}

}  // namespace parley::cli
