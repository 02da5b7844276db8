# expect-stderr: :5:8: error:
# expect-stderr: unterminated string literal
# expect-exit: 1
greeting = "hi"
name = "hello
print(greeting, name)
