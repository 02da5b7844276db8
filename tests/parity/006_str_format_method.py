# str.format method
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Eve", age=25))
print("{0:>8}|{0:<8}|{0:^8}|".format("mid"))
print("{:.3f} {:10.2f}| {:+.1f}".format(3.14159, 2.5, 7.25))
print("{:,} {:08d} {:x} {:#b}".format(9876543, 42, 3054, 5))
print("{:e} {:%} {:.1%}".format(0.000321, 0.5, 0.1234))
lst = [10, 20]
print("{} {}".format(lst[0], lst[1]))
print("{{}} {}".format("braces"))
print("{!r} {!s}".format("text", "text"))
print("{:*^15}".format(" title "))
print("{:>{w}}|".format("pad", w=7))
print("{:.{p}f}".format(2.0 / 3, p=4))
data = [("Name", "Qty", "Price"), ("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 0.99)]
header = data[0]
print("{:<10}{:>5}{:>10}".format(*header))
print("-" * 25)
for name, qty, price in data[1:]:
    print("{:<10}{:>5}{:>10.2f}".format(name, qty, price))
total = sum(q * p for _, q, p in data[1:])
print("{:<15}{:>10.2f}".format("Total", total))
point = {"x": 3, "y": -4}
print("Point({x}, {y})".format(**point))
print("{0}{1}{0}".format("ab", "-"))
print("{:5}|{:<5}|{:>5}|".format(1, 2, 3))
print("{:d}".format(True), "{}".format(None), "{}".format([1, (2, 3)]))
print("{:g} {:g} {:g}".format(1.0, 0.00001, 123456789.0))
try:
    print("{} {}".format("only"))
except IndexError as e:
    print(type(e).__name__, e)
try:
    print("{missing}".format(other=1))
except KeyError as e:
    print(type(e).__name__, e)
