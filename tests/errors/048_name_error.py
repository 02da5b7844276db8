# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in report
# expect-stderr: NameError: name 'undefined_var' is not defined
# expect-exit: 1
def report():
    print("reporting")
    print(undefined_var)

report()
