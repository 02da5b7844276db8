# expect-stderr: :7:1: error:
# expect-stderr: 'return' outside function
# expect-exit: 1
total = 0
for i in range(3):
    total += i
return total
