# Memory channel _nowait forms, statistics, and the errors: WouldBlock,
# EndOfChannel, ClosedResourceError, BrokenResourceError
import trio


async def main():
    send, receive = trio.open_memory_channel(2)
    send.send_nowait("first")
    send.send_nowait("second")
    try:
        send.send_nowait("third")
    except trio.WouldBlock:
        print("send_nowait on a full buffer: WouldBlock")
    stats = send.statistics()
    print("buffer used:", stats.current_buffer_used, "of", stats.max_buffer_size)
    print(receive.receive_nowait(), receive.receive_nowait())
    try:
        receive.receive_nowait()
    except trio.WouldBlock:
        print("receive_nowait on an empty buffer: WouldBlock")

    send.send_nowait("last words")
    send.close()
    print("buffered item survives close:", receive.receive_nowait())
    try:
        receive.receive_nowait()
    except trio.EndOfChannel:
        print("then EndOfChannel")
    try:
        send.send_nowait("x")
    except trio.ClosedResourceError:
        print("send on our own closed end: ClosedResourceError")

    send2, receive2 = trio.open_memory_channel(1)
    receive2.close()
    try:
        send2.send_nowait("x")
    except trio.BrokenResourceError:
        print("send when every receiver is closed: BrokenResourceError")
    try:
        await receive2.receive()
    except trio.ClosedResourceError:
        print("receive on a closed receiver: ClosedResourceError")

    send3, receive3 = trio.open_memory_channel(0)
    try:
        send3.send_nowait(1)
    except trio.WouldBlock:
        print("rendezvous channel with no waiting receiver: WouldBlock")
    print("stats:", send3.statistics())
    for exc in (trio.WouldBlock, trio.EndOfChannel, trio.ClosedResourceError, trio.BrokenResourceError):
        print(exc.__name__, "base:", exc.__mro__[1].__name__)
    await send3.aclose()
    await send3.aclose()
    print("closing twice is fine")


trio.run(main)
