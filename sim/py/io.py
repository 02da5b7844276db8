# io: StringIO (an in-memory text file), for capturing output with
# contextlib.redirect_stdout or print(..., file=buf).  The simulator has no
# files: open() is rejected at load time.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._buf = initial_value
        self._pending = []
        self._len = len(initial_value)
        self._pos = 0
        self.closed = False
        self.newline = newline

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _value(self):
        if self._pending:
            self._buf = self._buf + ''.join(self._pending)
            self._pending = []
        return self._buf

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        if self._pos == self._len:
            self._pending.append(s)
            self._len += n
        else:
            buf = self._value()
            if self._pos > len(buf):
                buf = buf + '\0' * (self._pos - len(buf))
            buf = buf[:self._pos] + s + buf[self._pos + n:]
            self._buf = buf
            self._len = len(buf)
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._value()

    def read(self, size=-1):
        self._check()
        buf = self._value()
        if size is None or size < 0:
            r = buf[self._pos:]
        else:
            r = buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._check()
        buf = self._value()
        end = buf.find('\n', self._pos)
        end = len(buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = buf[self._pos:end]
        self._pos = end if r else self._pos
        return r

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        buf = self._value()
        if size < len(buf):
            self._buf = buf[:size]
            self._len = size
        return size

    def flush(self):
        self._check()

    def close(self):
        self.closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        return False

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return f"<_io.StringIO object at {_addr(self)}>"


def _addr(obj):
    r = object.__repr__(obj)
    return r[r.rfind(' ') + 1:-1]
