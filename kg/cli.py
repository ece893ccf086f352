"""The ``kg`` command: parses arguments, calls one library function, reports errors.

Exit status: 0 when everything was processed, 1 on an error that stopped the command
(``Error: ...``), 2 when the command finished but some input files were skipped.
"""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from kg.errors import KgError

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


def _cmd_normalize(args) -> int:
    from kg.documents import load_document

    doc = load_document(args.path, "doc", layout=args.layout)
    sys.stdout.write(doc.text + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
