# json, after CPython 3.11's json package (its pure-Python encoder and
# scanner, with the regular expressions replaced by hand scanning): dumps,
# dump, loads, load, JSONEncoder, JSONDecoder, JSONDecodeError.  Floats
# print with repr() as CPython's do; the errors carry CPython's messages
# and positions.  collections' namedtuples encode as arrays and its
# dict-like classes as objects, as in CPython (they are tuples and dicts
# there).

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---- encoding ----

_ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
_ESCAPE_TABLE = str.maketrans(_ESCAPE_DCT)
_ESCAPE_ASCII_DCT = dict(_ESCAPE_DCT)
_ESCAPE_ASCII_DCT['\x7f'] = '\\u007f'
_ESCAPE_ASCII_TABLE = str.maketrans(_ESCAPE_ASCII_DCT)
del _i

INFINITY = float('inf')


def py_encode_basestring(s):
    return '"' + s.translate(_ESCAPE_TABLE) + '"'


encode_basestring = py_encode_basestring


def py_encode_basestring_ascii(s):
    if s.isascii():
        return '"' + s.translate(_ESCAPE_ASCII_TABLE) + '"'
    out = []
    for c in s:
        n = ord(c)
        if n < 128:
            out.append(_ESCAPE_ASCII_DCT.get(c, c))
        elif n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    return '"' + ''.join(out) + '"'


encode_basestring_ascii = py_encode_basestring_ascii


def _collection_kind(o):
    # 'list' for tuples and namedtuples, 'dict' for dicts and collections'
    # dict-like classes, None otherwise
    if isinstance(o, (list, tuple)):
        return 'list'
    if isinstance(o, dict):
        return 'dict'
    from collections import _TupleLike, _DictLike
    if isinstance(o, _TupleLike):
        return 'list'
    if isinstance(o, _DictLike):
        return 'dict'
    return None


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return repr(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant")
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        parts = []
        _Encoder(parts, markers, self.default, _encoder, indent, floatstr, self.key_separator,
                 self.item_separator, self.sort_keys, self.skipkeys).encode(o, 0)
        return parts


class _Encoder:
    def __init__(self, parts, markers, default, encoder, indent, floatstr,
                 key_separator, item_separator, sort_keys, skipkeys):
        self.parts = parts
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.floatstr = floatstr
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys

    def scalar(self, o):
        # the text of a scalar, or None
        if isinstance(o, str):
            return self.encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return repr(o) if type(o) is int else repr(int(o))
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    def mark(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[markerid] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level):
        parts = self.parts
        text = self.scalar(o)
        if text is not None:
            parts.append(text)
            return
        kind = _collection_kind(o)
        if kind == 'list':
            self.encode_list(o, level)
        elif kind == 'dict':
            self.encode_dict(o, level)
        else:
            self.mark(o)
            o2 = self.default(o)
            self.encode(o2, level)
            self.unmark(o)

    def encode_list(self, lst, level):
        parts = self.parts
        if not lst:
            parts.append('[]')
            return
        self.mark(lst)
        parts.append('[')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            parts.append(newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                parts.append(separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            parts.append('\n' + self.indent * level)
        parts.append(']')
        self.unmark(lst)

    def encode_dict(self, dct, level):
        parts = self.parts
        if not isinstance(dct, dict):
            dct = dct._data
        if not dct:
            parts.append('{}')
            return
        self.mark(dct)
        parts.append('{')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            parts.append(newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
        first = True
        if self.sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = repr(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                parts.append(item_separator)
            parts.append(self.encoder(key))
            parts.append(self.key_separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            parts.append('\n' + self.indent * level)
        parts.append('}')
        self.unmark(dct)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                   separators=separators,
                   default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


# ---- decoding ----

_WS = ' \t\n\r'

_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}


def _constant(name):
    return _CONSTANTS[name]


def _skip_ws(s, end):
    n = len(s)
    while end < n and s[end] in _WS:
        end += 1
    return end


def _decode_uXXXX(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        try:
            return int(esc, 16)
        except ValueError:
            pass
    msg = "Invalid \\uXXXX escape"
    raise JSONDecodeError(msg, s, pos)


def py_scanstring(s, end, strict=True):
    chunks = []
    _append = chunks.append
    begin = end - 1
    n = len(s)
    while 1:
        # the content up to a quote, backslash or control character
        i = end
        while i < n:
            c = s[i]
            if c == '"' or c == '\\' or c < ' ':
                break
            i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        content = s[end:i]
        terminator = s[i]
        end = i + 1
        if content:
            _append(content)
        if terminator == '"':
            break
        elif terminator != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at", s, end - 1)
            else:
                _append(terminator)
                continue
        try:
            esc = s[end]
        except IndexError:
            raise JSONDecodeError("Unterminated string starting at", s, begin) from None
        if esc != 'u':
            try:
                char = _BACKSLASH[esc]
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            end += 1
        else:
            uni = _decode_uXXXX(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _decode_uXXXX(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            char = chr(uni)
        _append(char)
    return ''.join(chunks), end


scanstring = py_scanstring


def _match_number(s, idx):
    # -?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?  -> (integer, frac, exp, end) or None
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i >= n or not ('0' <= s[i] <= '9'):
        return None
    if s[i] == '0':
        i += 1
    else:
        while i < n and '0' <= s[i] <= '9':
            i += 1
    integer = s[idx:i]
    frac = ''
    if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
        j = i + 1
        while j < n and '0' <= s[j] <= '9':
            j += 1
        frac = s[i:j]
        i = j
    exp = ''
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '+-':
            j += 1
        if j < n and '0' <= s[j] <= '9':
            while j < n and '0' <= s[j] <= '9':
                j += 1
            exp = s[i:j]
            i = j
    return integer, frac, exp, i


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def scan_once(self, s, idx):
        try:
            return self._scan_once(s, idx)
        finally:
            self.memo.clear()

    def _scan_once(self, s, idx):
        try:
            nextchar = s[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if nextchar == '"':
            return scanstring(s, idx + 1, self.strict)
        elif nextchar == '{':
            return self.parse_object(s, idx + 1)
        elif nextchar == '[':
            return self.parse_array(s, idx + 1)
        elif nextchar == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        elif nextchar == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        elif nextchar == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        m = _match_number(s, idx)
        if m is not None:
            integer, frac, exp, end = m
            if frac or exp:
                res = self.parse_float(integer + frac + exp)
            else:
                res = self.parse_int(integer)
            return res, end
        elif nextchar == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        elif nextchar == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        elif nextchar == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        else:
            raise StopIteration(idx)

    def value(self, s, end):
        try:
            return self._scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def parse_object(self, s, end):
        pairs = []
        memo_get = self.memo.setdefault
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar and nextchar in _WS:
                end = _skip_ws(s, end)
                nextchar = s[end:end + 1]
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = memo_get(key, key)
            if s[end:end + 1] != ':':
                end = _skip_ws(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end += 1
            end = _skip_ws(s, end)
            value, end = self.value(s, end)
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def parse_array(self, s, end):
        values = []
        nextchar = s[end:end + 1]
        if nextchar and nextchar in _WS:
            end = _skip_ws(s, end + 1)
            nextchar = s[end:end + 1]
        if nextchar == ']':
            return values, end + 1
        while True:
            value, end = self.value(s, end)
            values.append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self).scan_once

    def decode(self, s):
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)
