#pragma once
// Fixture of tests/repository/layering_test.cpp: the model layer is the lowest, so this include
// of the engine (a higher layer) is the one upward include the check must report.
#include "parley/model/scenario.hpp"
#include "parley/engine/simulation.hpp"
