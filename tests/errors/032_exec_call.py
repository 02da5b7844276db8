# expect-stderr: :5:5: error:
# expect-stderr: 'exec' is not supported by the simulator
# expect-exit: 1
def run():
    exec("x=1")

run()
