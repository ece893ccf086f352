"""The Bolt client: connection settings, the driver, and messages a user can act on.

The only module (with the loader and the query runner that use it) that touches the network, and
only when a URI was given. The password is only ever passed to the driver: it is never printed,
logged or put in a message. What a server or the driver says is put in a message only after
``scrub`` has hidden the password in it, in case a server echoes it (see ``scrub`` for how).

The driver is made quiet: the server sends it no notifications ("the property `corpus` does not
exist" on a new database, which the driver would log), and its log records (retries, lost
connections) go to a ``NullHandler`` unless the application configured logging, so a command
prints only its own lines.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

from extractors.errors import KgError

URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
#: Environment variables read by ``Connection.from_env`` (the CLI's defaults).
ENV_URI, ENV_USER, ENV_PASSWORD, ENV_DATABASE = "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"


# --- connection settings ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Connection:
    """Where to load: URI, user, database, and the password (never shown by ``repr``)."""

    uri: str
    user: str = DEFAULT_USER
    database: str = DEFAULT_DATABASE
    password: str = field(default="", repr=False)

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                 environ: Mapping[str, str] = os.environ) -> "Connection":
        """Options given explicitly win; otherwise NEO4J_URI, NEO4J_USER (default neo4j) and
        NEO4J_DATABASE (default neo4j). The password comes only from NEO4J_PASSWORD."""
        uri = uri or environ.get(ENV_URI)
        if not uri:
            raise KgError(f"no Neo4j URI: give one (e.g. bolt://localhost:7687) or set {ENV_URI}", param="uri")
        password = environ.get(ENV_PASSWORD)
        if password is None:
            raise KgError(f"set the Neo4j password in the environment variable {ENV_PASSWORD} "
                          "(it is never taken from the command line)")
        return cls(uri=uri, user=user or environ.get(ENV_USER) or DEFAULT_USER,
                   database=database or environ.get(ENV_DATABASE) or DEFAULT_DATABASE, password=password)


def driver(uri: str, user: str, password: str, *, pool: int = 4):
    """An official ``neo4j`` driver for ``uri`` (connections time out after 10 s), asking the server
    for no notifications, its log records kept from the terminal (see the module docstring)."""
    from neo4j import GraphDatabase

    quiet_driver_logs()
    return GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10.0, max_connection_pool_size=pool,
                                notifications_min_severity="OFF")


def quiet_driver_logs() -> None:
    """Give the driver's logger a ``NullHandler``: without any handler, Python's last-resort handler
    prints its warnings ("Transaction failed and will be retried", "Received notification ...") on
    stderr. An application that configured logging still receives them (they propagate)."""
    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


# --- messages ---------------------------------------------------------------------------------------------

def check_uri(uri: str) -> None:
    """Refuse what is not a Bolt/Neo4j URI with a host, and any URI holding a user or password."""
    try:
        parts = urlsplit(uri)
        has_userinfo = "@" in parts.netloc
        host = parts.hostname
    except ValueError:
        raise KgError("the Neo4j URI is not a valid URI (expected e.g. bolt://localhost:7687)", param="uri") from None
    if has_userinfo:
        raise KgError(f"the Neo4j URI must not hold a user or password: give the user on its own (or in {ENV_USER}) "
                      f"and the password in {ENV_PASSWORD}", param="user")
    if parts.scheme not in URI_SCHEMES or not host:
        shown = uri if len(uri) <= 80 else uri[:77] + "..."
        raise KgError(f"{shown!r} is not a Neo4j URI: expected {', '.join(s + '://' for s in URI_SCHEMES[:2])} "
                      f"or {', '.join(s + '://' for s in URI_SCHEMES[3:5])} and a host, e.g. bolt://localhost:7687",
                      param="uri")


def describe(exc: BaseException, *, uri: str, user: str, database: str, action: str = "load",
             password: str | None = None) -> tuple[str, str | None]:
    """A message a user can act on for a driver or server error during a ``load`` or a ``query``, and
    the parameter it is about (``user``, ``database``, ``uri`` or None). What the server or the
    driver said is scrubbed of ``password`` (see ``scrub``); the URI, user and database put in the
    message here are the user's own settings and shown as given."""
    from neo4j import exceptions as ne

    code = getattr(exc, "code", None) or ""
    host = _host(uri)
    keep = tuple(k for k in (uri, host, user, database) if k)

    def said(text: str) -> str:
        return scrub(text, password, keep=keep)

    server_message = said(getattr(exc, "message", None) or "")
    if isinstance(exc, ne.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return (f"authentication failed at {uri} for user {user!r}: check the user (or {ENV_USER}) "
                f"and the password in {ENV_PASSWORD}"), "user"
    if "AuthenticationRateLimit" in code:
        return f"too many failed logins at {uri} for user {user!r}; wait and check the password in {ENV_PASSWORD}", "user"
    if code.endswith(("DatabaseNotFound", "DatabaseUnavailable")) or "database does not exist" in server_message.lower():
        return (f"database {database!r} does not exist or is not available at {uri}: create it first "
                f"(Neo4j Enterprise: CREATE DATABASE {database}; Community has only 'neo4j') "
                f"or name another database (or set {ENV_DATABASE})"), "database"
    if code.startswith("Neo.ClientError.Security.Forbidden") or isinstance(exc, ne.Forbidden):
        return f"user {user!r} may not {'write to' if action == 'load' else 'read'} database {database!r} at {uri}", "user"
    if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        return f"cannot reach a Neo4j server at {uri} ({said(_reason(exc))}); is it running, and is the URI right?", "uri"
    if isinstance(exc, ne.Neo4jError):
        text = server_message or said(str(exc))
        first = text.strip().splitlines()[0] if text.strip() else ""
        return f"Neo4j refused the {action} at {uri} (database {database!r}): {code or type(exc).__name__}: {first[:300]}", None
    if isinstance(exc, ne.DriverError):
        return f"the Neo4j driver failed talking to {uri}: {type(exc).__name__}: {said(_reason(exc))}", None
    doing = "loading into" if action == "load" else "querying"
    return f"{doing} Neo4j at {uri} failed: {type(exc).__name__}: {said(_reason(exc))}", None


def _host(uri: str) -> str:
    try:
        return urlsplit(uri).hostname or ""
    except ValueError:
        return ""


def _reason(exc: BaseException) -> str:
    text = str(exc)
    m = re.search(r"reason (.+?)\)?$", text, re.S)
    if m:
        return m.group(1).strip()
    text = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return text[:200]


#: A password of this many characters or more is hidden wherever its text occurs in what a server or
#: the driver said; a shorter one only where it stands alone (see ``scrub``).
MIN_SECRET = 8
_WORD = re.compile(r"\w")


def scrub(text: str, password: str | None, *, keep: tuple[str, ...] = ()) -> str:
    """``text`` (what a server or the driver said) with ``password`` hidden as ``***``.

    Replacing every occurrence of the password's text garbles messages when the password is short
    or common: with the password ``neo4j`` a URI ``neo4j://host`` read ``***://host``, with ``x`` a
    host ``nonexistent.invalid`` read ``none***istent.invalid``. What is hidden instead:

    - never an occurrence inside one of ``keep`` (the URI, host, user and database the user gave):
      those are shown in the message anyway, so hiding the same text there protects nothing;
    - an occurrence that stands alone (no letter, digit or ``_`` joined to it on either side), as
      an echoed password does (``password=hunter2``, ``'hunter2'``, ``neo4j:hunter2@``);
    - an occurrence inside a longer word only if the password has ``MIN_SECRET`` characters or
      more: a short text such as ``x`` or ``neo4j`` occurs inside words by chance, a long one does
      not, so there it can only be an echo.

    What could still show: a password shorter than ``MIN_SECRET`` echoed glued to other letters,
    or echoed where the user's own URI, user or database (the same text) stands. Neo4j and its
    driver do not echo passwords at all (this is a second line of defence), and such a password
    is too short or too public (equal to the user name) to be a secret.
    """
    if not password or password not in text:
        return text
    kept = [(m.start(), m.end()) for k in keep if k for m in re.finditer(re.escape(k), text)]
    out, last, n = [], 0, len(password)
    for m in re.finditer(re.escape(password), text):
        i, j = m.start(), m.end()
        if i < last or any(a <= i and j <= b for a, b in kept):
            continue
        glued = (i > 0 and _WORD.match(text[i - 1]) and _WORD.match(password[0])) or (
            j < len(text) and _WORD.match(text[j]) and _WORD.match(password[-1]))
        if glued and n < MIN_SECRET:
            continue
        out.append(text[last:i] + "***")
        last = j
    return "".join(out) + text[last:]
