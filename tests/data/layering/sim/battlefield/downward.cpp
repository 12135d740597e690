// Fixture of tests/repository/layering_test.cpp: the battlefield layer may use the model, its
// own headers and its private ones; nothing here is reported.
#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/model/scenario.hpp"
#include "private_table.hpp"
#include <vector>
