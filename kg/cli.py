"""The ``kg`` command: parses arguments, calls one library function, reports errors.

Exit status: 0 when everything was processed, 1 on an error that stopped the command
(``Error: ...``), 2 when the command finished but some input files were skipped.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
import threading
import time
from typing import Sequence

from extractors.errors import KgError, ReadError
from extractors.normalize import LAYOUTS
from extractors.records import DATE_SOURCES
from kg.candidates import CandidateOptions
from kg.cooccurrence import MAX_SENTENCE_ENTITIES, WINDOWS
from kg.graph import GraphOptions
from kg.terminal import FORMATS as MENTION_FORMATS
from kg.timeline import TimeOptions
from queries.options import DEFAULT_OUT, FORMATS

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 2


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicon", action="append", default=[], metavar="PATH",
        help="an extra lexicon file (TSV: name, type, aliases, category; see extractors/lexicon/README.md); repeatable",
    )
    p.add_argument("--no-builtin-lexicon", action="store_true", help="use only the lexicon files given with --lexicon")
    p.add_argument(
        "--stoplist", action="append", default=[], metavar="FILE",
        help="names, forms (form:TEXT) or categories (category:media-source) to keep out of the mentions and the "
        "graph, one a line (see extractors/lexicon/README.md); repeatable",
    )
    p.add_argument("--no-rules", action="store_true", help="lexicon matches only (no rule-based extraction)")
    p.add_argument(
        "--layout", choices=LAYOUTS, default="auto",
        help="how to read line structure: 'pdf' joins lines broken by a PDF extraction and removes layout "
        "spaces, 'lines' keeps one paragraph per line, 'auto' (default) decides per document",
    )


_NEO4J_BEHAVIOUR = (
    "The password is read from the environment variable NEO4J_PASSWORD only; NEO4J_URI, NEO4J_USER "
    "and NEO4J_DATABASE give the defaults of the other settings. Loading the same folder again "
    "updates it in place (no duplicates). Each load is a corpus, named after OUT unless --corpus is "
    "given: entities are shared between corpora (their 'corpora' property lists the corpora that "
    "loaded them); relationships and source documents belong to their corpus. Without --replace a "
    "load only adds and updates (what a rebuild dropped stays); with --replace, what the earlier load "
    "of that corpus put there is removed first (its relationships and source documents, and the "
    "entities no other corpus loaded), so the database holds exactly the new build."
)


def _add_neo4j_options(p, *, prefix: str, batch_size: bool = False) -> None:
    p.add_argument(f"--{prefix}user", dest="neo4j_user", metavar="USER",
                   help="the Neo4j user (default: $NEO4J_USER, else neo4j)")
    p.add_argument(f"--{prefix}database", dest="neo4j_database", metavar="NAME",
                   help="the database to load into; it must exist (default: $NEO4J_DATABASE, else neo4j)")
    p.add_argument("--corpus", metavar="NAME",
                   help="the corpus name the load is recorded under (default: the name of the OUT folder)")
    p.add_argument("--replace", action="store_true",
                   help="first remove what the earlier load of this corpus put in the database")
    if batch_size:
        p.add_argument("--batch-size", type=int, default=None, metavar="N",
                       help="rows per transaction (default 1000)")


class _IntermixedParser(argparse.ArgumentParser):
    """A subcommand parser whose positionals may come on either side of its options
    (``kg query NAME --param k=v OUT``); plain argparse takes the positionals of the first run only."""

    _inner = False

    def parse_known_args(self, args=None, namespace=None):
        if self._inner:
            return super().parse_known_args(args, namespace)
        self._inner = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inner = False


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graphs from Chinese science-and-technology policy texts.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "extract", help="print the entity mentions found in files or folders",
        description="Read files (.txt .md .html .docx .pdf; folders recursively), normalise them and print "
        "every entity mention with its offsets: into a plain-text file as written, into the normalised text "
        "(see 'kg normalize') for the other formats.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument(
        "--format", choices=MENTION_FORMATS, default="table",
        help="jsonl: one JSON object per mention; table: a readable table; summary: entities per type",
    )
    _add_input_options(p)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser(
        "build", help="build the knowledge graph and write it as files (and to Neo4j with --neo4j)",
        description="Read files or folders, extract entities and relations, and write to OUT: graph.graphml "
        "and graph.gexf (Gephi), graph.json (networkx), entities.csv, relations.csv, mentions.csv, "
        "evidence.csv, documents.csv (pandas, Excel), index.html (an offline interactive view) and neo4j/ "
        "(neo4j-admin import files and load.cypher). Same input, byte-identical output.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder (created if missing)")
    _add_input_options(p)
    p.add_argument(
        "--window", choices=WINDOWS, default="sentence",
        help="the unit two entities must share to co-occur (default: sentence)",
    )
    p.add_argument("--max-sentence-entities", type=int, default=MAX_SENTENCE_ENTITIES, metavar="N",
                   help="a sentence naming more than N entities is a list (a roll call, the members elected): its "
                        f"entities count as mentioned but do not co-occur through it (default {MAX_SENTENCE_ENTITIES}; "
                        "0: no limit)")
    p.add_argument("--min-count", type=int, default=GraphOptions.min_count, metavar="N",
                   help=f"keep co-occurrence edges seen in at least N units (default {GraphOptions.min_count})")
    p.add_argument("--min-npmi", type=float, default=GraphOptions.min_npmi, metavar="X",
                   help=f"keep edges with NPMI at least X, in [-1, 1] (default {GraphOptions.min_npmi:g})")
    p.add_argument("--top-k", type=int, default=GraphOptions.top_k, metavar="K",
                   help="keep an edge only if it is among the K strongest (NPMI) of one of its nodes; 0 keeps all "
                   f"(default {GraphOptions.top_k})")
    p.add_argument("--workers", type=_workers, default="auto", metavar="N",
                   help=f"processes analysing documents in parallel (default auto: one per core, at most {MAX_AUTO_WORKERS}, "
                        f"here {auto_workers()}); the output is identical for any N")
    p.add_argument("--date-from", choices=("auto", *DATE_SOURCES), default="auto", metavar="SOURCE",
                   help="where document dates come from: auto (default: the manifest, then front matter, the title or "
                   "dateline, the file and folder names, then HTML, DOCX or PDF metadata; disagreements are reported) "
                   f"or one source alone: {', '.join(DATE_SOURCES)}")
    p.add_argument("--slice", choices=("auto", "year", "quarter", "month", "none"), default="auto",
                   help="time slices for counts per period and bursts: auto (default: the coarsest of year, quarter and "
                   "month giving at least twelve periods), year, quarter, month, or none")
    p.add_argument("--burst-s", type=float, default=TimeOptions.burst_s, metavar="S",
                   help=f"burst detection: a burst is S times the entity's base rate of documents (default {TimeOptions.burst_s:g})")
    p.add_argument("--burst-gamma", type=float, default=TimeOptions.burst_gamma, metavar="G",
                   help=f"burst detection: the cost of entering a burst, G x ln(slices) (default {TimeOptions.burst_gamma:g})")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="analyse the documents on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                   "every worker must see the input files at the same paths; the output is identical to a local build")
    p.add_argument("--no-html", action="store_true", help="do not write index.html")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    g = p.add_argument_group(
        "loading into Neo4j (only when --neo4j is given)",
        "After writing OUT, load it into a running Neo4j, as 'kg export neo4j OUT' does. "
        + _NEO4J_BEHAVIOUR,
    )
    g.add_argument("--neo4j", metavar="URI", help="load the graph into the Neo4j at URI (e.g. bolt://localhost:7687)")
    _add_neo4j_options(g, prefix="neo4j-")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser(
        "candidates", help="suggest lexicon entries: names the corpus has that no lexicon lists",
        description="Read files or folders and write, best first, the names the texts suggest that no lexicon "
        "(the shipped one and the --lexicon files) lists: quoted terms, names with a policy head (…战略, …工程, "
        "…机制), people, organisations and meetings found by rules, and rare dictionary names standing as words. "
        "Each is ranked by its C-value (termhood) weighted by how often the text marks it as a name. FILE is a "
        "lexicon file: each candidate is a row 'name<TAB>type' with its statistics and two example sentences in "
        "'#' lines above it; keep the rows you accept and pass the file with --lexicon to kg build or kg extract.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--out", required=True, metavar="FILE",
                   help="the candidates file to write (a lexicon file; '-' writes to standard output)")
    p.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                   help="a lexicon file whose entries are known already (not proposed again); repeatable")
    p.add_argument("--no-builtin-lexicon", action="store_true", help="use only the lexicon files given with --lexicon")
    p.add_argument("--stoplist", action="append", default=[], metavar="FILE",
                   help="a stop-list: names and categories never proposed or counted (see extractors/lexicon/README.md); repeatable")
    p.add_argument("--top", type=int, default=CandidateOptions.top, metavar="N",
                   help=f"write the N best candidates; 0 writes all (default {CandidateOptions.top})")
    p.add_argument("--min-count", type=int, default=CandidateOptions.min_count, metavar="N",
                   help=f"propose names seen at least N times (default {CandidateOptions.min_count})")
    p.add_argument("--layout", choices=LAYOUTS, default="auto", help="as for 'kg extract'")
    p.add_argument("--quiet", action="store_true", help="no progress and no summary")
    p.set_defaults(func=_cmd_candidates)

    p = sub.add_parser(
        "export", help="load an output folder into a database (export neo4j)",
        description="Send the output folder of 'kg build' somewhere else.",
    )
    export = p.add_subparsers(dest="target", metavar="TARGET", required=True)
    p = export.add_parser(
        "neo4j", help="load an output folder of 'kg build' into Neo4j over Bolt",
        description="Load the output folder of 'kg build' (its entities.csv, relations.csv, documents.csv "
        "and mentions.csv) into a running Neo4j: uniqueness constraints and name indexes first, then "
        "entities (:Entity plus their type label), source documents, CO_OCCURS and typed relationships and "
        "MENTIONED_IN provenance, in batches. " + _NEO4J_BEHAVIOUR,
    )
    p.add_argument("out", metavar="OUT", help="an output folder of 'kg build'")
    p.add_argument("--uri", metavar="URI", help="the Neo4j to load into (default: $NEO4J_URI)")
    _add_neo4j_options(p, prefix="", batch_size=True)
    p.add_argument("--quiet", action="store_true", help="no progress and no summary")
    p.set_defaults(func=_cmd_export_neo4j)

    p = sub.add_parser(
        "normalize", help="print the normalised text of a file (what offsets refer to)",
        description="Print the normalised text of one file: the text every offset in the output refers to.",
    )
    p.add_argument("path", metavar="FILE")
    p.add_argument("--layout", choices=LAYOUTS, default="auto", help="as for 'kg extract'")
    p.set_defaults(func=_cmd_normalize)

    p = sub.add_parser(
        "query", help="run a ready-made exploration query (queries/) offline over OUT or in Neo4j",
        description="Run one of the exploration queries of queries/ (see 'kg query --list'): its Python twin "
        "over the output folder OUT of 'kg build' (no network), or, with --uri, its Cypher in Neo4j over Bolt "
        "(the database 'kg export neo4j' loaded). Both answer with the same columns and rows. The password is "
        "read from the environment variable NEO4J_PASSWORD only; NEO4J_USER and NEO4J_DATABASE give the "
        "defaults of --user and --database (else neo4j).",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="the query (see --list)")
    p.add_argument("out", nargs="?", default=DEFAULT_OUT, metavar="OUT",
                   help="the output folder of 'kg build' to query offline (default: out/)")
    p.add_argument("--list", action="store_true", help="list the queries with what they answer and their parameters")
    p.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE",
                   help="a parameter of the query, e.g. --param name=新质生产力; repeatable (others keep their defaults)")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default): a readable table, long texts cut; json: a list of objects; csv: with a header, "
                   "text that a spreadsheet would run as a formula (= + - @) behind a single quote")
    p.add_argument("--uri", metavar="URI", help="run the Cypher in the Neo4j at URI (e.g. bolt://localhost:7687) instead of offline")
    p.add_argument("--user", metavar="USER", help="the Neo4j user (with --uri; default: $NEO4J_USER, else neo4j)")
    p.add_argument("--database", metavar="NAME", help="the database (with --uri; default: $NEO4J_DATABASE, else neo4j)")
    p.set_defaults(func=_cmd_query)
    p.__class__ = _IntermixedParser  # NAME and OUT may come before or after the options

    p = sub.add_parser(
        "timeline", help="draw how often entities (or edges) occur per period, as a PNG with Chinese labels",
        description="Draw one figure of several entities over time from the output folder OUT of 'kg build': "
        "documents (or mentions) per day, month, quarter or year, raw or as a share of the period's dated "
        "documents. NAME is a canonical name, alias or id; 'A&B' is the edge between A and B (units where both "
        "occur). Chinese labels need a CJK font (Debian: apt-get install fonts-noto-cjk; or set KG_CJK_FONT to a "
        "font file) and matplotlib (pip install 'kg-policy[figures]').",
    )
    p.add_argument("items", nargs="+", metavar="NAME", help="entities (or A&B for an edge), then OUT")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png", help="the PNG to write")
    p.add_argument("--by", choices=("day", "month", "quarter", "year"), default="month",
                   help="the period length (default: month)")
    p.add_argument("--what", choices=("documents", "mentions"), default="documents",
                   help="documents mentioning it (default) or mentions")
    p.add_argument("--share", action="store_true", help="as a share of the period's dated documents")
    p.add_argument("--table", action="store_true", help="also print the counts as a table")
    p.set_defaults(func=_cmd_timeline)

    p = sub.add_parser(
        "lexicon", help="check your lexicon files against the shipped lexicon (lexicon check)",
        description="Work with user lexicon files (see extractors/lexicon/README.md).",
    )
    lexicon = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = lexicon.add_parser(
        "check", help="validate lexicon files and list what they override in the shipped lexicon",
        description="Validate lexicon files (and stop-lists) without building anything. Prints every invalid row "
        "with its file, line and column and what was expected, every conflict between your rows, and which "
        "built-in entries your rows override: a row that claims a built-in entry's canonical name replaces that "
        "entry (keeping the forms you did not list); a row that claims only some of its other forms takes those "
        "forms away from it. Exits 1 if there is an error, 0 otherwise (overrides are not errors).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="lexicon files (TSV: name, type, aliases, category)")
    p.add_argument("--stoplist", action="append", default=[], metavar="FILE",
                   help="also check a stop-list and show what each of its lines stops; repeatable")
    p.add_argument("--no-builtin-lexicon", action="store_true",
                   help="check the files on their own, not against the shipped lexicon")
    p.set_defaults(func=_cmd_lexicon_check)
    return parser


#: The option of each command that sets a library parameter, for error messages (a library error
#: names the parameter it is about, never an option).
_OPTIONS = {
    "extract": {"paths": "--lexicon", "stoplists": "--stoplist"},
    "candidates": {"top": "--top", "min_count": "--min-count", "paths": "--lexicon", "stoplists": "--stoplist"},
    "build": {"paths": "--lexicon", "stoplists": "--stoplist", "window": "--window", "workers": "--workers",
              "max_sentence_entities": "--max-sentence-entities",
              "scheduler": "--scheduler", "date_from": "--date-from", "slice": "--slice", "burst_s": "--burst-s",
              "burst_gamma": "--burst-gamma",
              "min_npmi": "--min-npmi", "uri": "--neo4j", "user": "--neo4j-user", "database": "--neo4j-database",
              "corpus": "--corpus", "replace": "--replace"},
    "export": {"uri": "--uri", "user": "--user", "database": "--database", "corpus": "--corpus",
               "replace": "--replace", "batch_size": "--batch-size"},
    "query": {"uri": "--uri", "user": "--user", "database": "--database", "params": "--param"},
    "timeline": {"items": "NAME", "by": "--by", "what": "--what"},
    "lexicon": {"stoplists": "--stoplist"},
}


def error_message(exc: KgError, command: str | None) -> str:
    """``Error: <message>``, with the command's option for the parameter the error is about (for a
    parameter of a query, ``--param NAME``)."""
    option = _OPTIONS.get(command or "", {}).get(exc.param or "")
    if option is None and command == "query" and exc.param:
        option = f"--param {exc.param}"
    return f"Error: {exc}" + (f" (option {option})" if option else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(error_message(exc, args.command), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        out = getattr(args, "out", None) if args.command == "build" else None
        print("Interrupted" + (f": {out} is as it was before this build" if out else ""), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _lexicon(args):
    from extractors.lexicon import load_lexicon

    return load_lexicon(args.lexicon, builtin=not args.no_builtin_lexicon, stoplists=args.stoplist)


def _report_skipped(skipped) -> int:
    for err in skipped:
        print(f"Skipped {err}", file=sys.stderr)
    if skipped:
        print(f"{len(skipped)} file(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


#: How many workers ``--workers auto`` starts at most: past four, the serial graph and files dominate.
MAX_AUTO_WORKERS = 4


def auto_workers() -> int:
    """One worker per core this process may use, at most ``MAX_AUTO_WORKERS``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


