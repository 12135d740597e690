# Writes OUT, a C++ source that lists every PARLEY_REGISTER_STRATEGY(id, ...) of DIR/*.cpp in
# linked_strategy_registerers() (run with cmake -P). libparley is a static library: the linker
# keeps an archive member only if the program already refers to it, and a strategy that only
# registers itself is referred to by nothing. The registry calls linked_strategy_registerers(),
# so every program that uses the registry links every strategy
# (include/parley/agents/strategy_registry.hpp).
file(GLOB files ${DIR}/*.cpp)
list(SORT files)
set(ids "")
foreach(f ${files})
  # A use starts a line (a comment that names the macro does not); the id may be on the next.
  file(READ ${f} text)
  string(REGEX MATCHALL "\n[ \t]*PARLEY_REGISTER_STRATEGY\\([ \t\r\n]*[A-Za-z_][A-Za-z_0-9]*" uses "\n${text}")
  foreach(use ${uses})
    string(REGEX REPLACE ".*PARLEY_REGISTER_STRATEGY\\([ \t\r\n]*" "" id "${use}")
    list(APPEND ids ${id})
  endforeach()
endforeach()
list(LENGTH ids count)
set(body "// Generated from sim/agents/*.cpp by tools/list_strategy_registerers.cmake; do not edit.\n")
string(APPEND body "#include <array>\n\n#include \"parley/agents/strategy_registry.hpp\"\n\nnamespace parley {\n\n")
foreach(id ${ids})
  string(APPEND body "extern const StrategyRegisterer strategy_registerer_${id};\n")
endforeach()
string(APPEND body "\nstd::span<const StrategyRegisterer* const> linked_strategy_registerers() {\n")
string(APPEND body "  static const std::array<const StrategyRegisterer*, ${count}> all = {\n")
foreach(id ${ids})
  string(APPEND body "      &strategy_registerer_${id},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace parley\n")
file(WRITE ${OUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
