# datetime arithmetic, formatting and time zones over pseudo-random dates (no clock reads)
from datetime import datetime, date, time, timedelta, timezone
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2**31)
    return seed % n
for i in range(200):
    d = datetime(1 + rnd(9998), 1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60), rnd(60), rnd(1000000) if rnd(2) else 0)
    td = timedelta(days=rnd(4000) - 2000, seconds=rnd(200000) - 100000, microseconds=rnd(3000000) - 1500000)
    try:
        e = d + td
    except OverflowError as ex:
        e = str(ex)
    print(d, repr(d), d.isoformat(), d.weekday(), d.isocalendar(), d.toordinal(), td, repr(td), td.total_seconds(), e,
          d.strftime("%a %b %d %j %U %W %y %f"), d.date().isoformat(), d.time(), d.isoformat(timespec="milliseconds"))
    print(td * 1.7, td / 3, td // 4, -td, abs(td), td / timedelta(hours=7), td % timedelta(hours=5), divmod(td, timedelta(minutes=13)))
for ts in (0, 1.5, 1e9 + 0.123456, -86400.75, 1717243200):
    print(datetime.fromtimestamp(ts, tz=timezone.utc), datetime.utcfromtimestamp(ts), datetime.fromtimestamp(ts, timezone(timedelta(hours=-3, minutes=-30))).isoformat())
print(timezone(timedelta(hours=5, minutes=30)), repr(timezone(timedelta(hours=-2))), timezone.utc, repr(timezone.utc))
a = datetime(2024, 1, 1, tzinfo=timezone.utc); b = datetime(2024, 1, 1, 3, tzinfo=timezone(timedelta(hours=3)))
print(a == b, a - b, hash(a) == hash(b), b.astimezone(timezone.utc), b.timestamp(), b.utcoffset(), b.tzname(), b.strftime("%z %Z"))
try:
    a < datetime(2024, 1, 1)
except TypeError as e:
    print(e)
print(datetime(2024, 1, 1) == datetime(2024, 1, 1, tzinfo=timezone.utc))
print(date(2024, 1, 1) < date(2024, 1, 2), date.fromisocalendar(2024, 1, 1), date(2021, 1, 3).isocalendar())
for bad in [(2024, 13, 1), (2024, 2, 30), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print(e)
print(timedelta(0), repr(timedelta(0)), timedelta(microseconds=-1), timedelta.max, timedelta.min, datetime.max, date.min)
print(time(1, 2), repr(time(1, 2, 3, 4)), time(23, 59).isoformat("minutes"), time.fromisoformat("10:11:12.5"))
print(datetime.strptime("03/04/21 5:06 PM", "%d/%m/%y %I:%M %p"), datetime.fromisoformat("2021-03-04T05:06:07.123+02:00"))
print(f"{datetime(2020, 5, 17):%Y/%m/%d}", format(date(2020, 5, 17), "%d.%m"), str(date(2020,5,17)))
