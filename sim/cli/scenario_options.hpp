#pragma once
// The options every scenario command shares (DESIGN 4): a positional SCENARIO, `--set
// PATH=VALUE` (repeatable), `--format`, `-o FILE`, and, for the commands that simulate,
// `--seed`, `--runs`, `--threads`. A command declares which it takes, adds its own options,
// parses, loads:
//
//   int run_analyze(const std::vector<std::string>& args) {
//     ScenarioCommandLine cli("analyze", "Exact analytics of a scenario.",
//                             {.formats = {OutputFormat::table, OutputFormat::json}});
//     int depth = 3;
//     cli.options().add_options()("depth", po::value(&depth)->default_value(3), "search depth");
//     if (const auto exit_code = cli.parse(args)) return *exit_code;  // --help, usage error
//     const auto scenario = cli.load_scenario();  // errors already printed, with file:line:col
//     if (!scenario) return 1;
//     std::ostream* out = cli.output();           // std::cout, or the -o file
//     if (!out) return 1;
//     ...
//     return 0;
//   }
//
// Exit codes follow command.hpp: 0 success, 1 bad input, 2 usage error.

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/scenario.hpp"

namespace parley::cli {

/// What `--format` selects.
enum class OutputFormat { table, json, csv };
const char* to_string(OutputFormat format);

/// The values of the shared options after parsing.
struct ScenarioOptions {
  std::string scenario;            ///< SCENARIO as given (path or built-in name); the default's name if omitted
  std::vector<std::string> sets;   ///< every `--set PATH=VALUE`, in command-line order
  OutputFormat format = OutputFormat::table;
  std::string output_path;         ///< `-o FILE`; empty: standard output
  std::uint64_t seed = 0;          ///< `--seed` (only if the command takes it)
  std::int64_t runs = 0;           ///< `--runs`, >= 1 (only if the command takes it)
  int threads = 0;                 ///< `--threads`, 0 = every hardware thread (only if taken)
};

/// Which shared options a command takes, and their defaults.
struct ScenarioOptionsConfig {
  bool scenario_required = false;  ///< false: the default scenario (ukraine-2025) when omitted
  bool seed = false;               ///< takes `--seed`
  std::uint64_t default_seed = 1;
  bool runs = false;               ///< takes `--runs`
  std::int64_t default_runs = 10000;
  bool threads = false;            ///< takes `--threads`
  /// The formats `--format` accepts; the first is the default. Empty: no `--format` option (a
  /// command with one kind of output).
  std::vector<OutputFormat> formats{OutputFormat::table, OutputFormat::json, OutputFormat::csv};
};

/// \brief Parses a scenario command's arguments and loads its scenario.
class ScenarioCommandLine {
 public:
  /// `command` is the subcommand's name, `summary` one or more sentences for its `--help`.
  ScenarioCommandLine(std::string command, std::string summary, ScenarioOptionsConfig config = {});
  /// Commits the `-o` file (io::AtomicFileWriter: it replaces the old file only when written
  /// whole); if it cannot be, says so and sets output_failed(). When an exception is leaving
  /// the command, the file is not committed and the old one stays.
  ~ScenarioCommandLine();
  ScenarioCommandLine(const ScenarioCommandLine&) = delete;
  ScenarioCommandLine& operator=(const ScenarioCommandLine&) = delete;

  /// The command's own options: add to it before parse(). The shared ones are added by parse().
  boost::program_options::options_description& options() { return own_; }

  /// Parses `args` (the arguments after the command's name). Returns an exit code when the
  /// command should stop now: 0 after printing `--help`, 2 after printing a usage error;
  /// std::nullopt when it should go on.
  std::optional<int> parse(const std::vector<std::string>& args);

  [[nodiscard]] const ScenarioOptions& values() const { return values_; }
  /// Every parsed option, the command's own included (`variables().count("trace")`).
  [[nodiscard]] const boost::program_options::variables_map& variables() const { return variables_; }

  /// The SCENARIO document with every `--set` applied, not yet validated (what `sweep` varies).
  /// On error prints every diagnostic to stderr and returns std::nullopt (exit code 1).
  [[nodiscard]] std::optional<io::ScenarioDocument> load_document() const;
  /// The validated scenario; on error prints every diagnostic to stderr (file:line:col: error:
  /// path: message) and returns std::nullopt (exit code 1).
  [[nodiscard]] std::optional<Scenario> load_scenario() const;

  /// Where results go: std::cout, or the `-o` file (opened on the first call: a temporary in
  /// the file's folder, renamed over it by the destructor). Returns nullptr after printing an
  /// error if the file cannot be opened.
  std::ostream* output();

 private:
  std::string command_;
  std::string summary_;
  ScenarioOptionsConfig config_;
  boost::program_options::options_description own_;
  boost::program_options::variables_map variables_;
  ScenarioOptions values_;
  std::unique_ptr<io::AtomicFileWriter> file_;
  int uncaught_at_start_ = 0;
};

/// Prints every diagnostic, one per line, to `err`.
void print_diagnostics(const io::ScenarioError& error, std::ostream& err);

/// Loads `path_or_name` (a file, or a built-in scenario name) with `sets` applied; on error
/// prints every diagnostic to `err` and returns std::nullopt. For commands that do not use
/// ScenarioCommandLine.
std::optional<Scenario> load_scenario_or_report(const std::string& path_or_name,
                                                const std::vector<std::string>& sets, std::ostream& err);

}  // namespace parley::cli
