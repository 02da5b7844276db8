# expect-stderr: :7:18: error:
# expect-stderr: 'hashlib.blake2s' is not supported by the simulator
# expect-exit: 1
import hashlib

print("start")
digest = hashlib.blake2s("abc".encode()).hexdigest()
print(digest)
