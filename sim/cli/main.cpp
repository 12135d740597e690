// The `parley` program: subcommands dispatch to sim/cli/<command>.cpp.
#include <iostream>

int main() {
  std::cout << "parley\n";
  return 0;
}
