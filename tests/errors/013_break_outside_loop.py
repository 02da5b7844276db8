# expect-stderr: :7:5: error:
# expect-stderr: 'break' outside loop
# expect-exit: 1
x = 10
if x > 5:
    print("big")
    break