def _workers(value: str) -> int:
    if value == "auto":
        return auto_workers()
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number or 'auto', not {value!r}") from None


def _cmd_extract(args) -> int:
    from extractors.mentions import ExtractOptions
    from extractors.pipeline import as_written, extract_paths
    from kg.terminal import MentionFormat

    lexicon = _lexicon(args)
    options = ExtractOptions(rules=not args.no_rules)
    shown = MentionFormat(args.format)
    skipped = []
    sys.stdout.write(shown.header())
    for item in extract_paths(args.paths, lexicon, options=options, layout=args.layout):
        if isinstance(item, ReadError):
            skipped.append(item)
        else:
            document, mentions = item
            sys.stdout.write(shown.document(document, as_written(document, mentions)))
            for note in item[0].warnings:  # what reading repaired (control characters dropped, an encoding guessed)
                print(f"Note: {item[0].path}: {note}", file=sys.stderr)
    sys.stdout.write(shown.footer())
    return _report_skipped(skipped)


def _cmd_build(args) -> int:
    from kg.build import BuildOptions, build
    from kg.summary import summary

    connection = None
    if not args.neo4j and (args.corpus or args.replace or args.neo4j_user or args.neo4j_database):
        raise KgError("--corpus, --replace, --neo4j-user and --neo4j-database need --neo4j URI")
    if args.neo4j:  # settings are checked before the build, so a missing password fails at once
        from kg.neo4j.client import Connection, check_uri

        connection = Connection.from_env(args.neo4j, args.neo4j_user, args.neo4j_database)
        check_uri(connection.uri)
    lexicon = _lexicon(args)
    options = BuildOptions(
        window=args.window,
        max_sentence_entities=args.max_sentence_entities,
        rules=not args.no_rules,
        layout=args.layout,
        workers=args.workers,
        scheduler=args.scheduler,
        date_from=args.date_from,
        graph=GraphOptions(min_count=args.min_count, min_npmi=args.min_npmi, top_k=args.top_k,
                           time=TimeOptions(slice=args.slice, burst_s=args.burst_s, burst_gamma=args.burst_gamma)),
        html=not args.no_html,
    )
    with _progress(args, "documents", "processed", show_what=True) as bar:
        result = build(args.paths, args.out, lexicon, options, progress=bar)
    if not args.quiet:
        print(summary(result))
    if connection is not None:
        _load_neo4j(args.out, connection, args)
    return _report_skipped(result.skipped)


