# hashlib as CPU-bound work: fingerprints of str.encode()d data, and a
# proof-of-work search split over threads (one GIL: no speed-up)
import hashlib
import threading

docs = {"readme": "interleave simulates Python concurrency", "empty": "", "unicode": "naïve café ☕"}
for name, text in docs.items():
    data = text.encode("utf-8")
    print(f"{name:<8} sha256={hashlib.sha256(data).hexdigest()[:16]} md5={hashlib.md5(data).hexdigest()}")
print("sha1 abc:", hashlib.sha1("abc".encode()).hexdigest())
print("sha224 abc:", hashlib.sha224("abc".encode()).hexdigest())
print("sha384 abc prefix:", hashlib.sha384("abc".encode()).hexdigest()[:32])
print("sha512 abc prefix:", hashlib.sha512("abc".encode()).hexdigest()[:32])

h = hashlib.sha256()
for chunk in ["interleave ", "simulates ", "Python concurrency"]:
    h.update(chunk.encode())
print("incremental equals one-shot:", h.hexdigest() == hashlib.sha256(docs["readme"].encode()).hexdigest())
print("digest size/block size/name:", h.digest_size, h.block_size, h.name)
print("digest bytes:", h.digest()[:4], len(h.digest()))
c = h.copy()
c.update("!".encode())
print("copy diverges:", c.hexdigest() != h.hexdigest())
print("new by name:", hashlib.new("md5", "abc".encode()).hexdigest(), hashlib.new("SHA256").name)
try:
    hashlib.sha256("not bytes")
except TypeError as e:
    print("TypeError:", e)
buckets = [0] * 4
for i in range(100):
    buckets[hashlib.md5(str(i).encode()).digest()[0] % 4] += 1
print("md5 buckets:", buckets)


def search(prefix, start, step, found, lock):
    nonce = start
    while True:
        digest = hashlib.sha256(f"{prefix}:{nonce}".encode()).hexdigest()
        if digest.startswith("000"):
            with lock:
                found.append((nonce, digest[:12]))
            return
        nonce += step


found = []
lock = threading.Lock()
threads = [threading.Thread(target=search, args=("block-7", k, 2, found, lock)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("proofs:", sorted(found))
