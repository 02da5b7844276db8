# time.gmtime/strftime/asctime with fixed timestamps (no clock reads)
import time
import calendar

epoch = time.gmtime(0)
print(epoch)
print(epoch.tm_year, epoch.tm_mon, epoch.tm_mday, epoch.tm_wday, epoch.tm_yday)
print(time.strftime("%Y-%m-%d %H:%M:%S", epoch))
print(time.asctime(epoch))
billion = time.gmtime(1_000_000_000)
print(time.strftime("%a, %d %b %Y %H:%M:%S +0000", billion))
print(time.strftime("%j %U %w %y %p", billion))
print(tuple(time.gmtime(1_700_000_000)))
print("timegm round trip:", calendar.timegm(billion), calendar.timegm(time.strptime("2038-01-19 03:14:07", "%Y-%m-%d %H:%M:%S")))
parsed = time.strptime("31 Dec 2023 23:59", "%d %b %Y %H:%M")
print(parsed.tm_yday, parsed.tm_wday, time.strftime("%A", parsed))
for stamp in (86399, 86400, 951782400, -86400):
    print(stamp, time.strftime("%Y-%m-%d %H:%M:%S %A", time.gmtime(stamp)))
print("struct from tuple:", time.strftime("%d.%m.%Y", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
print(calendar.isleap(2024), calendar.isleap(1900), calendar.monthrange(2024, 2))
print(calendar.month(2024, 2))
