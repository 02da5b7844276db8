#include "check.h"
const TestCase scenario_tests[] = {TEST_END};
