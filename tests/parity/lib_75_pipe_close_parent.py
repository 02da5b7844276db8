# Pipe: the parent closes its copy of the child's end; the child keeps its own
from multiprocessing import Process, Pipe


def sensor(conn, readings):
    for r in readings:
        conn.send({"reading": r, "ok": r < 100})
    conn.send("done")
    conn.close()


def echo(conn):
    while True:
        msg = conn.recv()
        conn.send(msg.upper())
        if msg == "done":
            break
    conn.close()


if __name__ == "__main__":
    parent_conn, child_conn = Pipe(duplex=False)
    p = Process(target=sensor, args=(child_conn, [12, 140, 77]))
    p.start()
    child_conn.close()
    received = []
    while True:
        try:
            msg = parent_conn.recv()
        except EOFError:
            print("EOFError: the child closed its end and no other copy is open")
            break
        received.append(msg)
    p.join()
    print("received:", received)
    print("child's end closed in the parent:", child_conn.closed, "exitcode:", p.exitcode)

    a, b = Pipe()
    e = Process(target=echo, args=(b,))
    e.start()
    b.close()
    for word in ["ping", "pong", "done"]:
        a.send(word)
        print("echo:", a.recv())
    a.close()
    e.join()
    print("echo process exit:", e.exitcode)
    try:
        a.send("late")
    except OSError as err:
        print(type(err).__name__, "sending on a closed connection:", err)
