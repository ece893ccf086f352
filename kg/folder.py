"""Reading an output folder of ``kg build`` back as a whole: its tables as DataFrames and its graph.

The one reader of the folder for the notebook API and the query twins (the Neo4j loader reads the same
tables as typed rows, ``kg.tables``). Tables come through ``kg.tables.read_table``, the graph from
``graph.json`` (networkx node-link JSON, the format ``kg.export.jsonfile`` writes); all of them
are checked first against the folder's build stamp (``kg.stamp``), so files of two builds are
never read as one graph.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from extractors.errors import KgError
from kg.export.jsonfile import read_json
from kg.stamp import check_stamp
from kg.tables import DOCUMENTS, ENTITIES, MENTIONS, RELATIONS, read_table

GRAPH = "graph.json"


@dataclass(frozen=True)
class OutputFolder:
    path: Path
    entities: pd.DataFrame
    relations: pd.DataFrame
    mentions: pd.DataFrame
    documents: pd.DataFrame
    graph: nx.Graph


def read_folder(path: str | os.PathLike, *, verify: bool = True) -> OutputFolder:
    """The tables and the graph of an output folder. Raises KgError naming what is missing or
    unreadable, or (with ``verify``) a file the build stamp does not vouch for."""
    folder = Path(path)
    if not folder.is_dir():
        raise KgError(f"{folder}: no such folder; give the output folder of `kg build`")
    graph_path = folder / GRAPH
    if not graph_path.is_file():
        raise KgError(f"{graph_path}: missing; is {folder} the output folder of `kg build`?")
    if verify:
        check_stamp(folder, [ENTITIES, RELATIONS, MENTIONS, DOCUMENTS, GRAPH])  # all from one build
    tables = {name: read_table(folder, name) for name in (ENTITIES, RELATIONS, MENTIONS, DOCUMENTS)}
    return OutputFolder(folder, tables[ENTITIES], tables[RELATIONS], tables[MENTIONS], tables[DOCUMENTS],
                        read_json(graph_path))
