# expect-stderr: :9:5: error:
# expect-stderr: cannot have both 'except' and 'except*' on the same 'try'
# expect-exit: 1
def check():
    try:
        raise ValueError("x")
    except* ValueError:
        print("caught")
    except TypeError:
        print("never")

check()
