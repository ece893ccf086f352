"""What the command line needs to know of ``kg query`` before it runs one: the output formats and the
default output folder (no import of the query library, the notebook API or the Neo4j driver, so that
``kg build`` starts without them)."""
from __future__ import annotations

#: Output formats of ``kg query``.
FORMATS = ("table", "json", "csv")
#: The output folder ``kg query`` reads when none is given.
DEFAULT_OUT = "out"
