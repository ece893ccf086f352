"""The Bolt client: connection settings, the driver, and messages a user can act on.

The only module (with the loader and the query runner that use it) that touches the network, and
only when a URI was given. The password is only ever passed to the driver: it is never printed,
logged or put in a message; messages are scrubbed of it in case a server echoes it.
"""
from __future__ import annotations

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
    """An official ``neo4j`` driver for ``uri`` (connections time out after 10 s)."""
    from neo4j import GraphDatabase

    return GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10.0, max_connection_pool_size=pool)


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


def describe(exc: BaseException, *, uri: str, user: str, database: str, action: str = "load") -> tuple[str, str | None]:
    """A message a user can act on for a driver or server error during a ``load`` or a ``query``, and
    the parameter it is about (``user``, ``database``, ``uri`` or None). The message never holds the
    password unless the server echoed it: pass it through ``scrub``."""
    from neo4j import exceptions as ne

    code = getattr(exc, "code", None) or ""
    server_message = getattr(exc, "message", None) or ""
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
        return f"cannot reach a Neo4j server at {uri} ({_reason(exc)}); is it running, and is the URI right?", "uri"
    if isinstance(exc, ne.Neo4jError):
        first = (server_message or str(exc)).strip().splitlines()[0] if (server_message or str(exc)).strip() else ""
        return f"Neo4j refused the {action} at {uri} (database {database!r}): {code or type(exc).__name__}: {first[:300]}", None
    if isinstance(exc, ne.DriverError):
        return f"the Neo4j driver failed talking to {uri}: {type(exc).__name__}: {_reason(exc)}", None
    doing = "loading into" if action == "load" else "querying"
    return f"{doing} Neo4j at {uri} failed: {type(exc).__name__}: {_reason(exc)}", None


def _reason(exc: BaseException) -> str:
    text = str(exc)
    m = re.search(r"reason (.+?)\)?$", text, re.S)
    if m:
        return m.group(1).strip()
    text = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return text[:200]


def scrub(message: str, password: str | None) -> str:
    if password:
        message = message.replace(password, "***")
    return message
