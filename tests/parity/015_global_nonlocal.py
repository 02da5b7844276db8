# global and nonlocal scoping
counter = 0
name = "module"
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def shadow():
    name = "local"
    return name
print(shadow(), name)
def read_global():
    return name.upper()
print(read_global())
def set_new_global():
    global created
    created = "I was created inside"
set_new_global()
print(created)
def outer():
    value = 1
    def change():
        nonlocal value
        value *= 10
    for _ in range(3):
        change()
    return value
print(outer())
def levels():
    a = "L1"
    def l2():
        nonlocal a
        a = a + "-L2"
        def l3():
            nonlocal a
            a = a + "-L3"
        l3()
    l2()
    return a
print(levels())
def unbound():
    try:
        print(undefined_variable)
    except NameError as e:
        print(type(e).__name__, e)
unbound()
def local_before_assign():
    try:
        print(counter_x)
    except NameError as e:
        print(type(e).__name__, e)
    counter_x = 5
    return counter_x
print(local_before_assign())
total = 0
for i in range(5):
    total += i
print(total, i)
