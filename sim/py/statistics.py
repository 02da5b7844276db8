# statistics, after CPython 3.11's statistics.py.  CPython computes means
# and variances exactly with fractions.Fraction; here a small rational type
# (_Frac) does the same with Python ints.  Should an exact computation ever
# raise OverflowError (a digit limit), it falls back to double-double
# arithmetic over math.fsum.  No Decimal or Fraction inputs (there are no
# such modules).

import math
from math import fsum, sqrt, exp, log, fabs, hypot, tau
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from itertools import groupby, repeat
from operator import mul


class StatisticsError(ValueError):
    pass


def _gcd(a, b):
    return math.gcd(a, b)


class _Frac:
    # an exact rational n/d (d > 0), reduced
    __slots__ = ('numerator', 'denominator')

    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = _gcd(n, d)
        if g > 1:
            n //= g
            d //= g
        self.numerator = n
        self.denominator = d

    @staticmethod
    def of(x):
        if isinstance(x, _Frac):
            return x
        return _Frac(x, 1)

    def __add__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.denominator + o.numerator * self.denominator,
                     self.denominator * o.denominator)

    __radd__ = __add__

    def __sub__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.denominator - o.numerator * self.denominator,
                     self.denominator * o.denominator)

    def __rsub__(self, o):
        return _Frac.of(o) - self

    def __mul__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.numerator, self.denominator * o.denominator)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = _Frac.of(o)
        if o.numerator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % self.numerator)
        return _Frac(self.numerator * o.denominator, self.denominator * o.numerator)

    def __rtruediv__(self, o):
        return _Frac.of(o) / self

    def __lt__(self, o):
        o = _Frac.of(o)
        return self.numerator * o.denominator < o.numerator * self.denominator

    def __le__(self, o):
        o = _Frac.of(o)
        return self.numerator * o.denominator <= o.numerator * self.denominator

    def __gt__(self, o):
        return not self <= o

    def __ge__(self, o):
        return not self < o

    def __eq__(self, o):
        o = _Frac.of(o)
        return self.numerator == o.numerator and self.denominator == o.denominator

    def __float__(self):
        return self.numerator / self.denominator

    def __int__(self):
        return self.numerator // self.denominator


def _exact_ratio(x):
    if type(x) is int or type(x) is bool:
        return (int(x), 1)
    if type(x) is float:
        if math.isinf(x) or math.isnan(x):
            return (x, None)
        return x.as_integer_ratio()
    if isinstance(x, int):
        return (int(x), 1)
    if isinstance(x, float):
        return float(x).as_integer_ratio()
    msg = "can't convert type '{}' to numerator/denominator"
    raise TypeError(msg.format(type(x).__name__))


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))


def _types(data):
    T = int
    for x in data:
        T = _coerce(T, type(x))
    return T


def _sum(data):
    # (T, total as _Frac or float, count); data is a list
    count = 0
    types = set()
    partials = {}
    for typ, values in groupby(data, type):
        types.add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            partials[d] = partials.get(d, 0) + n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if None in partials:
        return T, partials[None], count
    total = _Frac(0)
    for d, n in partials.items():
        total = total + _Frac(n, d)
    return T, total, count


