// Benchmark of `parley nash` against lrsnash (lrslib, Avis et al.; Debian package lrslib), the
// fastest exact tool for all extreme equilibria of a bimatrix game (issue 20). Both run as
// whole processes on the same games, one at a time; each process's wall-clock time and CPU
// time (user + system) come from wait4, its peak resident memory from /proc as it exits
// (run_process). The ratio is lrsnash's time over parley's, by wall clock (the target) and by
// CPU time (what the wall clock becomes when other work shares the cores). The equilibrium
// sets are compared exactly: lrsnash prints each equilibrium as fractions in lowest terms, and
// `parley nash --format json` gives the same fractions under exact verification.
//
// Games:
//   - random games with integer payoffs uniform in [-10, 10], one per size in --sizes (default
//     14x14 to 18x18; target: parley at least 3 times faster by wall clock, in memory that does
//     not grow with the number of vertices);
//   - `--small` random games from 2x2 to 12x12 (default 200), their total times;
//   - the degenerate families of Gambit's games in tests/data, scaled up until the search
//     dominates process start-up: payoffs in {0, 1} (like deg1, deg2: ties everywhere),
//     coordination games (coord2 to coord4: 2^n - 1 equilibria, 32,767 at 15x15: the memory
//     must not grow with them), the all-zero game (zero: every profile an equilibrium, one
//     maximal Nash subset);
//   - every two-player game of Gambit's in tests/data/gambit as the files give them (small:
//     their times are mostly process start-up, which a 3 MB C program wins).
//
// The floor: before the games, /bin/true and `parley --version` are run as the programs are
// (run_process), --starts times each, and their mean costs printed. No program runs in less
// than /bin/true, so under the families of small games (the random ones, Gambit's) a row "as if
// parley were /bin/true" gives the highest ratio any program could reach there: lrsnash's time
// over that many starts of /bin/true. Where it is below 3, so is every program's ratio.
//
// Without lrsnash on PATH (or --lrsnash), parley is timed alone and nothing is compared.
//
//   bench_lrsnash [--parley PATH] [--lrsnash PATH] [--sizes 14,15,16,17,18] [--small 200]
//                 [--degenerate-sizes 12,14,16] [--coordination-sizes 11,13,15] [--zero-sizes 12,30]
//                 [--seed 2026] [--starts 500] [--keep DIR]
//     --parley PATH   the parley binary (default: the one beside this program)
//     --keep DIR      write the games to DIR and keep them (default: a temporary folder)
//     --starts N      how many times /bin/true and `parley --version` are run for the floor
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/io/interop/nfg_format.hpp"

namespace fs = std::filesystem;
using parley::BimatrixGame;

namespace {

/// One extreme equilibrium as the two players' probabilities, exact fractions in lowest terms.
using ExactProfile = std::pair<std::vector<std::string>, std::vector<std::string>>;
using EquilibriumSet = std::set<ExactProfile>;

/// What one child process cost.
struct ProcessCost {
  double wall = 0.0;     ///< seconds
  double cpu = 0.0;      ///< user + system seconds
  long peak_kib = 0;     ///< peak resident set size
  bool ok = false;       ///< exited with status 0
};

/// The peak resident memory (VmHWM, KiB) of process `pid` from /proc, or -1.
long peak_resident_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

/// Runs `argv` with stdout to `output` (stderr discarded) and waits for it.
///
/// The peak memory is the program's own: wait4's ru_maxrss would count the pages of this
/// benchmark that the forked child shared before exec (the child starts as a copy of it), so
/// the child is traced (ptrace, as a debugger would) and stopped as it exits, when its
/// /proc/PID/status still holds the high-water mark of the program's memory since exec.
ProcessCost run_process(const std::vector<std::string>& argv, const fs::path& output) {
  ProcessCost cost;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return cost;
  if (pid == 0) {
    const int out = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = open("/dev/null", O_WRONLY);
    if (out < 0 || null < 0) _exit(127);
    dup2(out, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);  // stops at the exec; if refused, runs untraced
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  long peak_kib = -1;
  for (;;) {
    if (wait4(pid, &status, 0, &usage) != pid) return cost;
    if (!WIFSTOPPED(status)) break;  // exited (or killed)
    int forward = 0;
    if (WSTOPSIG(status) == SIGTRAP && (status >> 16) == PTRACE_EVENT_EXIT) {
      peak_kib = peak_resident_kib(pid);
    } else if (WSTOPSIG(status) == SIGTRAP && (status >> 16) == 0 && peak_kib == -1) {
      ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void*>(PTRACE_O_TRACEEXIT));  // the exec stop
    } else {
      forward = WSTOPSIG(status);  // a signal for the program: deliver it
    }
    ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(forward)));
  }
  cost.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  cost.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  cost.peak_kib = peak_kib >= 0 ? peak_kib : usage.ru_maxrss;  // untraced: wait4's figure, an upper bound
  cost.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return cost;
}

