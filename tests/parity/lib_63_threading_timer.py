# threading.Timer: delayed reminders, cancelling before they fire
import threading

fired = []


def remind(message, who="team"):
    fired.append(message)
    print(f"reminder for {who}: {message} ({threading.current_thread().name})")


t1 = threading.Timer(0.05, remind, args=("stand-up",))
t2 = threading.Timer(0.30, remind, args=("lunch",), kwargs={"who": "ann"})
t3 = threading.Timer(5.0, remind, args=("never",))
print("timer names:", t1.name, t2.name, t3.name)
print("is Thread:", isinstance(t1, threading.Thread), "daemon:", t1.daemon)
for t in (t1, t2, t3):
    t.start()
print("started; alive:", t1.is_alive(), t2.is_alive(), t3.is_alive())
t3.cancel()
t3.join()
print("t3 cancelled, alive:", t3.is_alive(), "finished flag:", t3.finished.is_set())
t1.join()
print("after t1:", fired)
t2.join()
print("after t2:", fired)
t1.cancel()
print("cancel after firing is harmless")

ticks = []


def tick(n):
    ticks.append(n)
    if n < 3:
        nxt = threading.Timer(0.02, tick, args=(n + 1,))
        nxt.start()
        nxt.join()


first = threading.Timer(0.01, tick, args=(1,))
first.start()
first.join()
print("chained ticks:", ticks)
quick = threading.Timer(0, remind, args=("immediately",))
quick.start()
quick.join()
print("done", len(fired))