def _load_neo4j(out, connection, args) -> None:
    from kg.neo4j.load import DEFAULT_BATCH_SIZE, load_folder

    batch_size = getattr(args, "batch_size", None)
    with _progress(args, "rows", "written", show_what=True) as bar:
        report = load_folder(
            out, uri=connection.uri, user=connection.user, password=connection.password,
            database=connection.database, corpus=args.corpus, replace=args.replace,
            batch_size=DEFAULT_BATCH_SIZE if batch_size is None else batch_size, progress=bar,
        )
    if not args.quiet:
        print(report.summary())


def _cmd_candidates(args) -> int:
    from kg.candidates import find_candidates, write_candidates

    options = CandidateOptions(top=args.top, min_count=args.min_count, layout=args.layout)
    lexicon = _lexicon(args)
    with _progress(args, "documents read (two passes)", "done") as bar:
        result = find_candidates(args.paths, lexicon, options, progress=bar)
    if args.out == "-":
        from kg.candidates import candidates_tsv

        sys.stdout.write(candidates_tsv(result))
    else:
        write_candidates(result, args.out)
    if not args.quiet:
        print(f"{len(result.candidates)} candidate(s) from {result.documents} document(s)"
              + ("" if args.out == "-" else f" written to {args.out}"), file=sys.stderr)
    return _report_skipped(result.skipped)


