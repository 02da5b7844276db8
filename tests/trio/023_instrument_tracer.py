# trio.abc.Instrument: a tracer passed to trio.run(instruments=[...]) sees
# the run start and end, tasks spawned, scheduled, stepped and exiting, and
# each wait for I/O with its timeout.  Real trio also runs two system tasks
# of its own (<init>, <TrioToken.run_sync_soon task>), which the simulator
# does not: the tracer leaves tasks named <...> out, and prints the I/O
# waits that sleep (rounded: their timeouts depend on the machine's speed)
# but not the quick checks between batches, whose number the system tasks
# change.  The tasks run one at a time, so the batch order cannot show.
# An instrument that raises is disabled and logged to stderr with its
# traceback (frames and addresses differ from trio's: ignore-stderr).
import trio
import trio.abc
import trio.lowlevel
from trio.lowlevel import checkpoint, current_task


class Tracer(trio.abc.Instrument):
    def __init__(self):
        self.steps = {}

    def _say(self, what, task):
        if not task.name.startswith("<"):
            print(f"  [{what}] {task.name}")

    def before_run(self):
        print("  [run begins]")

    def after_run(self):
        print("  [run ends] steps:", sorted(self.steps.items()))

    def task_spawned(self, task):
        self._say("spawned", task)

    def task_scheduled(self, task):
        self._say("scheduled", task)

    def before_task_step(self, task):
        self._say("step", task)

    def after_task_step(self, task):
        if not task.name.startswith("<"):
            self.steps[task.name] = self.steps.get(task.name, 0) + 1

    def task_exited(self, task):
        self._say("exited", task)

    def before_io_wait(self, timeout):
        if 0 < timeout < 3600:
            print(f"  [sleeps in the I/O wait, about {round(timeout, 1)} s]")


class Counter(trio.abc.Instrument):
    # only task_exited is its own: the other hooks are never called on it
    def __init__(self):
        self.exited = 0

    def task_exited(self, task):
        self.exited += 1


class Broken(trio.abc.Instrument):
    def before_task_step(self, task):
        raise RuntimeError("broken instrument")


async def worker(n):
    print(f"worker {n} runs as {current_task().name}")
    await checkpoint()
    await trio.sleep(0.5 * n)
    print(f"worker {n} done")


async def main():
    me = trio.lowlevel.current_task()
    print("main is", me.name, type(me).__name__, type(me).__module__)
    counter = Counter()
    trio.lowlevel.add_instrument(counter)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, 1, name="first")
    trio.lowlevel.remove_instrument(counter)
    print("exits counted:", counter.exited)
    try:
        trio.lowlevel.remove_instrument(counter)
    except KeyError:
        print("removing it twice: KeyError")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, 2)
    print("main done")


trio.run(main, instruments=[Tracer()])

# an instrument that raises is disabled (and logged), and the run goes on
async def quiet():
    await trio.sleep(0)
    print("quiet ran")

trio.run(quiet, instruments=[Broken()])
print("isinstance:", isinstance(Tracer(), trio.abc.Instrument), trio.abc.Instrument.__module__)
