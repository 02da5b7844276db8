# Subclassing dict, list and set: a case-insensitive dict, a typed list, a tagged set
class CaseInsensitiveDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())


class DefaultingDict(dict):
    def __missing__(self, key):
        return f"<no {key}>"


class IntList(list):
    def append(self, value):
        if not isinstance(value, int):
            raise TypeError(f"IntList only holds ints, not {type(value).__name__}")
        super().append(value)

    def total(self):
        return sum(self)


class TagSet(set):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def describe(self):
        return f"{self.name}: {sorted(self)}"


headers = CaseInsensitiveDict()
headers["Content-Type"] = "text/html"
headers["X-Count"] = "3"
print(headers["content-type"], "X-COUNT" in headers, list(headers))
direct = CaseInsensitiveDict({"Mixed": 1})
print("constructor bypasses __setitem__:", list(direct))
d = DefaultingDict(a=1)
print(d["a"], d["b"], "b" in d, d.get("b"))
nums = IntList([3, 4])
nums.append(5)
try:
    nums.append("6")
except TypeError as e:
    print("TypeError:", e)
nums.extend([10])
print(nums, nums.total(), type(nums).__name__, isinstance(nums, list))
print("slice is plain list:", type(nums[:2]).__name__, "concat:", type(nums + [1]).__name__)
tags = TagSet("langs", [3, 1, 2])
tags.add(7)
print(tags.describe(), len(tags), 2 in tags)
union = tags | {9}
print("union type:", type(union).__name__, sorted(union))
print("equal to plain set:", tags == {1, 2, 3, 7}, isinstance(tags, set))


class Stack(list):
    push = list.append

    def peek(self):
        return self[-1] if self else None


s = Stack()
s.push(1)
s.push(2)
print("stack:", s, s.peek())
print("pop:", s.pop(), "then peek:", s.peek(), "empty:", repr(Stack()), Stack().peek())
