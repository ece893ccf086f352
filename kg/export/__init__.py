"""Exporters: one module per format, each taking the graph (never mutating it) and a path.

Every exporter writes through ``kg.files.atomic_text`` (a temporary file renamed into place) and
raises ``ExportError`` (a ``KgError``) whatever its backend raised.
"""
from __future__ import annotations

import re

from kg.tables import LIST_SEPARATOR

# XML 1.0 forbids these (Gephi aborts the import on one)
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: str) -> str:
    return _XML_FORBIDDEN.sub("", value)


def flat(value) -> str | int | float | bool:
    """A scalar for formats without lists: lists joined with ' | ', None as ''."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={flat(v)}" for k, v in sorted(value.items()))
    return value
