"""The sandbox, tested: the escape routes a clever learner would try.

A scenario is Python, but the simulator gives it no host: no files, no
processes of the machine, no environment, no way to compile code at run
time or to reach the interpreter's internals.  Each case below tries one
route and must fail with a clear message (a load-time `file:line:col:
error:`, or a Python exception at run time), exit 1, and leave the host
untouched: the test's directory holds a file `keep` that must survive and
no file `pwned` may appear; the host's environment (a marker variable set
for the run) must not show up in the output.

  sandbox/NAME   one route each (the list below)"""
import os
import re
import shutil
import tempfile

MARK = "il_sandbox_marker_5cd1"

# (name, program, pattern the error must match); {d} is the test's directory
CASES = [
    ("open", 'open("{d}/pwned", "w").write("x")\n', r"'open' is not supported .*cannot touch the host's files"),
    ("io_open", 'import io\nio.open("{d}/pwned", "w")\n', r"error: 'io.open' is not supported"),
    ("dunder_import", '__import__("os").system("touch {d}/pwned")\n', r"'__import__' is not supported"),
    ("exec", 'exec("open(\'{d}/pwned\', \'w\')")\n', r"'exec' is not supported .*compiled at run time"),
    ("eval", 'eval("1 + 1")\n', r"'eval' is not supported"),
    ("compile", 'compile("1", "x", "eval")\n', r"'compile' is not supported"),
    ("os_system", 'import os\nos.system("touch {d}/pwned")\n', r":2:4: error: 'os.system' is not supported"),
    ("getattr_os_system", 'import os\ngetattr(os, "sys" + "tem")("touch {d}/pwned")\n',
     r"AttributeError: module 'os' has no attribute 'system'"),
    ("from_os_import", 'from os import system\nsystem("touch {d}/pwned")\n', r"error: .*system"),
    ("os_remove", 'import os\nos.remove("{d}/keep")\n', r"'os.remove' is not supported"),
    ("os_listdir", 'import os\nprint(os.listdir("/"))\n', r"'os.listdir' is not supported"),
    ("os_environ", 'import os\nprint(os.environ)\n', r"'os.environ' is not supported"),
    ("os_getenv", 'import os\nprint(os.getenv("IL_SANDBOX_TEST"))\n', r"'os.getenv' is not supported"),
    ("subprocess", 'import subprocess\nsubprocess.run(["touch", "{d}/pwned"])\n',
     r"module 'subprocess' is not available in the simulator"),
    ("ctypes", 'import ctypes\n', r"module 'ctypes' is not available"),
    ("socket", 'import socket\n', r"module 'socket' is not available"),
    ("sys_modules", 'import sys\nprint(sys.modules)\n', r"'sys.modules' is not supported"),
    ("sys_getframe", 'import sys\nprint(sys._getframe())\n', r"'sys._getframe' is not supported"),
    ("builtins_name", 'print(__builtins__)\n', r"NameError: name '__builtins__' is not defined"),
    ("builtins_module", 'import builtins\nf = getattr(builtins, "open", None) or getattr(builtins, "__import__", None)\n'
     'print(f)\nf("{d}/pwned", "w")\n', r"TypeError: 'NoneType' object is not callable"),
    ("globals", 'print(globals()["__builtins__"])\n', r"'globals' is not supported"),
    ("subclasses", 'print(object.__subclasses__())\n',
     r"AttributeError: type object 'object' has no attribute '__subclasses__'"),
    ("func_globals", 'def f():\n    pass\nprint(f.__globals__)\n', r"(AttributeError|error).*__globals__"),
    ("func_code", 'def f():\n    pass\nc = f.__code__\nprint(c.co_consts)\n', r"(AttributeError|error).*__code__"),
    ("gen_frame", 'def g():\n    yield 1\nprint(g().gi_frame.f_globals)\n',
     r"AttributeError: 'generator' object has no attribute 'gi_frame'"),
    ("traceback_frame", 'try:\n    1 / 0\nexcept Exception as e:\n    print(e.__traceback__.tb_frame.f_globals)\n',
     r"AttributeError: .*tb_frame"),
    ("input", 'print(input())\n', r"'input' is not supported .*cannot read the terminal"),
    ("breakpoint", 'breakpoint()\n', r"'breakpoint' is not supported"),
    ("mp_host_process", 'import multiprocessing, os\n'
     'p = multiprocessing.Process(target=os.system, args=("touch {d}/pwned",))\np.start()\np.join()\n',
     r"'os.system' is not supported"),
]


def run(ctx):
    items = [(f"sandbox/{n}", src, pat) for n, src, pat in CASES if ctx.wanted(f"sandbox/{n}")]

    def one(item):
        name, src, pat = item
        d = tempfile.mkdtemp()
        try:
            keep = os.path.join(d, "keep")
            with open(keep, "w") as f:
                f.write("keep\n")
            path = os.path.join(d, name.split("/")[1] + ".py")
            with open(path, "w") as f:
                f.write(src.replace("{d}", d))
            env = dict(ctx.env, IL_SANDBOX_TEST=MARK)
            code, out, err = ctx.run([ctx.bin, "run", "-q", path], stdin=b"typed\n", timeout=60, env=env)
            rep = ctx.sanitizer_report(err)
            if rep:
                return name, False, rep
            if code != 1:
                return name, False, f"exit {code}, expected 1\nstdout: {out[-300:]}\nstderr: {err[-500:]}"
            if not re.search(pat, err):
                return name, False, f"expected /{pat}/ in stderr:\n{err[-800:]}"
            if os.path.exists(os.path.join(d, "pwned")) or not os.path.exists(keep):
                return name, False, f"the host was touched: {sorted(os.listdir(d))}"
            if MARK in out or MARK in err:
                return name, False, "the host's environment reached the program"
            return name, True, ""
        finally:
            shutil.rmtree(d, ignore_errors=True)

    ctx.parallel(items, one)
