# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in lookup
# expect-stderr: KeyError: 'missing'
# expect-exit: 1
def lookup(table, key):
    value = table[key]
    return value

prices = {"apple": 3, "pear": 5}
print(lookup(prices, "apple"))
print(lookup(prices, "missing"))