/// The mean cost of `runs` runs of `argv`, and whether every run succeeded.
ProcessCost mean_cost(const std::vector<std::string>& argv, const fs::path& output, int runs) {
  ProcessCost mean;
  mean.ok = runs > 0;
  for (int r = 0; r < runs; ++r) {
    const ProcessCost one = run_process(argv, output);
    mean.wall += one.wall / runs;
    mean.cpu += one.cpu / runs;
    mean.peak_kib = std::max(mean.peak_kib, one.peak_kib);
    mean.ok = mean.ok && one.ok;
  }
  return mean;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The equilibria of lrsnash's output. Its lines "2 y_1 .. y_n v" give player 2's strategies
/// (v is player 1's payoff), "1 x_1 .. x_m w" player 1's; within a block (blank-line
/// separated) every pair of a player-1 line and a player-2 line is an extreme equilibrium.
EquilibriumSet parse_lrsnash(const std::string& text, int m, int n) {
  EquilibriumSet set;
  std::vector<std::vector<std::string>> xs;
  std::vector<std::vector<std::string>> ys;
  const auto close_block = [&] {
    for (const auto& x : xs)
      for (const auto& y : ys) set.emplace(x, y);
    xs.clear();
    ys.clear();
  };
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string player;
    if (!(fields >> player) || (player != "1" && player != "2")) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) close_block();
      continue;
    }
    std::vector<std::string> values;
    for (std::string v; fields >> v;) values.push_back(v);
    const int count = player == "1" ? m : n;
    if (static_cast<int>(values.size()) != count + 1) continue;  // not an equilibrium line
    values.pop_back();                                           // the payoff
    (player == "1" ? xs : ys).push_back(std::move(values));
  }
  close_block();
  return set;
}

/// The quoted strings of the JSON array that starts at or after `pos`, and where it ends.
std::vector<std::string> quoted_array(const std::string& text, std::size_t& pos) {
  std::vector<std::string> values;
  pos = text.find('[', pos);
  const std::size_t end = text.find(']', pos);
  if (pos == std::string::npos || end == std::string::npos) return values;
  for (std::size_t q = text.find('"', pos); q != std::string::npos && q < end; q = text.find('"', q + 1)) {
    const std::size_t close = text.find('"', q + 1);
    values.push_back(text.substr(q + 1, close - q - 1));
    q = close;
  }
  pos = end + 1;
  return values;
}

/// The equilibria of `parley nash --format json` under exact verification: each equilibrium's
/// "fractions" object holds the two players' arrays of fractions, player 1's first.
EquilibriumSet parse_parley(const std::string& text) {
  EquilibriumSet set;
  for (std::size_t pos = text.find("\"fractions\""); pos != std::string::npos;
       pos = text.find("\"fractions\"", pos)) {
    std::vector<std::string> x = quoted_array(text, pos);
    std::vector<std::string> y = quoted_array(text, pos);
    set.emplace(std::move(x), std::move(y));
  }
  return set;
}

/// The game in lrsnash's input format: "m n", a blank line, A's rows, a blank line, B's rows.
void write_lrs_game(const fs::path& path, const parley::ExactBimatrix& game) {
  std::ofstream out(path);
  out << game.rows << " " << game.cols << "\n";
  for (const auto* matrix : {&game.a, &game.b}) {
    out << "\n";
    for (int i = 0; i < game.rows; ++i) {
      for (int j = 0; j < game.cols; ++j) out << (j ? " " : "") << (*matrix)[static_cast<std::size_t>(i * game.cols + j)].str();
      out << "\n";
    }
  }
}

BimatrixGame random_integer_game(std::mt19937_64& rng, int m, int n, int lo = -10, int hi = 10) {
  std::uniform_int_distribution<int> payoff(lo, hi);
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      a(i, j) = payoff(rng);
      b(i, j) = payoff(rng);
    }
  return BimatrixGame(a, b);
}

