# expect-stderr: :6:1: error:
# expect-stderr: expected an indented block after 'if' statement on line 5
# expect-exit: 1
count = 3
if count > 2:
print("many")
