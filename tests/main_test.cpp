// The Catch2 (v2) entry point: one translation unit defines main for the whole suite.
//
// Two checks are always on. CTest runs each test case by name (catch_discover_tests), and a
// name that matches nothing (a test case renamed, or a name CMake split at a ';') would pass
// having run nothing: NoTests fails it. A test case that checks nothing is a defect:
// NoAssertions fails it. (Catch2 v2 takes only one -w on its command line, so they are set here.)
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int status = session.applyCommandLine(argc, argv); status != 0) return status;
  auto& config = session.configData();
  config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions |
                                                        Catch::WarnAbout::NoTests);
  return session.run();
}
