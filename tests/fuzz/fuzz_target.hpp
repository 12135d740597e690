#pragma once
/// \file fuzz_target.hpp
/// The entry point every fuzz target defines, in libFuzzer's convention
/// (https://llvm.org/docs/LibFuzzer.html, "Fuzz Target"): called once per input with its bytes;
/// it must return 0, and anything it does not catch (a crash, an uncaught exception, a sanitizer
/// report) is a finding.
///
/// A target is linked two ways: with `-fsanitize=fuzzer` (clang, `PARLEY_FUZZ=ON`), libFuzzer
/// supplies `main` and searches for inputs; in every other build `corpus_replay_main.cpp`
/// supplies `main` and runs the target once on each file it is given, so that the seed corpus
/// and every input a fuzzer ever found stay regression tests of the ordinary and the sanitizer
/// builds (tests/fuzz/README.md).
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