def _cmd_export_neo4j(args) -> int:
    from kg.neo4j.client import Connection

    _load_neo4j(args.out, Connection.from_env(args.uri, args.neo4j_user, args.neo4j_database), args)
    return EXIT_OK


def _cmd_normalize(args) -> int:
    from extractors.documents import load_document

    doc = load_document(args.path, "doc", layout=args.layout)
    sys.stdout.write(doc.text + "\n")
    return EXIT_OK


def _cmd_query(args) -> int:
    from queries.run import format_result, run_query

    if args.list:
        print(list_queries())
        return EXIT_OK
    if not args.name:
        raise KgError("name a query (kg query --list shows them)")
    result = run_query(args.name, parse_param_args(args.param), out=args.out, uri=args.uri,
                       user=args.user, database=args.database)
    print(format_result(result, args.format))
    return EXIT_OK


def _cmd_timeline(args) -> int:
    import kg
    from kg.figures import timeline_figure

    if len(args.items) < 2:
        raise KgError("name at least one entity, then the output folder of 'kg build'", param="items")
    *names, out = args.items
    graph = kg.load(out)
    items = [tuple(n.split("&", 1)) if "&" in n else n for n in names]
    table = graph.timeline(*items, by=args.by, what=args.what, share=args.share)
    if table.empty:
        raise KgError(f"{out}: no document is dated to the {args.by}; try a longer period (--by year) "
                      f"or date the documents (see the README)")
    what = {"documents": "documents", "mentions": "mentions"}[args.what]
    ylabel = f"share of the {args.by}'s documents" if args.share else f"{what} per {args.by}"
    timeline_figure({c: table[c].tolist() for c in table.columns}, args.output, periods=list(table.index),
                    title="、".join(table.columns), ylabel=ylabel)
    if args.table:
        print(table.to_string())
    unplaced = table.attrs.get("unplaced", 0)
    print(f"Wrote {args.output}: {len(table.columns)} series over {len(table)} {args.by}s"
          + (f" ({unplaced} document(s) dated less precisely than a {args.by} left out)" if unplaced else ""),
          file=sys.stderr)
    return EXIT_OK


