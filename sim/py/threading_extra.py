# threading's second Python part (the first is threading.py): Timer and
# excepthook, run the first time a program asks the module for a name it
# lacks, so `import threading` costs no more for them.  Its functions see
# the threading module's dict as their globals.
class Timer(Thread):
    # CPython's Timer: a Thread (named Thread-N like any other) that waits
    # on its `finished` Event for the interval, then calls the function
    # unless cancel() set the event first.
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _traceback:
    # The simulator keeps no traceback objects; an excepthook gets this
    # stand-in so `args.exc_traceback is not None` holds, as in CPython.
    tb_frame = None
    tb_next = None

    def __init__(self, lineno):
        self.tb_lineno = lineno


class ExceptHookArgs:
    # CPython's _thread._ExceptHookArgs (a 4-field struct sequence)
    __module__ = "_thread"

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)[i]

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % (self.exc_type, self.exc_value, self.exc_traceback, self.thread))


def __excepthook__(args):
    # the default hook: SystemExit ends a thread silently; anything else
    # prints "Exception in thread NAME:" and the traceback on stderr
    if args.exc_type is SystemExit:
        return
    _print_exception("Exception in thread %s:" % args.thread.name, args.exc_value)


__excepthook__.__name__ = "_excepthook"
__excepthook__.__qualname__ = "_excepthook"
try:
    excepthook
except NameError:
    # (the program may have set threading.excepthook before this part ran)
    excepthook = __excepthook__


def _invoke_excepthook(exc):
    # called by the simulator, on the thread whose run() raised exc, when
    # the program replaced threading.excepthook (the default is done in C)
    hook = excepthook
    if hook is None:
        hook = __excepthook__
    try:
        hook(ExceptHookArgs(type(exc), exc, _traceback(0), current_thread()))
    except Exception as e:
        e.__suppress_context__ = True
        _print_exception("Exception in threading.excepthook:", e)
