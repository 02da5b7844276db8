# A nan is not equal to itself, but containers find the same object first:
# a key can be looked up, an item counted and found, and a dict updated
# from itself, as in CPython.
import collections

nan = float("nan")
prices = {nan: "unknown", 1.5: "cheap"}
print(prices[nan], nan in prices, nan == nan)
readings = [3.0, nan, 4.5]
print(nan in readings, readings.count(nan), readings.index(nan))
print((nan, 1) == (nan, 1), [nan] == [nan], (nan,) .index(nan))
prices.update(prices)
print(len(prices))
od = collections.OrderedDict(prices)
od |= od
print(len(od), list(od.values()))
seen = {nan}
seen.add(nan)
print(len(seen))
