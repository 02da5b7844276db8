# Polymorphism with an abstract-ish base class and NotImplementedError
class Employee:
    raise_pct = 0.03
    def __init__(self, name, base):
        self.name, self.base = name, base
    def pay(self):
        raise NotImplementedError(f"{type(self).__name__} must implement pay()")
    def give_raise(self):
        self.base = round(self.base * (1 + self.raise_pct), 2)
    def __str__(self):
        return f"{type(self).__name__:<10} {self.name:<6} pays {self.pay():>10,.2f}"
    def __lt__(self, other):
        return self.pay() < other.pay()
class Salaried(Employee):
    def pay(self):
        return self.base / 12
class Hourly(Employee):
    raise_pct = 0.05
    def __init__(self, name, rate, hours):
        super().__init__(name, rate)
        self.hours = hours
    def pay(self):
        overtime = max(0, self.hours - 160)
        return self.base * min(self.hours, 160) + self.base * 1.5 * overtime
class Manager(Salaried):
    raise_pct = 0.1
    def __init__(self, name, base, reports=()):
        super().__init__(name, base)
        self.reports = list(reports)
    def pay(self):
        return super().pay() + 100 * len(self.reports)
class Intern(Employee):
    pass
staff = [Salaried("ann", 60000), Hourly("bob", 20.5, 172), Hourly("cy", 30, 80)]
boss = Manager("di", 96000, staff)
staff.append(boss)
for e in staff:
    print(e)
print("total payroll:", f"{sum(e.pay() for e in staff):,.2f}")
for e in staff:
    e.give_raise()
print([(e.name, e.base) for e in staff])
print([e.name for e in sorted(staff)], max(staff).name, min(staff).name)
try:
    print(Intern("ed", 1000))
except NotImplementedError as err:
    print(type(err).__name__, err)
print([type(e).__name__ for e in staff if isinstance(e, Salaried)])
print(isinstance(boss, Employee), issubclass(Manager, Hourly), Manager.raise_pct, Salaried.raise_pct)
print(boss.reports[0].name, len(boss.reports), boss in boss.reports)
