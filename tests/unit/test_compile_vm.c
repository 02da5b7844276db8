#include "check.h"
const TestCase compile_vm_tests[] = {TEST_END};
