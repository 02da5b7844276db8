# Multiple inheritance: simple diamond and cooperative super()
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return "Base.hello"
    def who(self):
        return ["Base"]
class Left(Base):
    def __init__(self):
        print("Left.__init__ start")
        super().__init__()
        self.trail.append("Left")
        print("Left.__init__ end")
    def hello(self):
        return "Left.hello -> " + super().hello()
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def __init__(self):
        print("Right.__init__ start")
        super().__init__()
        self.trail.append("Right")
        print("Right.__init__ end")
    def hello(self):
        return "Right.hello -> " + super().hello()
    def who(self):
        return ["Right"] + super().who()
    def only_right(self):
        return "only in Right"
class Child(Left, Right):
    def __init__(self):
        print("Child.__init__ start")
        super().__init__()
        self.trail.append("Child")
        print("Child.__init__ end")
    def who(self):
        return ["Child"] + super().who()
c = Child()
print(c.trail)
print(c.hello())
print(c.who())
print(c.only_right())
print(isinstance(c, Left), isinstance(c, Right), isinstance(c, Base), issubclass(Child, Right), issubclass(Left, Right))
class Flyer:
    def move(self):
        return "fly"
    def fly_speed(self):
        return 10
class Swimmer:
    def move(self):
        return "swim"
    def swim_speed(self):
        return 3
class Duck(Flyer, Swimmer):
    pass
d = Duck()
print(d.move(), d.fly_speed(), d.swim_speed())
print(type(d).__name__)
