// `parley merge -o results.csv shard-1.csv ... shard-n.csv`: joins the files of a sweep run as
// a job array (`parley sweep ... --shard k/n`) into one, as one unsharded run would have written
// it (rows sorted by point id), with its manifest.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/sweep/sweep_merge.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int merge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string output;
  bool force = false;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("output,o", po::value(&output), "the merged results CSV (required)")(
      "force", po::bool_switch(&force), "replace an existing output file");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&inputs));
  const auto parsed = parse_command_line("merge", args, options, hidden, "input", -1);
  if (!parsed) return 2;
  const po::variables_map& vm = *parsed;
  if (vm.count("help")) {
    std::cout << "Usage: parley merge -o results.csv SHARD.csv...\n\n"
                 "Joins the results files of the shards 1/n .. n/n of one sweep (parley sweep --shard k/n)\n"
                 "into one file, rows sorted by point id, with a manifest for the whole design. Checks\n"
                 "first that the files are the n shards of the same sweep (same scenario, design, seed,\n"
                 "columns), each once and each complete.\n\n"
              << options;
    return 0;
  }
  if (inputs.empty() || output.empty()) {
    std::cerr << "parley merge: give -o OUTPUT and the shards' files (parley merge --help)\n";
    return 2;
  }
  try {
    const auto rows = io::merge_sweep_results(inputs, output, force);
    std::cerr << "parley merge: " << rows << " rows from " << inputs.size() << " shards -> " << output << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parley merge: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
}

}  // namespace

static CommandRegistration merge_registration{{"merge", "join the shards of a sweep (--shard k/n) into one results file", merge}};

}  // namespace parley::cli
