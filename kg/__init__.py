"""kg: a knowledge-graph builder for Chinese science-and-technology policy texts.

In a notebook: ``import kg; g = kg.load("out/")`` (see ``kg.notebook``).
"""
from __future__ import annotations

from extractors.errors import KgError, UnknownNameError  # noqa: F401  (what a notebook catches)

__version__ = "0.1.0"


def load(path):
    """Load the output folder of ``kg build`` as a ``kg.notebook.KnowledgeGraph``."""
    from kg.notebook import load as _load

    return _load(path)