def _convert(value, T):
    if isinstance(value, _DD):
        return value.hi
    if isinstance(value, float):
        return T(value) if T is float else value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    if T is float:
        return value.numerator / value.denominator
    return T(value.numerator // value.denominator)


# Double-double arithmetic for the fallbacks: a sum of floats as hi + lo
# (exactly), and a quotient rounded from it, so a mean or harmonic mean of
# floats comes out as CPython's exact computation gives it.

def _split(a):
    c = 134217729.0 * a
    hi = c - (c - a)
    return hi, a - hi


def _two_prod(a, b):
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    err = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    return p, err


def _dd_sum(values):
    hi = fsum(values)
    lo = fsum(list(values) + [-hi]) if not math.isinf(hi) else 0.0
    return hi, lo


def _dd_div(hi, lo, n):
    # (hi + lo) / n
    q = hi / n
    p, pe = _two_prod(q, n)
    r = ((hi - p) - pe) + lo
    return q + r / n


def _div_dd(w, hi, lo):
    # w / (hi + lo)
    q = w / hi
    p, pe = _two_prod(q, hi)
    r = ((w - p) - pe) - q * lo
    return q + r / hi


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _dd_ss(xs):
    # the sum of squared deviations from the mean, as hi + lo
    n = len(xs)
    hi, lo = _dd_sum(xs)
    c_hi = _dd_div(hi, lo, float(n))
    p, pe = _two_prod(c_hi, float(n))
    c_lo = (((hi - p) - pe) + lo) / n
    parts = []
    for x in xs:
        d, e = _two_sum(x, -c_hi)
        e -= c_lo
        sq, sqe = _two_prod(d, d)
        parts.append(sq)
        parts.append(sqe)
        parts.append(2.0 * d * e)
        parts.append(e * e)
    return _dd_sum(parts)


def _dd_sqrt(hi, lo):
    if hi <= 0.0:
        return sqrt(hi) if hi == 0.0 else sqrt(hi + lo)
    s = sqrt(hi)
    p, pe = _two_prod(s, s)
    return s + (((hi - p) - pe) + lo) / (2.0 * s)


class _DD:
    # a sum of squared deviations from the fallback, kept as hi + lo
    def __init__(self, hi, lo):
        self.hi = hi
        self.lo = lo


def _as_list(data):
    return data if isinstance(data, list) else list(data)


def mean(data):
    data = _as_list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    try:
        T, total, n = _sum(data)
        if isinstance(total, float):
            return total
        return _convert(total / n, T)
    except OverflowError:
        T = _types(data)
        if T is int:
            total = sum(data)
            return total // n if total % n == 0 else total / n
        hi, lo = _dd_sum([float(x) for x in data])
        return _dd_div(hi, lo, float(n))


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = fsum(map(mul, data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return exp(fmean(map(log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def _fail_neg(values, errmsg='negative value'):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    data = _as_list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        else:
            raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = _as_list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(list(_fail_neg(weights, errmsg)))
    try:
        data = list(_fail_neg(data, errmsg))
        terms = [w / x if w else 0 for w, x in zip(weights, data)]
    except ZeroDivisionError:
        return 0
    try:
        T, total, count = _sum(terms)
        if total <= 0:
            raise StatisticsError('Weighted sum must be positive')
        return _convert(_Frac.of(sum_weights) / total, T)
    except OverflowError:
        hi, lo = _dd_sum([float(t) for t in terms])
        if hi <= 0:
            raise StatisticsError('Weighted sum must be positive')
        return _div_dd(float(sum_weights), hi, lo)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = i
    f = j - i
    return L + interval * (n / 2 - cf) / f


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _ss(data, c=None):
    # (T, ssd, c, count): the exact sum of squared deviations
    data = _as_list(data)
    try:
        if c is not None:
            T, ssd, count = _sum([(x - c) * (x - c) for x in data])
            return (T, ssd, c, count)
        count = 0
        types = set()
        sx = {}
        sxx = {}
        for typ, values in groupby(data, type):
            types.add(typ)
            for n, d in map(_exact_ratio, values):
                count += 1
                sx[d] = sx.get(d, 0) + n
                sxx[d] = sxx.get(d, 0) + n * n
        T = int
        for typ in types:
            T = _coerce(T, typ)
        if not count:
            ssd = c = _Frac(0)
        elif None in sx:
            ssd = c = sx[None]
        else:
            tx = _Frac(0)
            for d, n in sx.items():
                tx = tx + _Frac(n, d)
            txx = _Frac(0)
            for d, n in sxx.items():
                txx = txx + _Frac(n, d * d)
            ssd = (txx * count - tx * tx) / count
            c = tx / count
        return (T, ssd, c, count)
    except OverflowError:
        T = _types(data)
        count = len(data)
        if c is not None:
            ssd = fsum([(x - c) * (x - c) for x in data])
            return (float if T is int else T, ssd, c, count)
        xs = [float(x) for x in data]
        hi, lo = _dd_ss(xs) if count else (0.0, 0.0)
        c = _dd_div(*_dd_sum(xs), float(count)) if count else 0.0
        return (float if T is int else T, _DD(hi, lo), c, count)


def _div(ss, k):
    if isinstance(ss, _DD):
        q = _dd_div(ss.hi, ss.lo, float(k))
        p, pe = _two_prod(q, float(k))
        return _DD(q, (((ss.hi - p) - pe) + ss.lo) / k)
    return ss / k


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_div(ss, n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_div(ss, n), T)


def _float_sqrt_of_frac(n, m):
    # the square root of n/m, correctly rounded (CPython's algorithm needs
    # ints of 110 bits; with 64-bit ints, math.sqrt of the quotient)
    try:
        q = (n.bit_length() - m.bit_length() - 109) // 2
        if q >= 0:
            numerator = _isqrt_frac_rto(n, m << 2 * q) << q
            denominator = 1
        else:
            numerator = _isqrt_frac_rto(n << -2 * q, m)
            denominator = 1 << -q
        return numerator / denominator
    except OverflowError:
        return sqrt(n / m)


def _isqrt_frac_rto(n, m):
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_of(ms):
    if isinstance(ms, _DD):
        return _dd_sqrt(ms.hi, ms.lo)
    if isinstance(ms, float):
        return sqrt(ms)
    return _float_sqrt_of_frac(ms.numerator, ms.denominator)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(_div(ss, n - 1))


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(_div(ss, n))


def _mean_stdev(data):
    T, ss, xbar, n = _ss(data)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return float(xbar) if not isinstance(xbar, _Frac) else xbar.numerator / xbar.denominator, _sqrt_of(_div(ss, n - 1))


def covariance(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    return sxy / (n - 1)


def correlation(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    sxx = fsum([(xi - xbar) * (xi - xbar) for xi in x])
    syy = fsum([(yi - ybar) * (yi - ybar) for yi in y])
    try:
        return sxy / sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = fsum([xi * xi for xi in x])
    else:
        xbar = fsum(x) / n
        ybar = fsum(y) / n
        sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
        sxx = fsum([(xi - xbar) * (xi - xbar) for xi in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


class NormalDist:
    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
        import random
        if seed is not None:
            random.seed(seed)
        return [random.gauss(self._mu, self._sigma) for i in range(n)]

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * variance)) / sqrt(tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * _SQRT2)))

    def zscore(self, x):
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * fabs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__
    __rmul__ = __mul__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'


_SQRT2 = sqrt(2.0)
