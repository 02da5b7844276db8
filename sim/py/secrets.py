# secrets: tokens and choices from os.urandom, which the simulator seeds
# from the scenario's seed (runs repeat; never the host's entropy), after
# CPython 3.11's secrets.py.

from os import urandom as _urandom

DEFAULT_ENTROPY = 32

_B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'


def randbits(k):
    if k < 0:
        raise ValueError('number of bits must be non-negative')
    numbytes = (k + 7) // 8
    x = int(_urandom(numbytes).hex() or '0', 16)
    return x >> (numbytes * 8 - k)


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[randbelow(len(seq))]


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _urandom(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    out = []
    for i in range(0, len(tok), 3):
        chunk = tok[i:i + 3]
        n = len(chunk)
        v = chunk[0] << 16 | (chunk[1] << 8 if n > 1 else 0) | (chunk[2] if n > 2 else 0)
        out.append(_B64URL[v >> 18 & 63])
        out.append(_B64URL[v >> 12 & 63])
        if n > 1:
            out.append(_B64URL[v >> 6 & 63])
        if n > 2:
            out.append(_B64URL[v & 63])
    return ''.join(out)


def compare_digest(a, b):
    if type(a) is not type(b) and not (isinstance(a, str) and isinstance(b, str)):
        raise TypeError(f"unsupported operand types(s) or combination of types: "
                        f"'{type(a).__name__}' and '{type(b).__name__}'")
    return a == b
