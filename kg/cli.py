"""The ``kg`` command: parses arguments, calls one library function, reports errors.

Exit status: 0 when everything was processed, 1 on an error that stopped the command
(``Error: ...``), 2 when the command finished but some input files were skipped.
"""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from kg.errors import KgError
from kg.graph import GraphOptions

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 2


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicon", action="append", default=[], metavar="PATH",
        help="an extra lexicon file (TSV: name, type, aliases, category; see extractors/lexicon/README.md); repeatable",
    )
    p.add_argument("--no-builtin-lexicon", action="store_true", help="use only the lexicon files given with --lexicon")
    p.add_argument("--no-rules", action="store_true", help="lexicon matches only (no rule-based extraction)")
    p.add_argument(
        "--layout", choices=("auto", "pdf", "lines"), default="auto",
        help="how to read line structure: 'pdf' joins lines broken by a PDF extraction and removes layout "
        "spaces, 'lines' keeps one paragraph per line, 'auto' (default) decides per document",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graphs from Chinese science-and-technology policy texts.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "extract", help="print the entity mentions found in files or folders",
        description="Read files (.txt .md .html .docx .pdf; folders recursively), normalise them and print "
        "every entity mention with its offsets into the normalised text (see 'kg normalize').",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument(
        "--format", choices=("jsonl", "table", "summary"), default="table",
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
        "--window", choices=("sentence", "paragraph", "document"), default="sentence",
        help="the unit two entities must share to co-occur (default: sentence)",
    )
    p.add_argument("--min-count", type=int, default=GraphOptions.min_count, metavar="N",
                   help=f"keep co-occurrence edges seen in at least N units (default {GraphOptions.min_count})")
    p.add_argument("--min-npmi", type=float, default=GraphOptions.min_npmi, metavar="X",
                   help=f"keep edges with NPMI at least X, in [-1, 1] (default {GraphOptions.min_npmi:g})")
    p.add_argument("--top-k", type=int, default=GraphOptions.top_k, metavar="K",
                   help=f"keep an edge only if it is among the K strongest (NPMI) of one of its nodes; 0 keeps all (default {GraphOptions.top_k})")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes analysing documents in parallel (default 1); the output is identical for any N")
    p.add_argument("--no-html", action="store_true", help="do not write index.html")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser(
        "normalize", help="print the normalised text of a file (what offsets refer to)",
        description="Print the normalised text of one file: the text every offset in the output refers to.",
    )
    p.add_argument("path", metavar="FILE")
    p.add_argument("--layout", choices=("auto", "pdf", "lines"), default="auto", help="as for 'kg extract'")
    p.set_defaults(func=_cmd_normalize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _lexicon(args):
    from extractors.lexicon import load_lexicon

    return load_lexicon(args.lexicon, builtin=not args.no_builtin_lexicon)


def _report_skipped(skipped) -> int:
    for err in skipped:
        print(f"Skipped {err}", file=sys.stderr)
    if skipped:
        print(f"{len(skipped)} file(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def _cmd_extract(args) -> int:
    from extractors.extract import ExtractOptions
    from kg.extraction import extract_paths
    from kg.output import write_mentions

    lexicon = _lexicon(args)
    options = ExtractOptions(rules=not args.no_rules)
    results = extract_paths(args.paths, lexicon, options=options, layout=args.layout)
    skipped = write_mentions(results, args.format, sys.stdout)
    return _report_skipped(skipped)


def _cmd_build(args) -> int:
    from kg.build import BuildOptions, ProgressBar, build
    from kg.summary import summary

    if args.workers < 1:
        raise KgError("--workers must be at least 1")
    if not -1.0 <= args.min_npmi <= 1.0:
        raise KgError("--min-npmi must be between -1 and 1")
    lexicon = _lexicon(args)
    options = BuildOptions(
        window=args.window,
        rules=not args.no_rules,
        layout=args.layout,
        workers=args.workers,
        graph=GraphOptions(min_count=args.min_count, min_npmi=args.min_npmi, top_k=args.top_k),
        html=not args.no_html,
    )
    result = build(args.paths, args.out, lexicon, options, progress=None if args.quiet else ProgressBar())
    if not args.quiet:
        print(summary(result))
    return _report_skipped(result.skipped)


def _cmd_normalize(args) -> int:
    from kg.documents import load_document

    doc = load_document(args.path, "doc", layout=args.layout)
    sys.stdout.write(doc.text + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
