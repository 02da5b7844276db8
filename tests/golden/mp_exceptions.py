# parity: python3
import multiprocessing as mp
import time

def slow(x):
    time.sleep(1)
    return x

if __name__ == "__main__":
    print(issubclass(mp.TimeoutError, mp.ProcessError), issubclass(mp.AuthenticationError, mp.ProcessError))
    print(issubclass(mp.BufferTooShort, mp.ProcessError), mp.TimeoutError is TimeoutError)
    print(mp.TimeoutError.__name__, mp.ProcessError.__module__)
    print(repr(mp.TimeoutError("late")), str(mp.ProcessError("boom")))
    with mp.Pool(1) as pool:
        r = pool.apply_async(slow, (3,))
        try:
            r.get(timeout=0.1)
        except mp.TimeoutError as e:
            print("timed out:", type(e).__name__, isinstance(e, mp.ProcessError))
        print(r.get())
    raise mp.AuthenticationError("digest")
