// The `parley` program: dispatches to the registered subcommands (sim/cli/*_command.cpp).
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "parley/io/format/printable_text.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parley::cli {

std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

bool& output_failed() {
  static bool failed = false;
  return failed;
}

CommandRegistration::CommandRegistration(Command command) {
  auto& all = commands();
  all.push_back(std::move(command));
  std::sort(all.begin(), all.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
}

}  // namespace parley::cli

namespace {

void print_usage(std::ostream& out) {
  out << "parley " << PARLEY_VERSION
      << ": a negotiation-position game-theory simulator\n\n"
         "Usage: parley <command> [options]   (parley <command> --help for its options)\n\n"
         "Commands:\n";
  for (const auto& c : parley::cli::commands()) {
    out << "  " << c.name << std::string(c.name.size() < 16 ? 16 - c.name.size() : 1, ' ') << c.summary
        << "\n";
  }
}

/// glibc gives the top of the heap back to the kernel whenever more than 128 KiB lies free
/// there (M_TRIM_THRESHOLD). Building a design point's agreement space allocates and frees a
/// few hundred KiB of frontier pieces, so each sweep point paid for brk, page faults and TLB
/// flushes (perf: about half of a point's time); a high threshold keeps that memory for the
/// next point, which made a 1,000-point sweep 2.5 times faster at the same peak RSS.
void keep_freed_heap_memory() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_heap_memory();
  // The program writes through iostreams only, never C's stdio: unsynchronised, std::cout
  // buffers its own output instead of passing each insertion to stdio (a call per character
  // or piece; perf: a tenth of `parley nash`'s time on a game with 8,191 equilibria).
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "parley " << PARLEY_VERSION << "\n";
    return 0;
  }
  const auto& all = parley::cli::commands();
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.name == args[0]; });
  if (it == all.end()) {
    std::cerr << "parley: unknown command '" << parley::io::printable_text(args[0]) << "'\n\n";
    print_usage(std::cerr);
    return 2;
  }
  try {
    int code = it->run(std::vector<std::string>(args.begin() + 1, args.end()));
    // A result that did not reach its destination (standard output to a full disk, a closed
    // pipe, /dev/full) is a failure, whatever the command computed.
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "parley " << args[0] << ": error: could not write all of the output to standard output\n";
      parley::cli::output_failed() = true;
    }
    if (parley::cli::output_failed() && code == 0) code = 1;
    return code;
  } catch (const std::exception& e) {
    // Errors that reach here are bugs or resource failures; input errors are reported
    // by the commands themselves with file, line and field.
    std::cerr << "parley " << args[0] << ": error: " << parley::io::printable_text(e.what()) << "\n";
    return 1;
  }
}
