"""The lexicon scan: the project's numpy prefix matcher against an Aho–Corasick automaton (pyahocorasick).

    pip install pyahocorasick && python -m tests.bench.matcher_bench

Both find, at every position of 699 days of 新闻联播 (../shared/corpus/xwlb, normalised), the longest
lexicon term starting there; the script checks they find the same matches and prints CPU seconds (best
of 3). Not a test; pyahocorasick is not a dependency (this is why).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from extractors.documents import load_document
from extractors.lexicon import load_lexicon

XWLB = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "xwlb"


def best_of(runs: int, fn) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(runs):
        t = time.process_time()
        value = fn()
        best = min(best, time.process_time() - t)
    return best, value


def main() -> int:
    try:
        import ahocorasick
    except ImportError:
        sys.exit("pip install pyahocorasick first")
    texts = [load_document(f, f.stem).text for f in sorted(XWLB.glob("*.md"))]
    lexicon = load_lexicon()
    matcher = lexicon.matcher
    automaton = ahocorasick.Automaton()
    for form in lexicon.forms:
        if len(form) >= 2:
            automaton.add_word(form, len(form))
    automaton.make_automaton()

    def numpy_scan():
        return [matcher.find(t) for t in texts]

    def aho_corasick_scan():
        out = []
        for t in texts:
            longest: dict[int, int] = {}
            for end, n in automaton.iter(t):
                start = end - n + 1
                if n > longest.get(start, 0):
                    longest[start] = n
            out.append(sorted((s, s + n) for s, n in longest.items()))
        return out

    t1, a = best_of(3, numpy_scan)
    t2, b = best_of(3, aho_corasick_scan)
    assert a == b, "the two scans disagree"
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{mb:.1f} MB, {sum(map(len, a))} matches: numpy prefix matcher {t1:.2f} s, pyahocorasick {t2:.2f} s "
          f"({t2 / t1:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
