"""
title: trio: timeouts are cancel scopes - move_on_after, fail_after, shield
cores: 1
In trio a timeout is a cancel scope: a `with` block with a deadline.  When
the deadline passes, every checkpoint inside the block raises Cancelled,
which unwinds to the block and stops there.  move_on_after() just goes on
after the block (its cancelled_caught says whether it cut the block
short); fail_after() raises TooSlowError instead.  Scopes nest, and the
earliest deadline wins.  Cleanup that must await - telling the server
goodbye - would be cancelled too, at its first checkpoint, unless a
shielded scope (CancelScope(shield=True)) protects it.
"""
import trio

async def fetch(name, seconds):
    await trio.sleep(seconds)                 # the network
    return f"{name} ({seconds} s)"

async def fetch_politely(name, seconds, shield):
    try:
        return await fetch(name, seconds)
    finally:
        with trio.CancelScope(shield=shield):
            await trio.sleep(0.1)             # say goodbye to the server
            print(f"  {name}: said goodbye")

def took(start):
    return f"{trio.current_time() - start:.1f} s"

async def main():
    start = trio.current_time()
    with trio.move_on_after(0.5) as scope:
        print("  got", await fetch("fast.html", 0.2))
    print(f"move_on_after(0.5), a 0.2 s fetch: took {took(start)}, cancelled_caught={scope.cancelled_caught}")

    start = trio.current_time()
    with trio.move_on_after(0.5) as scope:
        print("  got", await fetch("slow.html", 2.0))
    print(f"move_on_after(0.5), a 2 s fetch: took {took(start)}, cancelled_caught={scope.cancelled_caught}")

    start = trio.current_time()
    try:
        with trio.fail_after(0.5):
            await fetch("slow.html", 2.0)
    except trio.TooSlowError:
        print(f"fail_after(0.5), a 2 s fetch: TooSlowError after {took(start)}")

    start = trio.current_time()
    with trio.move_on_after(0.3) as outer:
        with trio.move_on_after(1.0) as inner:
            await fetch("slow.html", 2.0)
    print(f"nested move_on_after(0.3) and (1.0): took {took(start)}; "
          f"outer caught it: {outer.cancelled_caught}, inner: {inner.cancelled_caught}")

    for shield in (False, True):
        start = trio.current_time()
        with trio.move_on_after(0.2):
            await fetch_politely("slow.html", 2.0, shield)
        print(f"move_on_after(0.2), cleanup with shield={shield}: took {took(start)}")

trio.run(main)
