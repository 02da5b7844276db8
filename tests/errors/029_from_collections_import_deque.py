# expect-stderr: :4:1: error:
# expect-stderr: is not available in the simulator
# expect-exit: 1
from collections import deque

q = deque([1, 2, 3])
print(q.popleft())
