# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 14, in load
# expect-stderr: The above exception was the direct cause of the following exception:
# expect-stderr: KeyError: 'port'
# expect-stderr: ConfigError: port not configured
# expect-exit: 1
class ConfigError(Exception):
    pass

def load(settings):
    try:
        return settings["port"]
    except KeyError as e:
        raise ConfigError("port not configured") from e

load({"host": "x"})
