# Stack and queue classes, bracket matching, round-robin scheduling
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
class Queue:
    def __init__(self, items=()):
        self._in, self._out = list(items), []
    def put(self, x):
        self._in.append(x)
    def get(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        if not self._out:
            raise IndexError("get from empty queue")
        return self._out.pop()
    def __len__(self):
        return len(self._in) + len(self._out)
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for i, ch in enumerate(text):
        if ch in "([{":
            st.push((ch, i))
        elif ch in pairs:
            if not st or st.peek()[0] != pairs[ch]:
                return f"unexpected {ch!r} at {i}"
            st.pop()
    return "ok" if not st else f"unclosed {st.peek()[0]!r} at {st.peek()[1]}"
for t in ["(a[b]{c})", "((", "())", "{[}]", "", "x = [1, (2, {3: 4})]"]:
    print(repr(t), "->", balanced(t))
s = Stack()
for i in range(4):
    s.push(i * i)
print(s, len(s), s.peek(), s.pop(), s.pop(), s, bool(s))
jobs = Queue([("A", 5), ("B", 2), ("C", 4)])
clock, quantum, done = 0, 2, []
while len(jobs):
    name, left = jobs.get()
    run = min(quantum, left)
    clock += run
    print(f"t={clock:>2} ran {name} for {run}, {left - run} left")
    if left - run > 0:
        jobs.put((name, left - run))
    else:
        done.append((name, clock))
print("completion:", done)
