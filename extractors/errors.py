"""The one error type the project raises for problems a user can fix."""
from __future__ import annotations


class KgError(Exception):
    """A problem with input, configuration or a backend, worded for the user.

    The CLI prints ``Error: <message>`` and exits non-zero; it never prints a traceback for these.
    ``param`` names the library parameter the problem is about (``window``, ``user``, ``database``
    ...), so a front end can point at its own name for it (the CLI adds the option, ``--window``);
    messages never name command-line options themselves.
    """

    def __init__(self, message: str = "", *, param: str | None = None):
        super().__init__(message)
        self.param = param

    def __reduce__(self):  # picklable with its parameter (errors travel back from worker processes)
        return _rebuild, (type(self), self.args, self.__dict__)


class ReadError(KgError):
    """A file that cannot be read: names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        return ReadError, (self.path, self.reason)


class LexiconError(KgError):
    """An invalid lexicon row or a conflict between entries: names file, line and reason."""


class UnknownNameError(KgError):
    """A name that no entity (or source document) has, where a query or helper needs one: names the
    parameter (``param``), what was given (``name``) and the nearest known names (``suggestions``,
    best first, each one a name that would be accepted)."""

    def __init__(self, message: str, *, param: str | None, name: str, suggestions: tuple[str, ...] = ()):
        super().__init__(message, param=param)
        self.name = name
        self.suggestions = tuple(suggestions)


def _rebuild(cls, args, state):
    exc = cls.__new__(cls)
    Exception.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc
