# expect-stderr: :4:19: error:
# expect-stderr: ':' expected after dictionary key
# expect-exit: 1
config = {"a": 1, "b"}
