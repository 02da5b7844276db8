# operator: itemgetter/attrgetter/methodcaller for sorting and arithmetic functions
import operator
from functools import reduce

rows = [("pear", 3, 0.5), ("apple", 10, 0.25), ("fig", 3, 1.25), ("kiwi", 7, 0.4)]
print("by qty then name:", sorted(rows, key=operator.itemgetter(1, 0)))
print("names:", list(map(operator.itemgetter(0), rows)))
get_last_two = operator.itemgetter(slice(-2, None))
print("slice getter:", get_last_two([1, 2, 3, 4]))
print("dict getter:", operator.itemgetter("a", "c")({"a": 1, "b": 2, "c": 3}))


class Employee:
    def __init__(self, name, dept, salary, manager=None):
        self.name, self.dept, self.salary, self.manager = name, dept, salary, manager


boss = Employee("zoe", "exec", 200)
staff = [Employee("ann", "dev", 120, boss), Employee("bob", "ops", 90, boss), Employee("cy", "dev", 100, boss)]
by_dept_salary = sorted(staff, key=operator.attrgetter("dept", "salary"))
print("sorted staff:", [(e.dept, e.name) for e in by_dept_salary])
print("nested attr:", operator.attrgetter("manager.name")(staff[0]))
upper = operator.methodcaller("upper")
split_comma = operator.methodcaller("split", ",")
print("methodcaller:", upper("shout"), split_comma("a,b,c"))

print("arith:", operator.add(2, 3), operator.mul(4, 5), operator.sub(10, 4), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5))
print("compare:", operator.lt(1, 2), operator.eq("a", "a"), operator.ne(1, 1.0), operator.ge(3, 3))
print("logic:", operator.not_(0), operator.truth([]), operator.and_(12, 10), operator.or_(12, 3), operator.xor(5, 1), operator.inv(0))
print("dot product:", sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print("reduce mul:", reduce(operator.mul, range(1, 6)))
print("contains/index:", operator.contains([1, 2, 3], 2), operator.indexOf("hello", "l"), operator.countOf("hello", "l"))
counter = {"hits": 1}
operator.setitem(counter, "misses", 0)
operator.delitem(counter, "hits")
print("setitem/delitem:", counter)
x = [1]
x = operator.iadd(x, [2])
print("iadd:", x, operator.concat("ab", "cd"), operator.is_(None, None), operator.is_not(1, None))
