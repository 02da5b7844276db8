# Two children fail. Behaviour shown (trio 0.22): with the default
# strict_exception_groups=False, two exceptions surface as trio.NonBaseMultiError
# (a subclass of trio.MultiError and of ExceptionGroup) whose str() lists the
# children's exceptions in an order that depends on the batch order, so it is
# printed sorted here; one exception surfaces bare; with
# strict_exception_groups=True even one is wrapped, with message
# "multiple tasks failed".
import trio


async def fail(exc):
    raise exc


async def main():
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fail, ValueError("bad value"))
            nursery.start_soon(fail, KeyError("missing"))
    except ExceptionGroup as group:
        print("type:", type(group).__name__, "| bases:", [c.__name__ for c in type(group).__mro__[1:4]])
        print("message:", group.message)
        print("children:", sorted(repr(e) for e in group.exceptions))
        values, rest = group.split(ValueError)
        print("split:", [repr(e) for e in values.exceptions], [repr(e) for e in rest.exceptions])

    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fail, ValueError("v"))
            nursery.start_soon(fail, TypeError("t"))
    except* ValueError as g:
        print("except* ValueError got", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("except* TypeError got", [str(e) for e in g.exceptions])

    try:
        async with trio.open_nursery(strict_exception_groups=True) as nursery:
            nursery.start_soon(fail, RuntimeError("only one"))
    except ExceptionGroup as group:
        print("strict:", type(group).__name__, repr(group), "| str:", group)
        print("strict message:", group.message)

    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fail, RuntimeError("only one"))
    except RuntimeError as e:
        print("default: bare", repr(e))


trio.run(main)
