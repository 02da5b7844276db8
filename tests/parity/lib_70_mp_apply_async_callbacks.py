# apply_async/map_async with callback and error_callback (callbacks run in the parent)
import threading
from multiprocessing import Pool


def check_stock(item, qty):
    if qty < 0:
        raise ValueError(f"negative quantity for {item}")
    return item, qty * 2


collected = []
errors = []
callback_threads = set()


def on_result(result):
    collected.append(result)
    callback_threads.add(threading.current_thread() is threading.main_thread())


def on_error(exc):
    errors.append(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    orders = [("bolt", 5), ("nut", -1), ("gear", 3), ("cog", -7), ("pin", 0)]
    with Pool(2) as pool:
        handles = [pool.apply_async(check_stock, order, callback=on_result, error_callback=on_error) for order in orders]
        for h in handles:
            h.wait()
        print("ready:", [h.ready() for h in handles])
        print("successful:", [h.successful() for h in handles])
        print("get of first:", handles[0].get())
        try:
            handles[1].get()
        except ValueError as e:
            print("get re-raises:", e)
        batch = []
        r = pool.map_async(abs, [-1, -2, 3], callback=batch.append)
        r.wait()
        print("map_async result:", r.get(), "callback got:", batch)
        failed = pool.map_async(check_stock, ["x"], error_callback=lambda e: errors.append("map: " + type(e).__name__))
        failed.wait()
        print("map_async failed successful():", failed.successful())
    print("results:", sorted(collected))
    print("errors:", sorted(errors))
    print("callbacks ran in the main thread:", sorted(callback_threads))