def _cmd_lexicon_check(args) -> int:
    from extractors.lexicon import check_lexicon_files

    result = check_lexicon_files(args.files, stoplists=args.stoplist, builtin=not args.no_builtin_lexicon)
    print(result.report())
    return EXIT_OK if result.ok else EXIT_ERROR


def parse_param_args(pairs: Sequence[str] | None) -> dict[str, str]:
    """``["name=新质生产力", "limit=5"]`` -> ``{"name": "新质生产力", "limit": "5"}``."""
    out: dict[str, str] = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise KgError(f"--param {pair!r}: expected key=value, e.g. --param name=新质生产力")
        if key in out:
            raise KgError(f"--param {key} is given twice")
        out[key] = value
    return out


def list_queries() -> str:
    """Every query: its name, what it answers, and its parameters with their defaults."""
    from queries.library import QUERIES

    width = max(len(n) for n in QUERIES) + 2
    lines = []
    for name, q in QUERIES.items():
        wrapped = textwrap.wrap(q.answers, 100 - width, break_on_hyphens=False) or [""]
        lines.append(name.ljust(width) + wrapped[0])
        lines += [" " * width + w for w in wrapped[1:]]
        params = [f"--param {p.describe()}".replace(" ", "\u00a0") for p in q.params] or ["no parameters"]
        lines += [" " * width + w.replace("\u00a0", " ") for w in textwrap.wrap(" ".join(params), 100 - width)]
        lines.append(" " * width + "columns: " + ", ".join(q.columns))
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _progress(args, unit: str, verb: str, *, show_what: bool = False):
    """A ProgressBar to use in a ``with`` block, or nothing (None) with --quiet."""
    return contextlib.nullcontext() if args.quiet else ProgressBar(unit, verb, show_what=show_what)


