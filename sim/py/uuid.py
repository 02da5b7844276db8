# uuid, after CPython 3.11's uuid.py.  A UUID keeps its 16 bytes (CPython
# keeps a 128-bit int; .int converts).  uuid3/uuid5 are CPython's;
# uuid4 draws from os.urandom, which the simulator seeds from the
# scenario's seed (runs repeat; never the host's entropy); uuid1 uses the
# virtual clock and a node drawn the same way.

import os as _os
from hashlib import md5 as _md5, sha1 as _sha1
from enum import Enum

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    'reserved for NCS compatibility', 'specified in RFC 4122',
    'reserved for Microsoft compatibility', 'reserved for future definition']

_HEX = '0123456789abcdef'


class SafeUUID(Enum):
    safe = 0
    unsafe = -1
    unknown = None


_bytes_type = type(''.encode())


class UUID:
    __slots__ = ('_bytes', 'is_safe')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *,
                 is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            hex = hex.replace('urn:', '').replace('uuid:', '')
            hex = hex.strip('{}').replace('-', '')
            if len(hex) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            if any(c not in _HEX for c in hex.lower()):
                raise ValueError(f"invalid literal for int() with base 16: {hex!r}")
            b = _bytes_type.fromhex(hex)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            b = (bytes_le[4 - 1::-1] + bytes_le[6 - 1:4 - 1:-1] +
                 bytes_le[8 - 1:6 - 1:-1] + bytes_le[8:])
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            b = bytes
        elif fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            (time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node) = fields
            limits = [(time_low, 32, 'time_low'), (time_mid, 16, 'time_mid'),
                      (time_hi_version, 16, 'time_hi_version'), (clock_seq_hi_variant, 8, 'clock_seq_hi_variant'),
                      (clock_seq_low, 8, 'clock_seq_low'), (node, 48, 'node')]
            for value, bits, name in limits:
                if not 0 <= value < 1 << bits:
                    raise ValueError(f'field {limits.index((value, bits, name)) + 1} out of range (need a {bits}-bit value)')
            b = _bytes_type.fromhex('%08x%04x%04x%02x%02x%012x' % fields)
        else:
            if not 0 <= int < 1 << 128:
                raise ValueError('int is out of range (need a 128-bit value)')
            b = _bytes_type.fromhex('%032x' % int)
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            h = b.hex()
            b6 = (b[6] & 0x0f) | (version << 4)
            b8 = (b[8] & 0x3f) | 0x80
            b = _bytes_type.fromhex(h[:12] + '%02x' % b6 + h[14:16] + '%02x' % b8 + h[18:])
        object.__setattr__(self, '_bytes', b)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._bytes == other._bytes
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._bytes < other._bytes
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self._bytes > other._bytes
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self._bytes <= other._bytes
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self._bytes >= other._bytes
        return NotImplemented

    def __hash__(self):
        return hash(self._bytes)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __str__(self):
        h = self._bytes.hex()
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    @property
    def bytes(self):
        return self._bytes

    @property
    def bytes_le(self):
        b = self._bytes
        return (b[4 - 1::-1] + b[6 - 1:4 - 1:-1] + b[8 - 1:6 - 1:-1] + b[8:])

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    def _part(self, a, b):
        return int(self._bytes.hex()[2 * a:2 * b], 16)

    @property
    def time_low(self):
        return self._part(0, 4)

    @property
    def time_mid(self):
        return self._part(4, 6)

    @property
    def time_hi_version(self):
        return self._part(6, 8)

    @property
    def clock_seq_hi_variant(self):
        return self._part(8, 9)

    @property
    def clock_seq_low(self):
        return self._part(9, 10)

    @property
    def time(self):
        return (((self.time_hi_version & 0x0fff) << 48) |
                (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return (((self.clock_seq_hi_variant & 0x3f) << 8) |
                self.clock_seq_low)

    @property
    def node(self):
        return self._part(10, 16)

    @property
    def hex(self):
        return self._bytes.hex()

    @property
    def int(self):
        return int(self._bytes.hex(), 16)

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        b8 = self._bytes[8]
        if not b8 & 0x80:
            return RESERVED_NCS
        elif not b8 & 0x40:
            return RFC_4122
        elif not b8 & 0x20:
            return RESERVED_MICROSOFT
        else:
            return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return self._bytes[6] >> 4
        return None


def uuid3(namespace, name):
    if isinstance(name, str):
        name = name.encode('utf-8')
    h = _md5(namespace.bytes + name, usedforsecurity=False).digest()
    return UUID(bytes=h[:16], version=3)


def uuid5(namespace, name):
    if isinstance(name, str):
        name = name.encode('utf-8')
    h = _sha1(namespace.bytes + name, usedforsecurity=False).digest()
    return UUID(bytes=h[:16], version=5)


def uuid4():
    return UUID(bytes=_os.urandom(16), version=4)


_node = []
_last_timestamp = [None]


def getnode():
    if not _node:
        b = _os.urandom(6)
        _node.append(int(b.hex(), 16) | (1 << 40))
    return _node[0]


def uuid1(node=None, clock_seq=None):
    import time
    nanoseconds = time.time_ns()
    timestamp = nanoseconds // 100 + 0x01b21dd213814000
    if _last_timestamp[0] is not None and timestamp <= _last_timestamp[0]:
        timestamp = _last_timestamp[0] + 1
    _last_timestamp[0] = timestamp
    if clock_seq is None:
        clock_seq = int(_os.urandom(2).hex(), 16) & 0x3fff
    time_low = timestamp & 0xffffffff
    time_mid = (timestamp >> 32) & 0xffff
    time_hi_version = (timestamp >> 48) & 0x0fff
    clock_seq_low = clock_seq & 0xff
    clock_seq_hi_variant = (clock_seq >> 8) & 0x3f
    if node is None:
        node = getnode()
    return UUID(fields=(time_low, time_mid, time_hi_version,
                        clock_seq_hi_variant, clock_seq_low, node), version=1)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
