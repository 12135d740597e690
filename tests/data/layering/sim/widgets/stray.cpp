// Fixture of tests/repository/layering_test.cpp: a source folder that is no layer is reported,
// so a new folder cannot slip past the check.
#include "parley/model/scenario.hpp"
