"""The one error type the project raises for problems a user can fix."""
from __future__ import annotations


class KgError(Exception):
    """A problem with input, configuration or a backend, worded for the user.

    The CLI prints ``Error: <message>`` and exits non-zero; it never prints a traceback for these.
    """


class ReadError(KgError):
    """A file that cannot be read: names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LexiconError(KgError):
    """An invalid lexicon row or a conflict between entries: names file, line and reason."""
