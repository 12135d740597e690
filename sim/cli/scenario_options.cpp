#include "scenario_options.hpp"

#include <exception>
#include <iostream>

#include "command.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "unsigned_option.hpp"

namespace po = boost::program_options;

namespace parley::cli {

const char* to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::table: return "table";
    case OutputFormat::json: return "json";
    case OutputFormat::csv: return "csv";
  }
  return "?";
}

ScenarioCommandLine::ScenarioCommandLine(std::string command, std::string summary, ScenarioOptionsConfig config)
    : command_(std::move(command)),
      summary_(std::move(summary)),
      config_(std::move(config)),
      own_("Options"),
      uncaught_at_start_(std::uncaught_exceptions()) {}

std::optional<int> ScenarioCommandLine::parse(const std::vector<std::string>& args) {
  std::string formats;
  for (const auto f : config_.formats) formats += (formats.empty() ? "" : "|") + std::string(to_string(f));
  std::string format_text;
  po::options_description shared("Scenario options");
  shared.add_options()
      ("help,h", "show this help")
      ("set", po::value<std::vector<std::string>>(&values_.sets)->composing(),
       "PATH=VALUE: change a scenario field after loading (repeatable), e.g. --set battlefield.advantage=0.3, "
       "--set parties.russia.cost=0.01; VALUE is YAML")
      ("output,o", po::value<std::string>(&values_.output_path), "write to FILE instead of standard output");
  // A command with one kind of output (`report` writes HTML) takes no --format.
  if (!config_.formats.empty())
    shared.add_options()("format", po::value<std::string>(&format_text)->default_value(to_string(config_.formats.front())),
                         ("output format: " + formats).c_str());
  if (config_.seed)
    shared.add_options()("seed",
                         po::value<Unsigned<std::uint64_t>>()
                             ->default_value(Unsigned<std::uint64_t>{config_.default_seed})
                             ->notifier([this](const Unsigned<std::uint64_t>& seed) { values_.seed = seed.value; }),
                         "base random seed: the same seed gives the same results on any number of threads");
  if (config_.runs)
    shared.add_options()("runs", po::value<std::int64_t>(&values_.runs)->default_value(config_.default_runs),
                         "Monte Carlo runs (>= 1)");
  if (config_.threads)
    shared.add_options()("threads", po::value<int>(&values_.threads)->default_value(0),
                         "worker threads (0: one per hardware thread)");
  // SCENARIO is one argument, except a GENIUS negotiation given as its files
  // (DOMAIN.xml PROFILE.xml PROFILE.xml...), which is joined into the comma form the loader
  // reads (io::find_genius_files).
  std::vector<std::string> scenario_words;
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>(&scenario_words));
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::options_description all;
  all.add(own_).add(shared).add(hidden);

  const auto usage_error = [&](const std::string& message) {
    std::cerr << "parley " << command_ << ": " << message << "\n(parley " << command_ << " --help lists the options)\n";
    return 2;
  };
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), variables_);
    if (variables_.count("help")) {
      std::cout << "Usage: parley " << command_ << (config_.scenario_required ? " SCENARIO" : " [SCENARIO]")
                << " [options]\n\n"
                << summary_ << "\n\nSCENARIO is a scenario file, the name of a built-in scenario (`parley "
                               "scenarios` lists them), or a GENIUS negotiation (its folder, or DOMAIN.xml "
                               "PROFILE.xml PROFILE.xml)"
                << (config_.scenario_required ? "" : "; default: " + std::string(io::default_scenario_name))
                << ".\n\n";
      if (!own_.options().empty()) std::cout << own_ << "\n";
      std::cout << shared;
      return 0;
    }
    po::notify(variables_);
  } catch (const po::error& e) {
    return usage_error(io::printable_text(e.what()));
  }
  if (scenario_words.size() == 1) {
    values_.scenario = scenario_words.front();
  } else if (scenario_words.size() > 1) {
    for (const auto& word : scenario_words) {
      if (!word.ends_with(".xml"))
        return usage_error("one SCENARIO only (several arguments are read as the .xml files of a GENIUS "
                           "negotiation), got '" + word + "' among them");
      values_.scenario += (values_.scenario.empty() ? "" : ",") + word;
    }
  }
  bool known_format = config_.formats.empty();
  for (const auto f : config_.formats) {
    if (format_text == to_string(f)) {
      values_.format = f;
      known_format = true;
    }
  }
  if (!known_format) return usage_error("--format must be one of " + formats + ", got '" + format_text + "'");
  if (config_.runs && values_.runs < 1) return usage_error("--runs must be at least 1");
  if (config_.threads && values_.threads < 0) return usage_error("--threads must be 0 (all) or more");
  if (values_.scenario.empty()) {
    if (config_.scenario_required) return usage_error("missing SCENARIO (a file or a built-in scenario name)");
    values_.scenario = std::string(io::default_scenario_name);
  }
  return std::nullopt;
}

std::optional<io::ScenarioDocument> ScenarioCommandLine::load_document() const {
  try {
    io::ScenarioDocument doc = io::parse_scenario_argument(values_.scenario);
    io::apply_overrides(doc, values_.sets);
    return doc;
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, std::cerr);
    return std::nullopt;
  }
}

std::optional<Scenario> ScenarioCommandLine::load_scenario() const {
  const auto doc = load_document();
  if (!doc) return std::nullopt;
  try {
    return io::build_scenario(*doc);
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, std::cerr);
    return std::nullopt;
  }
}

ScenarioCommandLine::~ScenarioCommandLine() {
  if (!file_) return;
  // An exception on its way out means the result is not complete: the temporary is removed
  // (by the writer's destructor) and the file that was there stays.
  if (std::uncaught_exceptions() > uncaught_at_start_) return;
  try {
    file_->commit();
  } catch (const io::FileWriteError& e) {
    std::cerr << "parley " << command_ << ": error: " << io::printable_text(e.what()) << "\n";
    output_failed() = true;
  }
}

std::ostream* ScenarioCommandLine::output() {
  if (values_.output_path.empty() || values_.output_path == "-") return &std::cout;
  if (!file_) {
    try {
      file_ = std::make_unique<io::AtomicFileWriter>(values_.output_path);
    } catch (const io::FileWriteError& e) {
      std::cerr << "parley " << command_ << ": error: " << io::printable_text(e.what()) << "\n";
      return nullptr;
    }
  }
  return &file_->stream();
}

void print_diagnostics(const io::ScenarioError& error, std::ostream& err) {
  for (const auto& d : error.diagnostics()) err << io::to_string(d) << "\n";
}

std::optional<Scenario> load_scenario_or_report(const std::string& path_or_name,
                                                const std::vector<std::string>& sets, std::ostream& err) {
  try {
    return io::load_scenario(path_or_name, sets);
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, err);
    return std::nullopt;
  }
}

}  // namespace parley::cli
