# hashlib: content fingerprints with sha256/md5/sha1, incremental updates, a tiny proof of work
import hashlib

docs = {"readme": "interleave simulates Python concurrency", "empty": "", "unicode": "naïve café ☕"}
for name, text in docs.items():
    data = text.encode("utf-8")
    print(f"{name:<8} sha256={hashlib.sha256(data).hexdigest()[:16]} md5={hashlib.md5(data).hexdigest()}")
print("sha1 abc:", hashlib.sha1(b"abc").hexdigest())
print("sha256 abc:", hashlib.sha256(b"abc").hexdigest())
print("sha512 abc prefix:", hashlib.sha512(b"abc").hexdigest()[:32])

h = hashlib.sha256()
for chunk in [b"interleave ", b"simulates ", b"Python concurrency"]:
    h.update(chunk)
print("incremental equals one-shot:", h.hexdigest() == hashlib.sha256(docs["readme"].encode()).hexdigest())
print("digest size/block size/name:", h.digest_size, h.block_size, h.name)
print("digest bytes:", h.digest()[:4], len(h.digest()))
c = h.copy()
c.update(b"!")
print("copy diverges:", c.hexdigest() != h.hexdigest())
print("new by name:", hashlib.new("md5", b"abc").hexdigest())
print("blake2b:", hashlib.blake2b(b"abc", digest_size=16).hexdigest())


def proof_of_work(prefix, difficulty):
    nonce = 0
    target = "0" * difficulty
    while True:
        digest = hashlib.sha256(f"{prefix}:{nonce}".encode()).hexdigest()
        if digest.startswith(target):
            return nonce, digest
        nonce += 1


nonce, digest = proof_of_work("block-7", 3)
print("pow nonce:", nonce, digest[:20])
buckets = [0] * 4
for i in range(100):
    buckets[hashlib.md5(str(i).encode()).digest()[0] % 4] += 1
print("md5 buckets:", buckets)
