import sys
try:
    print("a\ud800b")
except UnicodeEncodeError as e:
    print(e)
try:
    sys.stdout.write("x\udfffy")
except UnicodeEncodeError as e:
    print(e)
print("ok \u00e9\U0001f600")
