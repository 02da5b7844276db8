# Linked list with iteration protocol; note print() evaluates all args before repr
class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head, self.size = None, 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        v, self.head = self.head.value, self.head.next
        self.size -= 1
        return v
    def __len__(self):
        return self.size
    def __iter__(self):
        return ListIter(self.head)
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __contains__(self, v):
        return any(x == v for x in self)
    def __repr__(self):
        return "LL[" + " -> ".join(repr(v) for v in self) + "]"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
class ListIter:
    def __init__(self, node):
        self.node = node
    def __iter__(self):
        return self
    def __next__(self):
        if self.node is None:
            raise StopIteration
        v, self.node = self.node.value, self.node.next
        return v
ll = LinkedList([1, 2, 3])
print(ll, len(ll), ll[0], ll[-1], 2 in ll, 9 in ll)
ll.push(0)
print(ll, list(ll), sum(ll), [x * 10 for x in ll])
ll.reverse()
print(ll, ll.pop(), ll, LinkedList("ab"), list(LinkedList()) == [])
empty = LinkedList()
for op in (lambda: empty.pop(), lambda: ll[10]):
    try:
        op()
    except IndexError as e:
        print(type(e).__name__, e)
