# The usual spellings of trio's submodules: `import trio.lowlevel`, from
# imports of the submodules and of their names, `import ... as`, and the
# submodules as attributes of trio after a plain `import trio`.
import trio
import trio.lowlevel
import trio.to_thread
import trio.from_thread as ft
import trio.abc as tabc
from trio import lowlevel, to_thread, abc
from trio.lowlevel import checkpoint, current_task
from trio.to_thread import run_sync
from trio.abc import Instrument


def blocking(x):
    return x * 2


async def main():
    await checkpoint()
    await trio.lowlevel.checkpoint()
    await lowlevel.cancel_shielded_checkpoint()
    print("task:", current_task().name, trio.lowlevel.current_task() is current_task())
    print("run_sync:", await run_sync(blocking, 21), await trio.to_thread.run_sync(blocking, 1))
    limiter = to_thread.current_default_thread_limiter()
    print("limiter:", limiter.total_tokens)
    print("modules:", trio.lowlevel is lowlevel, trio.to_thread is to_thread, trio.abc is abc is tabc,
          trio.from_thread is ft)
    print("names:", type(trio.lowlevel).__name__, trio.lowlevel.__name__, ft.__name__, abc.__name__)
    print("Instrument:", Instrument is trio.abc.Instrument, issubclass(Instrument, object))
    print("Abort:", trio.lowlevel.Abort.SUCCEEDED != trio.lowlevel.Abort.FAILED)


trio.run(main)
