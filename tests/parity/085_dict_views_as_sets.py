# dict keys and items views compare by content and support set operators


stock = {1: 10, 2: 0, 3: 7, 4: 0}
wanted = {3: 1, 4: 2, 5: 1}

print({1: 2}.keys() == {1}, {1} == {1: 2}.keys(), {1: 2}.items() == {(1, 2)})
print(stock.keys() == wanted.keys(), stock.keys() == {4, 3, 2, 1}, stock.keys() != {1, 2})
print({1: 2, 3: 4}.keys() == {3: 0, 1: 0}.keys(), {1: 2}.items() == {1: 3}.items())
print(stock.keys() == [1, 2, 3, 4], stock.keys() == frozenset([1, 2, 3, 4]))
vals = stock.values()
print(vals == vals, stock.values() == stock.values())

print("in stock and wanted:", stock.keys() & wanted.keys())
print("either:", stock.keys() | wanted.keys())
print("stock only:", stock.keys() - wanted.keys())
print("one side only:", stock.keys() ^ wanted.keys())
print(stock.keys() & {2, 9}, {2, 9} & stock.keys(), stock.keys() - {1}, {1, 9} - stock.keys())
print(stock.keys() | [8], (8,) | stock.keys(), stock.keys() ^ range(3), stock.keys() & range(2, 10))
empty = [k for k, v in stock.items() if v == 0]
print(sorted(stock.keys() - empty), type(stock.keys() & set()).__name__)

print(sorted(stock.items() & {(1, 10), (2, 5)}), sorted(stock.items() - {(2, 0)}))
print(sorted({1: 1, 2: 2}.items() ^ {2: 2, 3: 3}.items()), sorted({1: 1}.items() ^ {1: 2}.items()))
print(sorted(stock.items() | {(9, 9)}))

print(stock.keys() < {1, 2, 3, 4, 5}, stock.keys() <= {1, 2, 3, 4}, stock.keys() < {1, 2, 3, 4})
print(stock.keys() > {1}, stock.keys() >= wanted.keys(), {1} < stock.keys(), {7} <= stock.keys())
print(stock.items() >= {(1, 10)}, stock.items() > stock.items())

print((1, 10) in stock.items(), (1, 11) in stock.items(), 1 in stock.items(), (1, 10, 0) in stock.items())
print(3 in stock.keys(), 9 in stock.keys())
print(stock.keys().isdisjoint({8, 9}), stock.keys().isdisjoint([4]), stock.items().isdisjoint({(2, 0)}))

# the view result is a new set: the dict is untouched
s = stock.keys()
s |= {100}
print(s, len(stock), type(s).__name__)
t = {1}
alias = t
t |= stock.keys()
print(t, alias)

print(list(reversed(stock.keys())), list(reversed(stock.values())), list(reversed(stock.items()))[0])

for bad in [lambda: stock.keys() | 5, lambda: stock.keys() < [1], lambda: hash(stock.keys()),
            lambda: hash(stock.items()), lambda: ([1], 0) in stock.items()]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
