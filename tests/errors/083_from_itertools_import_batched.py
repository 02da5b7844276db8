# expect-stderr: :5:23: error:
# expect-stderr: cannot import name 'batched' from 'itertools' (not supported by the simulator)
# expect-exit: 1
import itertools
from itertools import batched

print(list(batched(range(5), 2)))
