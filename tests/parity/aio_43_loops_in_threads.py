import asyncio, threading, multiprocessing, time

async def work(tag, n):
    out = []
    for i in range(n):
        await asyncio.sleep(0)
        out.append(f"{tag}{i}")
    return out

def thread_main(tag, results):
    results[tag] = asyncio.run(work(tag, 3))

def proc_main(q):
    q.put(asyncio.run(work("p", 2)))

if __name__ == "__main__":
    results = {}
    ts = [threading.Thread(target=thread_main, args=(t, results)) for t in "xyz"]
    for t in ts: t.start()
    for t in ts: t.join()
    print(sorted(results.items()))
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=proc_main, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
    loop = asyncio.new_event_loop()
    print(loop.run_until_complete(work("L", 2)))
    print(loop.is_closed())
    loop.close()
    print(loop.is_closed())