class ProgressBar:
    """Progress on stderr: a bar on a terminal, otherwise a line every 5 seconds (and when the count
    is complete). Called with (done, total, what is being done); while a step takes long (one large
    document, writing the files) it keeps saying so, with the seconds spent on it, from a timer
    thread. Use it as a context manager (or call ``close``) to end the line and stop the timer."""

    def __init__(self, unit: str, verb: str, *, show_what: bool = False, stream=None, width: int = 30,
                 every: float | None = None):
        self.unit, self.verb, self.show_what = unit, verb, show_what
        self.stream, self.width = stream or sys.stderr, width  # the stderr of now, not of import time
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        if every is None:  # seconds between lines off a terminal: $KG_PROGRESS_EVERY, else 5
            every = 0.5 if self.tty else float(os.environ.get("KG_PROGRESS_EVERY") or 5.0)
        self.every = every
        self._state: tuple[int, int, str] | None = None
        self._since = self._last = 0.0
        self._complete = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __call__(self, done: int, total: int, what: str) -> None:
        if total <= 0:
            return
        now = time.monotonic()
        with self._lock:
            if self._state is None or self._state[2] != what:
                self._since = now
            self._state = (done, total, what)
            if self.tty:
                self._draw(now)
            elif done >= total and not self._complete:
                self._complete = True
                self._line(now)
            elif self._last == 0.0 or now - self._last >= self.every:
                self._line(now)
        if self._timer is None:
            self._timer = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._timer.start()

    def close(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
        with self._lock:
            if self.tty and self._state is not None:
                self.stream.write("\n")
                self.stream.flush()
            self._state = None

    def _tick(self) -> None:
        while not self._stop.wait(self.every):
            with self._lock:
                now = time.monotonic()
                if self._state is not None and now - self._last >= self.every:
                    self._draw(now) if self.tty else self._line(now)

    def _elapsed(self, now: float) -> str:
        seconds = now - self._since
        return f", {seconds:.0f} s" if seconds >= self.every else ""

    def _draw(self, now: float) -> None:
        done, total, what = self._state
        filled = int(self.width * min(done, total) / total)
        shown = f"{what[:40]}{self._elapsed(now)}"
        self.stream.write(f"\r{'█' * filled}{'░' * (self.width - filled)} {done}/{total} {self.unit}  {shown:<48}")
        self.stream.flush()
        self._last = now

    def _line(self, now: float) -> None:
        done, total, what = self._state
        elapsed = self._elapsed(now)
        if self.show_what:
            detail = f" ({what}{elapsed})"
        else:
            detail = f" ({elapsed[2:]})" if elapsed else ""
        self.stream.write(f"{self.verb} {done}/{total} {self.unit}{detail}\n")
        self.stream.flush()
        self._last = now


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
