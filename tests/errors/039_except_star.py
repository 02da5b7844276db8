# expect-stderr: :7:11: error:
# expect-stderr: is not supported by the simulator
# expect-exit: 1
def check():
    try:
        raise ValueError("x")
    except* ValueError:
        print("caught")

check()
