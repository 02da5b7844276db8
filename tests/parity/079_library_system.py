# Realistic: a small library lending system
class LibraryError(Exception):
    pass
class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = self.available = copies
    def __repr__(self):
        return f"<{self.title} by {self.author} [{self.available}/{self.copies}]>"
class Member:
    LIMIT = 2
    def __init__(self, name):
        self.name, self.loans, self.fines = name, {}, 0
class Library:
    def __init__(self):
        self.books, self.members, self.day = {}, {}, 0
    def add(self, *books):
        for b in books:
            self.books[b.isbn] = b
    def join(self, name):
        self.members[name] = Member(name)
    def checkout(self, name, isbn):
        m, b = self.members[name], self.books.get(isbn)
        if b is None:
            raise LibraryError(f"no book {isbn}")
        if len(m.loans) >= Member.LIMIT:
            raise LibraryError(f"{name} is at the loan limit")
        if b.available == 0:
            raise LibraryError(f"'{b.title}' is not available")
        b.available -= 1
        m.loans[isbn] = self.day + 14
        return f"{name} borrowed '{b.title}', due day {m.loans[isbn]}"
    def checkin(self, name, isbn):
        m = self.members[name]
        due = m.loans.pop(isbn)
        self.books[isbn].available += 1
        late = max(0, self.day - due)
        m.fines += late * 25
        return f"{name} returned '{self.books[isbn].title}'" + (f", {late} days late" if late else "")
lib = Library()
lib.add(Book("111", "Dune", "Herbert", 2), Book("222", "Emma", "Austen"), Book("333", "Ulysses", "Joyce"))
for n in ("ann", "bob"):
    lib.join(n)
actions = [(0, "out", "ann", "111"), (1, "out", "bob", "111"), (2, "out", "ann", "111"), (2, "out", "ann", "222"),
           (3, "out", "ann", "333"), (5, "out", "bob", "999"), (20, "in", "ann", "111"), (21, "out", "bob", "222"),
           (30, "in", "bob", "111"), (40, "in", "ann", "222"), (41, "out", "zed", "333"), (42, "in", "bob", "333")]
for day, kind, who, isbn in actions:
    lib.day = day
    try:
        msg = lib.checkout(who, isbn) if kind == "out" else lib.checkin(who, isbn)
        print(f"day {day:>2}: {msg}")
    except LibraryError as e:
        print(f"day {day:>2}: refused - {e}")
    except KeyError as e:
        print(f"day {day:>2}: unknown key {e}")
print(list(lib.books.values()))
for m in lib.members.values():
    print(m.name, m.loans, f"fines ${m.fines / 100:.2f}")