/// A game to run: its .nfg file and its lrsnash file.
struct GameFiles {
  std::string name;
  fs::path nfg;
  fs::path lrs;
  int rows = 0;
  int cols = 0;
};

/// Both programs' costs and results on one game.
struct Comparison {
  ProcessCost parley;
  ProcessCost lrs;
  std::size_t equilibria = 0;
  bool compared = false;
  bool same = false;
};

struct Tools {
  std::string parley;
  std::optional<std::string> lrsnash;
  fs::path work;
};

Comparison compare_on(const Tools& tools, const GameFiles& game) {
  Comparison c;
  const fs::path parley_out = tools.work / (game.name + ".parley.json");
  c.parley = run_process({tools.parley, "nash", game.nfg.string(), "--format", "json"}, parley_out);
  const EquilibriumSet mine = parse_parley(read_text(parley_out));
  c.equilibria = mine.size();
  if (!tools.lrsnash) return c;
  const fs::path lrs_out = tools.work / (game.name + ".lrsnash.txt");
  c.lrs = run_process({*tools.lrsnash, game.lrs.string()}, lrs_out);
  c.compared = c.parley.ok && c.lrs.ok;
  c.same = c.compared && mine == parse_lrsnash(read_text(lrs_out), game.rows, game.cols);
  return c;
}

GameFiles write_game(const fs::path& work, const std::string& name, const BimatrixGame& game) {
  GameFiles files{name, work / (name + ".nfg"), work / (name + ".lrs"), static_cast<int>(game.rows()),
                  static_cast<int>(game.cols())};
  parley::io::write_nfg_file(files.nfg, game);
  const auto exact = parley::exact_integer_payoffs(game);
  if (exact) write_lrs_game(files.lrs, *exact);
  return files;
}

std::optional<std::string> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir) / program;
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return std::nullopt;
}

std::string mib(long kib) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(kib) / 1024.0);
  return text;
}

std::string fixed(double x, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, x);
  return text;
}

/// Prints one row per game, or one summary row, and returns whether every set matched.
struct Totals {
  double parley_wall = 0.0, lrs_wall = 0.0, parley_cpu = 0.0, lrs_cpu = 0.0;
  long parley_peak = 0, lrs_peak = 0;
  int games = 0, compared = 0, same = 0, failed = 0;
  std::size_t equilibria = 0;

  void add(const Comparison& c) {
    ++games;
    parley_wall += c.parley.wall;
    lrs_wall += c.lrs.wall;
    parley_cpu += c.parley.cpu;
    lrs_cpu += c.lrs.cpu;
    parley_peak = std::max(parley_peak, c.parley.peak_kib);
    lrs_peak = std::max(lrs_peak, c.lrs.peak_kib);
    equilibria += c.equilibria;
    failed += c.parley.ok ? 0 : 1;
    compared += c.compared ? 1 : 0;
    same += c.same ? 1 : 0;
  }
};

void print_header(bool with_lrs) {
  std::printf("  %-28s %6s %11s %10s", "games", "count", "equilibria", "parley s");
  if (with_lrs) std::printf(" %10s %7s", "lrsnash s", "ratio");
  std::printf(" %10s", "parley cpu");
  if (with_lrs) std::printf(" %11s %9s", "lrsnash cpu", "cpu ratio");
  std::printf(" %12s", "parley MiB");
  if (with_lrs) std::printf(" %12s %10s", "lrsnash MiB", "same sets");
  std::printf("\n");
}

/// b / a with one decimal and an x, or "-" when a is 0.
std::string ratio(double b, double a) { return a > 0 ? fixed(b / a, 1) + "x" : "-"; }

void print_row(const std::string& label, const Totals& t, bool with_lrs) {
  std::printf("  %-28s %6d %11zu %10s", label.c_str(), t.games, t.equilibria, fixed(t.parley_wall, 3).c_str());
  if (with_lrs) std::printf(" %10s %7s", fixed(t.lrs_wall, 3).c_str(), ratio(t.lrs_wall, t.parley_wall).c_str());
  // CPU seconds (user + system) too: on a machine other work shares, wall-clock time counts
  // the waits for a core, and parley's two threads wait more than lrsnash's one.
  std::printf(" %10s", fixed(t.parley_cpu, 3).c_str());
  if (with_lrs) {
    std::printf(" %11s %9s", fixed(t.lrs_cpu, 3).c_str(), ratio(t.lrs_cpu, t.parley_cpu).c_str());
  }
  std::printf(" %12s", mib(t.parley_peak).c_str());
  if (with_lrs) std::printf(" %12s %10s", mib(t.lrs_peak).c_str(), (std::to_string(t.same) + "/" + std::to_string(t.games)).c_str());
  if (t.failed > 0) std::printf("   %d parley runs FAILED", t.failed);
  std::printf("\n");
}

