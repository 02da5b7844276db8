# expect-stderr: :5:1: error:
# expect-stderr: is not available in the simulator
# expect-exit: 1
print("start")
import json
print(json.dumps([1]))
