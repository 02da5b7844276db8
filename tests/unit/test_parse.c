#include "check.h"
const TestCase parse_tests[] = {TEST_END};