/// Under a family of small games: the highest ratio any program could reach on them, lrsnash's
/// time over as many starts of the trivial program (`floor`), by wall clock and by CPU.
void print_ceiling(const Totals& t, const ProcessCost& floor) {
  if (!floor.ok || t.games == 0) return;
  std::printf("  %-28s %6s %11s %10s %10s %7s %10s %11s %9s\n", "as if parley were /bin/true", "", "",
              fixed(t.games * floor.wall, 3).c_str(), "", ratio(t.lrs_wall, t.games * floor.wall).c_str(),
              fixed(t.games * floor.cpu, 3).c_str(), "", ratio(t.lrs_cpu, t.games * floor.cpu).c_str());
}

std::vector<int> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) sizes.push_back(std::max(1, std::atoi(item.c_str())));
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  Tools tools;
  tools.parley = (fs::path(argv[0]).parent_path() / "parley").string();
  tools.lrsnash = on_path("lrsnash");
  std::vector<int> sizes{14, 15, 16, 17, 18};
  std::vector<int> degenerate_sizes{12, 14, 16};
  std::vector<int> coordination_sizes{11, 13, 15};
  std::vector<int> zero_sizes{12, 30};
  int small = 200;
  int starts = 500;
  std::uint64_t seed = 2026;
  std::optional<fs::path> keep;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    const bool has_value = k + 1 < argc;
    if (arg == "--parley" && has_value) tools.parley = argv[++k];
    else if (arg == "--lrsnash" && has_value) tools.lrsnash = argv[++k];
    else if (arg == "--sizes" && has_value) sizes = parse_sizes(argv[++k]);
    else if (arg == "--degenerate-sizes" && has_value) degenerate_sizes = parse_sizes(argv[++k]);
    else if (arg == "--coordination-sizes" && has_value) coordination_sizes = parse_sizes(argv[++k]);
    else if (arg == "--zero-sizes" && has_value) zero_sizes = parse_sizes(argv[++k]);
    else if (arg == "--small" && has_value) small = std::max(0, std::atoi(argv[++k]));
    else if (arg == "--seed" && has_value) seed = std::strtoull(argv[++k], nullptr, 10);
    else if (arg == "--starts" && has_value) starts = std::max(0, std::atoi(argv[++k]));
    else if (arg == "--keep" && has_value) keep = fs::path(argv[++k]);
    else {
      std::fprintf(stderr, "bench_lrsnash: unknown or incomplete argument %s\n", arg.c_str());
      return 2;
    }
  }
  if (access(tools.parley.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "bench_lrsnash: no parley binary at %s (build the parley target, or give --parley)\n",
                 tools.parley.c_str());
    return 2;
  }
  if (keep) {
    fs::create_directories(*keep);
    tools.work = *keep;
  } else {
    std::string pattern = (fs::temp_directory_path() / "bench_lrsnash.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      std::perror("bench_lrsnash: mkdtemp");
      return 2;
    }
    tools.work = pattern;
  }
  const bool with_lrs = tools.lrsnash.has_value();
  std::printf("parley: %s\nlrsnash: %s\n", tools.parley.c_str(),
              with_lrs ? tools.lrsnash->c_str() : "not found (Debian package lrslib): parley timed alone");
  std::printf("whole processes, one at a time; wall-clock seconds, peak resident memory (VmHWM) at exit\n\n");

  // The floor: what starting any program costs here, and what parley's own start adds to it.
  ProcessCost floor;
  if (starts > 0) {
    const fs::path discard = tools.work / "start.txt";
    floor = mean_cost({"/bin/true"}, discard, starts);
    const ProcessCost version = mean_cost({tools.parley, "--version"}, discard, starts);
    std::printf("process start, mean of %d runs: /bin/true %s ms (cpu %s ms), the floor: no program starts faster;\n"
                "parley --version %s ms (cpu %s ms). Under the families of small games, the row \"as if parley were\n"
                "/bin/true\" gives the highest ratio any program could reach there: lrsnash's time over the floor's.\n\n",
                starts, fixed(1e3 * floor.wall, 3).c_str(), fixed(1e3 * floor.cpu, 3).c_str(),
                fixed(1e3 * version.wall, 3).c_str(), fixed(1e3 * version.cpu, 3).c_str());
  }

  bool all_same = true;
  std::mt19937_64 rng(seed);
  std::printf("random games, integer payoffs uniform in [-10, 10], seed %llu (target: ratio >= 3)\n",
              static_cast<unsigned long long>(seed));
  print_header(with_lrs);
  for (const int size : sizes) {
    const std::string name = "random_" + std::to_string(size) + "x" + std::to_string(size);
    const GameFiles files = write_game(tools.work, name, random_integer_game(rng, size, size));
    Totals t;
    t.add(compare_on(tools, files));
    print_row(std::to_string(size) + "x" + std::to_string(size), t, with_lrs);
    std::fflush(stdout);
    all_same = all_same && (!with_lrs || t.same == t.games);
  }

  std::printf("\ndegenerate families of tests/data, scaled up (target: ratio >= 3)\n");
  print_header(with_lrs);
  int family_games = 0;
  const auto family_row = [&](const std::string& label, const BimatrixGame& game) {
    const GameFiles files = write_game(tools.work, "family_" + std::to_string(family_games++), game);
    Totals t;
    t.add(compare_on(tools, files));
    print_row(label, t, with_lrs);
    std::fflush(stdout);
    all_same = all_same && (!with_lrs || t.same == t.games);
  };
  for (const int size : degenerate_sizes) {
    family_row("payoffs in {0,1}, " + std::to_string(size) + "x" + std::to_string(size),
               random_integer_game(rng, size, size, 0, 1));
  }
  for (const int size : coordination_sizes) {
    const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(size, size);
    family_row("coordination " + std::to_string(size) + "x" + std::to_string(size), BimatrixGame(identity, identity));
  }
  for (const int size : zero_sizes) {
    const Eigen::MatrixXd zero = Eigen::MatrixXd::Zero(size, size);
    family_row("all-zero " + std::to_string(size) + "x" + std::to_string(size), BimatrixGame(zero, zero));
  }

  if (small > 0) {
    std::printf("\n");
    print_header(with_lrs);
    Totals t;
    for (int g = 0; g < small; ++g) {
      const int m = 2 + g % 11;
      const int n = 2 + (g * 7) % 11;
      const GameFiles files =
          write_game(tools.work, "small_" + std::to_string(g), random_integer_game(rng, m, n));
      t.add(compare_on(tools, files));
    }
    print_row(std::to_string(small) + " games, 2x2 to 12x12", t, with_lrs);
    if (with_lrs) print_ceiling(t, floor);
    all_same = all_same && (!with_lrs || t.same == t.games);
  }

  // Gambit's two-player games, degenerate ones included, as the files give them.
  const fs::path gambit = fs::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "gambit" / "games";
  std::vector<fs::path> nfgs;
  for (const auto& entry : fs::recursive_directory_iterator(gambit)) {
    if (entry.path().extension() == ".nfg") nfgs.push_back(entry.path());
  }
  std::sort(nfgs.begin(), nfgs.end());
  Totals reference;
  std::vector<std::string> differing;
  for (const fs::path& nfg : nfgs) {
    parley::io::NfgGame game;
    try {
      game = parley::io::read_nfg_file(nfg);
    } catch (const std::exception&) {
      continue;
    }
    if (game.num_players() != 2) continue;
    const auto exact = parley::io::exact_payoffs(game);
    if (!exact) continue;
    const std::string name = "gambit_" + nfg.parent_path().filename().string() + "_" + nfg.stem().string();
    GameFiles files{name, nfg, tools.work / (name + ".lrs"), exact->rows, exact->cols};
    write_lrs_game(files.lrs, *exact);
    const Comparison c = compare_on(tools, files);
    reference.add(c);
    if (with_lrs && !c.same) differing.push_back(fs::relative(nfg, gambit).string());
  }
  std::printf("\nGambit's two-player games (tests/data/gambit), degenerate families included\n");
  print_header(with_lrs);
  print_row("every game", reference, with_lrs);
  if (with_lrs) print_ceiling(reference, floor);
  for (const std::string& name : differing) std::printf("  different sets: %s\n", name.c_str());
  all_same = all_same && differing.empty();

  if (with_lrs) std::printf("\nsame equilibrium sets as lrsnash on every game: %s\n", all_same ? "yes" : "NO");
  if (!keep) fs::remove_all(tools.work);
  return all_same ? 0 : 1;
}
