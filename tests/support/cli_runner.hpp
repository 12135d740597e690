#pragma once
// Runs the `parley` program (PARLEY_CLI, the build's binary) from a test: arguments in; exit
// code, standard output and standard error out. The one way the suite spawns the program.
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "temp_folder.hpp"

namespace parley::testing {

/// What one run of the program gave.
struct CliResult {
  int exit_code = -1;  ///< the exit status, or -1 if the program did not exit normally (a crash)
  std::string out;     ///< standard output
  std::string err;     ///< standard error
};

/// Where and how to run the program.
struct CliOptions {
  std::string folder;  ///< working folder ("" keeps the test's own: the source folder under CTest)
  std::string prefix;  ///< put before the program, e.g. "mpirun -np 2 " ("" for none)
  std::string stdout_to;  ///< send standard output there (e.g. /dev/full) instead of capturing it
};

/// `parley <arguments>`: the arguments are passed to the shell as written, so quote paths with
/// spaces. The streams go through files in a private temporary folder, so a large output
/// cannot block the pipe.
inline CliResult run_cli(const std::string& arguments, const CliOptions& options = {}) {
  const TempFolder streams("cli");
  const std::string cd = options.folder.empty() ? "" : "cd '" + options.folder + "' && ";
  const std::string out = options.stdout_to.empty() ? streams.file("stdout") : options.stdout_to;
  const std::string command = cd + options.prefix + "'" + std::string(PARLEY_CLI) + "' " + arguments + " > '" +
                              out + "' 2> '" + streams.file("stderr") + "'";
  const int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(streams / "stdout");
  r.err = read_text(streams / "stderr");
  return r;
}

}  // namespace parley::testing
