# if __name__ == "__main__": guard and module-level flow
print("module level start, __name__ =", __name__)

def helper(x):
    return x * 2

def main():
    print("in main")
    results = [helper(i) for i in range(5)]
    print("results:", results)
    return sum(results)

def unused():
    print("this should never print")

class App:
    name = "demo"

    def run(self, args):
        print(f"{self.name} running with {args}")
        return len(args)

if __name__ == "__main__":
    total = main()
    print("total:", total)
    app = App()
    print("exit code:", app.run(["--verbose", "-n", "3"]))
else:
    print("imported, not run")

if __name__ != "__main__":
    print("never")
elif __name__ == "__main__" and True:
    print("elif branch under main")
print(__name__ == "__main__", type(__name__).__name__, len(__name__))
print("module level end")
