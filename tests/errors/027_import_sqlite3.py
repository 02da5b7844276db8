# expect-stderr: :5:1: error:
# expect-stderr: is not available in the simulator
# expect-exit: 1
print("start")
import sqlite3
print(sqlite3.connect(":memory:"))
