# collections.Counter: word counts, most_common, and multiset arithmetic
from collections import Counter

text = """the quick brown fox jumps over the lazy dog the fox
barks and the dog sleeps while the quick fox runs"""
words = Counter(text.split())
print("the:", words["the"], "fox:", words["fox"], "cat:", words["cat"])
print("top 3:", words.most_common(3))
print("distinct:", len(words), "total:", words.total())

letters = Counter(c for c in text if c.isalpha())
print("top letters:", letters.most_common(5))
print("least common 2:", letters.most_common()[:-3:-1])

stock = Counter(apples=5, pears=2, plums=0)
sold = Counter(apples=3, pears=4, kiwis=1)
print("stock + sold:", stock + sold)
print("stock - sold:", stock - sold)
print("union max:", stock | sold)
print("intersection min:", stock & sold)
stock.subtract(sold)
print("after subtract:", stock)
print("unary plus:", +stock, "unary minus:", -stock)
stock.update(["plums", "plums", "kiwis"])
print("after update:", stock)
print("elements:", sorted(Counter(a=2, b=1, c=0).elements()))
print("equal ignoring zero:", Counter(a=1, b=0) == Counter(a=1))
del stock["kiwis"]
print("keys:", list(stock))
inventory = Counter({"red": 3, "blue": 3, "green": 1})
print("ties keep insertion order:", inventory.most_common())
