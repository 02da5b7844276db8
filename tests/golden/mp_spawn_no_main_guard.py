"""
title: spawn without a main guard: the child fails while bootstrapping
cores: 2
start_method: spawn
The module starts a Process at top level with no `if __name__ ==
"__main__":` guard.  Under spawn the child re-runs the top level as
__mp_main__, reaches Process.start() again and raises CPython's RuntimeError
("An attempt has been made to start a new process before the current process
has finished its bootstrapping phase").  The child exits with status 1; the
parent goes on and sees the exit code.
"""
import multiprocessing as mp

def work():
    print("work ran")

print("top level in", __name__)
p = mp.Process(target=work)
p.start()
p.join()
print("child exit code:", p.exitcode)
