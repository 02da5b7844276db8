r"""
title: Loaded twice
cores: 1
goal: stdout contains "loading settings\nloading settings"
hint: get_settings() loads the settings only when nobody has yet.  When does a thread find that out, and when does it store them?
hint: Switch to the other thread at the call to load(), before the first thread has stored the result.
explain: `if settings is None: settings = load()` checks, then calls load(), and only stores its result when load() returns.  A thread that checks in between still sees None and loads again: the expensive work runs twice, and two different objects are handed out.
explain: Guard the check and the store with a lock (and check again inside it), or load before the threads start.

Two threads need the program's settings, and whoever asks first loads
them.  Loading is slow, so it must happen only once.  Make it happen
twice.
"""
import threading

settings = None


def load():
    print("loading settings")
    return {"colour": "blue"}


def get_settings():
    global settings
    if settings is None:
        settings = load()
    return settings


def worker():
    print("colour:", get_settings()["colour"])


ts = [threading.Thread(target=worker) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
