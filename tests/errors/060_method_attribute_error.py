# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 11, in norm
# expect-stderr: AttributeError: 'Point' object has no attribute 'depth'
# expect-exit: 1
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y + self.depth

p = Point(1, 2)
print(p.x, p.y)
print(p.norm())
