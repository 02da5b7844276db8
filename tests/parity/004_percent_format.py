# %-formatting
name = "Bob"
n = 42
f = 3.14159
print("Hello %s" % name)
print("%d items" % n)
print("%s has %d apples" % (name, n))
print("%5d|%-5d|%05d|" % (n, n, n))
print("%.2f|%8.3f|%-8.1f|%08.2f" % (f, f, f, f))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %.3e %E" % (12345.6789, 0.000123, 1e10))
print("%g %g %g" % (0.0001, 1234567.0, 100.0))
print("%r %s" % ("quoted", "plain"))
print("%c%c%c" % (72, 105, 33))
print("100%% sure, %d%% done" % 50)
print("%+d %+d % d" % (5, -5, 5))
print("%s" % [1, 2, 3])
print("%s" % (None,))
print("%s %s" % (True, False))
print("%d" % True)
print("%d" % -0)
print("%i" % 77)
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "truncate")
print("%5.1f%%" % 99.5)
print("%d %s" % (-17, -17.5))
print("%s" % 0.1)
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
for item, qty, price in rows:
    print("%-8s %4d x %6.2f = %8.2f" % (item, qty, price, qty * price))
try:
    print("%d" % "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print(type(e).__name__, e)
