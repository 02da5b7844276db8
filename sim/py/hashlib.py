# hashlib: md5, sha1, sha224, sha256, sha384, sha512, blake2b and new() are
# C (sim/lib/mod_hashlib.c); data must be bytes (str.encode()).  There is no
# blake2s, sha3, pbkdf2_hmac or file_digest.

algorithms_guaranteed = frozenset({'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b'})
algorithms_available = set(algorithms_guaranteed)
