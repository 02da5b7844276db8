# expect-stderr: :5:1: error:
# expect-stderr: 'match' statements are not supported by the simulator
# expect-exit: 1
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("?")
