# Output DEPENDS on trio's batch order (golden test material, see README):
# two children fail in the same batch; trio 0.22 (strict_exception_groups=False)
# raises NonBaseMultiError whose exceptions are in the order the children ran.
import trio


async def fail(exc):
    raise exc


async def main():
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fail, ValueError("first"))
            nursery.start_soon(fail, KeyError("second"))
    except ExceptionGroup as group:
        print(type(group).__name__, repr(group))
        print([type(e).__name__ for e in group.exceptions])


trio.run(main)
