# Enum members keep their identity when they travel to a child process and back
import enum, multiprocessing

class Color(enum.Enum):
    RED = 1
    GREEN = 2

def paint(c, q):
    print("child got", c, c is Color.RED, c == Color.RED)
    q.put(Color.GREEN)

if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = multiprocessing.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=paint, args=(Color.RED, q))
        p.start()
        back = q.get()
        p.join()
        print(method, "parent got", back, back is Color.GREEN)
