#pragma once
// The `parley` program's subcommands. Each sim/cli/<name>_command.cpp defines one and
// registers it with a static CommandRegistration, so adding a command touches one file.

#include <functional>
#include <string>
#include <vector>

namespace parley::cli {

/// A subcommand: `parley <name> args...`. `run` gets the arguments after the name and
/// returns the process exit code (0 success, 1 bad input, 2 usage error).
struct Command {
  std::string name;
  std::string summary;  ///< one line for `parley --help`
  std::function<int(const std::vector<std::string>& args)> run;
};

/// All registered commands, sorted by name.
std::vector<Command>& commands();

/// \brief Whether some output of this process could not be written.
///
/// A command that writes a file of its own sets it when the file fails to write or close (a
/// full disk); main() then exits 1 even if the command returned 0, as it does when standard
/// output fails, so that a lost result never looks like a success.
bool& output_failed();

/// Registers a command at static-initialisation time.
struct CommandRegistration {
  explicit CommandRegistration(Command command);
};

}  // namespace parley::cli
