# enum.Flag and IntFlag: file permissions combined with | and tested with in
from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    RW = READ | WRITE


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


print([(p.name, p.value) for p in Perm])
rw = Perm.READ | Perm.WRITE
print(rw, rw is Perm.RW, Perm.READ in rw, Perm.EXECUTE in rw)
everything = rw | Perm.EXECUTE
print("all:", everything, everything.value, bool(everything))
print("without write:", everything & ~Perm.WRITE)
print("empty:", Perm(0), bool(Perm(0)))
print("xor:", rw ^ Perm.READ)
files = {"notes.txt": Perm.READ | Perm.WRITE, "run.sh": Perm.READ | Perm.EXECUTE, "locked": Perm(0)}
for name, perm in files.items():
    can = [p.name for p in (Perm.READ, Perm.WRITE, Perm.EXECUTE) if p in perm]
    print(f"{name:<10} {can}")
m = Mode.R | Mode.W
print("IntFlag:", m, int(m), m == 6, Mode(7), Mode.R | 1)
print("octal style:", "".join(str(int(Mode(v))) for v in (7, 5, 4)))
print("iterate composite:", [x.name for x in Perm.RW])
