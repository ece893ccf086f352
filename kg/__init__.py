"""kg: a knowledge-graph builder for Chinese science-and-technology policy texts."""
from __future__ import annotations

__version__ = "0.1.0"
