# time's calendar half, on the virtual clock (the clock itself - time(),
# monotonic(), sleep() - is C, in modules.c).  Local time is UTC: the
# host's time zone must not leak into a simulation, and a simulated
# program reads the same dates on every machine.
timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
           'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time:
    __module__ = 'time'

    def __init__(self, seq, zone='UTC', gmtoff=0):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self._t = seq[:9]
        self.tm_zone = seq[9] if len(seq) > 9 else zone
        self.tm_gmtoff = seq[10] if len(seq) > 10 else gmtoff
        (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, self.tm_wday,
         self.tm_yday, self.tm_isdst) = self._t

    n_fields = 11
    n_sequence_fields = 9

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._t == other._t
        return self._t == other

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._t < tuple(other)

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (f, v) for f, v in zip(_FIELDS, self._t))

    def __reduce__(self):
        return (struct_time, (self._t,))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _yday(y, m, d):
    return _days_from_civil(y, m, d) - _days_from_civil(y, 1, 1) + 1


def _seconds(secs):
    if secs is None:
        return int(time() // 1)
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        return int(secs // 1)
    if not isinstance(secs, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
    return secs


def gmtime(secs=None):
    s = _seconds(secs)
    days, rem = divmod(s, 86400)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400 + (m <= 2)
    return struct_time((y, m, d, hh, mm, ss, (days + 3) % 7, _yday(y, m, d), 0))


def localtime(secs=None):
    return gmtime(secs)


def mktime(t):
    t = _tuple(t, "mktime")
    return float(_days_from_civil(t[0], t[1], 1) * 86400 + (t[2] - 1) * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


def _tuple(t, what):
    if t is None:
        return tuple(localtime())
    if isinstance(t, struct_time):
        return t._t
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % what)
    return t


def _checked(t):
    # strftime's own range checks, with CPython's messages
    y, m, d, hh, mi, ss, wd, yd, dst = t
    if m == 0:
        m = 1
    if m < 1 or m > 12:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    if d < 1 or d > 31:
        raise ValueError("day of month out of range")
    if hh < 0 or hh > 23:
        raise ValueError("hour out of range")
    if mi < 0 or mi > 59:
        raise ValueError("minute out of range")
    if ss < 0 or ss > 61:
        raise ValueError("seconds out of range")
    if wd < 0:
        raise ValueError("day of week out of range")
    if yd == 0:
        yd = 1
    if yd < 1 or yd > 366:
        raise ValueError("day of year out of range")
    return (y, m, d, hh, mi, ss, wd % 7, yd, dst)


def _week(yday, wday, first):
    # %U (first = 6: weeks start on Sunday) and %W (first = 0: Monday)
    return (yday + 6 - (wday - first) % 7) // 7


def _iso_weeks(y):
    p = (y + y // 4 - y // 100 + y // 400) % 7
    q = ((y - 1) + (y - 1) // 4 - (y - 1) // 100 + (y - 1) // 400) % 7
    return 53 if p == 4 or q == 3 else 52


def _iso(y, yday, wday):
    # ISO 8601 year and week (%G, %V); wday 0 is Monday
    wk = (yday - (wday + 1) + 10) // 7
    if wk < 1:
        return y - 1, _iso_weeks(y - 1)
    if wk > _iso_weeks(y):
        return y + 1, 1
    return y, wk


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    y, m, d, hh, mi, ss, wd, yd, dst = _checked(_tuple(t, "strftime"))
    out = []
    i, n = 0, len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == 'Y':
            out.append(str(y))
        elif f == 'm':
            out.append('%02d' % m)
        elif f == 'd':
            out.append('%02d' % d)
        elif f == 'e':
            out.append('%2d' % d)
        elif f == 'H':
            out.append('%02d' % hh)
        elif f == 'I':
            out.append('%02d' % ((hh + 11) % 12 + 1))
        elif f == 'M':
            out.append('%02d' % mi)
        elif f == 'S':
            out.append('%02d' % ss)
        elif f == 'y':
            out.append('%02d' % (y % 100))
        elif f == 'C':
            out.append('%02d' % (y // 100))
        elif f == 'j':
            out.append('%03d' % yd)
        elif f == 'a':
            out.append(_DAYS[wd][:3])
        elif f == 'A':
            out.append(_DAYS[wd])
        elif f in 'bh':
            out.append(_MONTHS[m - 1][:3])
        elif f == 'B':
            out.append(_MONTHS[m - 1])
        elif f == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif f == 'w':
            out.append(str((wd + 1) % 7))
        elif f == 'u':
            out.append(str(wd + 1))
        elif f == 'U':
            out.append('%02d' % _week(yd, (wd + 1) % 7, 0))
        elif f == 'W':
            out.append('%02d' % _week(yd, wd, 0))
        elif f == 'G':
            out.append(str(_iso(y, yd, wd)[0]))
        elif f == 'V':
            out.append('%02d' % _iso(y, yd, wd)[1])
        elif f == 'Z':
            out.append('UTC')
        elif f == 'z':
            out.append('+0000')
        elif f == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wd][:3], _MONTHS[m - 1][:3], d, hh, mi, ss, y))
        elif f == 'x':
            out.append('%02d/%02d/%02d' % (m, d, y % 100))
        elif f == 'X' or f == 'T':
            out.append('%02d:%02d:%02d' % (hh, mi, ss))
        elif f == 'D':
            out.append('%02d/%02d/%02d' % (m, d, y % 100))
        elif f == 'F':
            out.append('%d-%02d-%02d' % (y, m, d))
        elif f == 'R':
            out.append('%02d:%02d' % (hh, mi))
        elif f == 'r':
            out.append('%02d:%02d:%02d %s' % ((hh + 11) % 12 + 1, mi, ss, 'AM' if hh < 12 else 'PM'))
        elif f == 'n':
            out.append('\n')
        elif f == 't':
            out.append('\t')
        elif f == '%':
            out.append('%')
        else:
            out.append('%' + f)
    return ''.join(out)


def asctime(t=None):
    y, m, d, hh, mi, ss, wd, yd, dst = _checked(_tuple(t, "asctime"))
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wd][:3], _MONTHS[m - 1][:3], d, hh, mi, ss, y)


def ctime(secs=None):
    return asctime(localtime(secs))


def _strptime_parts(string, format):
    # (year, month, day, hour, minute, second, weekday or None, yday or None)
    vals = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0}
    weekday = None
    yday = None
    pm = None
    si = 0
    fi = 0
    n = len(format)
    while fi < n:
        c = format[fi]
        if c == '%' and fi + 1 < n:
            f = format[fi + 1]
            fi += 2
            if f == '%':
                if string[si:si + 1] != '%':
                    raise ValueError("time data %r does not match format %r" % (string, format))
                si += 1
                continue
            if f in 'YmdHMSjyIe':
                width = 4 if f == 'Y' else 3 if f == 'j' else 2
                j = si
                while j < len(string) and j - si < width and string[j].isdigit():
                    j += 1
                if j == si:
                    raise ValueError("time data %r does not match format %r" % (string, format))
                v = int(string[si:j])
                si = j
                if f == 'y':
                    vals['Y'] = v + (2000 if v < 69 else 1900)
                elif f == 'j':
                    yday = v
                elif f == 'I':
                    vals['H'] = v % 12
                    pm = pm or False
                elif f == 'e':
                    vals['d'] = v
                else:
                    vals[f] = v
            elif f in 'aAbBhp':
                names = {'a': [x[:3] for x in _DAYS], 'A': list(_DAYS), 'b': [x[:3] for x in _MONTHS],
                         'h': [x[:3] for x in _MONTHS], 'B': list(_MONTHS), 'p': ['AM', 'PM']}[f]
                found = None
                for k, name in enumerate(names):
                    if string[si:si + len(name)].lower() == name.lower():
                        found = k
                        si += len(name)
                        break
                if found is None:
                    raise ValueError("time data %r does not match format %r" % (string, format))
                if f in 'aA':
                    weekday = found
                elif f == 'p':
                    pm = found == 1
                else:
                    vals['m'] = found + 1
            elif f in 'Zz':
                j = si
                while j < len(string) and not string[j].isspace():
                    j += 1
                si = j
            else:
                raise ValueError("'%s' is a bad directive in format '%%%s'" % (f, f))
        elif c.isspace():
            fi += 1
            while si < len(string) and string[si].isspace():
                si += 1
        else:
            if string[si:si + 1] != c:
                raise ValueError("time data %r does not match format %r" % (string, format))
            si += 1
            fi += 1
    if si != len(string):
        raise ValueError("unconverted data remains: %s" % string[si:])
    if pm:
        vals['H'] += 12
    return vals, weekday, yday


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    if not isinstance(string, str):
        raise TypeError("strptime() argument 0 must be str, not %s" % type(string))
    vals, weekday, yday = _strptime_parts(string, format)
    y, m, d = vals['Y'], vals['m'], vals['d']
    if yday is not None and 'm' not in format and 'd' not in format:
        days = _days_from_civil(y, 1, 1) + yday - 1
        t = gmtime(days * 86400)
        m, d = t.tm_mon, t.tm_mday
    if m < 1 or m > 12 or d < 1 or d > 31:
        raise ValueError("day is out of range for month")
    days = _days_from_civil(y, m, d)
    wd = (days + 3) % 7
    return struct_time((y, m, d, vals['H'], vals['M'], vals['S'], wd, _yday(y, m, d), -1))
