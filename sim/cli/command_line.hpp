#pragma once
// Parsing one subcommand's arguments with Boost.Program_options, the same way for every
// command: named options, positional arguments gathered into one hidden option, and a usage
// error that names the command and points to its --help.

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace parley::cli {

/// Parses `args` against the `visible` options (shown by --help) and the `hidden` ones, the
/// positional arguments going to the hidden option `positional_name` (at most
/// `max_positional` of them, -1 for any number; nullptr for none). Returns the parsed and
/// notified variables, or std::nullopt after printing "parley COMMAND: what went wrong" and
/// a pointer to --help on stderr (the caller then exits with 2, a usage error).
std::optional<boost::program_options::variables_map> parse_command_line(
    const std::string& command, const std::vector<std::string>& args,
    const boost::program_options::options_description& visible,
    const boost::program_options::options_description& hidden, const char* positional_name, int max_positional);

/// Prints the usage error of `command` on stderr, as parse_command_line does, and returns 2.
int usage_error(const std::string& command, const std::string& message);

}  // namespace parley::cli
