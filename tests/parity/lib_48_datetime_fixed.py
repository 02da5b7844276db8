# datetime with fixed dates: formatting, timedelta arithmetic, parsing
from datetime import datetime, date, time, timedelta, timezone

launch = datetime(2024, 1, 2, 3, 4, 5)
print(launch)
print(repr(launch))
print(launch.isoformat(), launch.isoformat(sep=" ", timespec="minutes"))
print(launch.strftime("%Y-%m-%d %H:%M:%S"), launch.strftime("%d/%m/%y %I:%M %p"))
print(launch.strftime("%A %B %d, %Y (day %j, week %U)"), launch.strftime("%a %b %e"))
print("weekday:", launch.weekday(), launch.isoweekday(), launch.isocalendar())

delta = timedelta(days=1, hours=25, minutes=61, seconds=3661)
print("delta:", delta, repr(delta), delta.total_seconds())
print("later:", launch + delta, "earlier:", launch - timedelta(weeks=2))
deadline = datetime(2024, 3, 1, 12, 0)
left = deadline - launch
print("left:", left, left.days, left.seconds)
print("negative:", launch - deadline, -timedelta(hours=1), abs(timedelta(days=-2)))
print("divide:", timedelta(hours=3) / timedelta(minutes=20), timedelta(hours=3) // 7, timedelta(minutes=90) * 1.5)
print("leap:", date(2024, 2, 28) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1))

d = date(2024, 12, 31)
print(d, d.replace(year=2025, month=1, day=1), d.toordinal(), date.fromordinal(d.toordinal() + 1))
print("parsed:", datetime.strptime("2023-07-14 18:30", "%Y-%m-%d %H:%M"))
print("fromisoformat:", datetime.fromisoformat("2022-11-05T08:15:30"), date.fromisoformat("2020-02-29"))
print("combine:", datetime.combine(date(2024, 5, 6), time(7, 8, 9)))
t = time(13, 45, 30, 250000)
print("time:", t, t.isoformat(timespec="milliseconds"), t.strftime("%H.%M"))
utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
print("utc:", utc.isoformat(), utc.timestamp(), utc.astimezone(timezone(timedelta(hours=2))).isoformat())
print("epoch:", datetime.fromtimestamp(0, tz=timezone.utc))
print("compare:", launch < deadline, max(launch, deadline), sorted([d, date(2000, 1, 1)])[0])
schedule = [launch + timedelta(minutes=45 * i) for i in range(4)]
print("every 45 min:", [s.strftime("%H:%M") for s in schedule])
