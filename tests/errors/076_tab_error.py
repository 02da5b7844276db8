# expect-stderr: .py:7:
# expect-stderr: error: inconsistent use of tabs and spaces in indentation
# expect-exit: 1
flag = True
if flag:
	x = 1
        y = 2
print(x, y)
