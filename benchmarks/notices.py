#!/usr/bin/env python3
"""Accuracy of the bounce diagnosis on human-readable bounce notices (English and French).

Usage: python benchmarks/notices.py [--split tune|holdout|all] [--min 0.80] [--verbose]

Reads tests/corpus/notices/notices.jsonl (what senders paste from Gmail, Microsoft 365 / Exchange,
Yahoo, Orange, La Poste, Free… notices; see the README next to it), diagnoses each text with the
built-in rules only (no signatures; every category routed to a general article), takes the first
result's category (no result, or a refused input, is a miss) and prints the accuracy per language
and per split (tune, holdout, and the gap between them in points), then the misses. Exits 1 when
``--min`` is given and any language, over the chosen split, is below it.

The holdout half is only ever measured: never read it to write or adjust a rule.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from troubleshoot.diagnosis import CATEGORIES, BounceInputError, bounce_diagnose, ruleset_compile  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "notices"  # notices.jsonl (first set), notices2.jsonl (second set)
SPLITS = ("tune", "holdout")


def load(path: Path) -> list[dict]:
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        missing = {"id", "lang", "category", "text", "split"} - d.keys()
        if missing:
            raise ValueError("%s:%d: missing %s" % (path, n, ", ".join(sorted(missing))))
        entries.append(d)
    return entries


def diagnose(text: str, ruleset) -> tuple[str, object]:
    """The first result's category, or a marker for a miss, and the result itself (or None)."""
    try:
        diagnosis = bounce_diagnose(text=text, ruleset=ruleset)
    except BounceInputError as e:
        return "(input error: %s)" % e.code, None
    if not diagnosis.results:
        return ("(not a bounce: %s)" % diagnosis.not_a_bounce) if diagnosis.not_a_bounce else "(no result)", None
    return diagnosis.results[0].category, diagnosis.results[0]


def share(ok: int, n: int) -> str:
    return "%3d/%-3d %5.1f%%" % (ok, n, 100.0 * ok / n) if n else "  -/-        -  "


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--split", choices=("tune", "holdout", "all"), default="all",
                    help="which half to judge --min on and list misses for (default all)")
    ap.add_argument("--min", type=float, default=None,
                    help="exit 1 when any language's accuracy over the chosen split is below this share")
    ap.add_argument("--verbose", "-v", action="store_true", help="print the evidence and full text of each miss")
    ap.add_argument("--show-holdout", action="store_true",
                    help="also list the holdout half's misses (don't, when improving the rules)")
    args = ap.parse_args(argv)

    files = sorted(CORPUS.glob("notices*.jsonl"))
    if not files:
        print("corpus not found: %s" % CORPUS, file=sys.stderr)
        return 2
    entries = [e for path in files for e in load(path)]
    ruleset = ruleset_compile(signatures=[], general_articles={c: c for c in CATEGORIES})

    # (lang, split) -> [right, total]
    tally: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    misses = []
    t0 = time.perf_counter()
    for d in entries:
        got, res = diagnose(d["text"], ruleset)
        ok = got == d["category"]
        cell = tally[(d["lang"], d["split"])]
        cell[0] += ok
        cell[1] += 1
        if not ok:
            misses.append((d, got, res))
    elapsed = time.perf_counter() - t0

    langs = sorted({d["lang"] for d in entries})
    chosen = SPLITS if args.split == "all" else (args.split,)
    print("notices: %d texts (%s) in %.2fs" % (
        len(entries), ", ".join("%s %d" % (lg, sum(1 for d in entries if d["lang"] == lg)) for lg in langs), elapsed))
    print("%-6s %-18s %-18s %-18s %s" % ("lang", "tune", "holdout", "all", "gap (tune - holdout)"))
    below = []
    for lg in langs:
        t_ok, t_n = tally[(lg, "tune")]
        h_ok, h_n = tally[(lg, "holdout")]
        gap = (100.0 * t_ok / t_n - 100.0 * h_ok / h_n) if t_n and h_n else float("nan")
        print("%-6s %-18s %-18s %-18s %+.1f points" % (lg, share(t_ok, t_n), share(h_ok, h_n),
                                                      share(t_ok + h_ok, t_n + h_n), gap))
        c_ok = sum(tally[(lg, s)][0] for s in chosen)
        c_n = sum(tally[(lg, s)][1] for s in chosen)
        if args.min is not None and c_n and c_ok / c_n < args.min:
            below.append((lg, c_ok / c_n))
    t_ok = sum(tally[(lg, "tune")][0] for lg in langs)
    t_n = sum(tally[(lg, "tune")][1] for lg in langs)
    h_ok = sum(tally[(lg, "holdout")][0] for lg in langs)
    h_n = sum(tally[(lg, "holdout")][1] for lg in langs)
    print("%-6s %-18s %-18s %-18s" % ("all", share(t_ok, t_n), share(h_ok, h_n), share(t_ok + h_ok, t_n + h_n)))

    # The holdout half's misses are counted, never listed, unless asked for by name: reading them
    # is how a rule ends up written for the very text it is scored on.
    listed = ("tune",) if not args.show_holdout else chosen
    shown = [m for m in misses if m[0]["split"] in chosen and m[0]["split"] in listed]
    hidden = sum(1 for m in misses if m[0]["split"] in chosen and m[0]["split"] not in listed)
    if hidden:
        print("holdout misses: %d (not listed; --show-holdout lists them)" % hidden)
    if shown:
        print("misses (%s): %d" % ("/".join(s for s in chosen if s in listed), len(shown)))
        for d, got, res in sorted(shown, key=lambda m: (m[0]["lang"], m[0]["split"], m[0]["id"])):
            first = " ".join(d["text"].split())[:100]
            print("  %-34s expected %-15s got %-15s %s" % (d["id"], d["category"], got, first))
            if args.verbose:
                if res is not None:
                    print("      evidence: %s" % "; ".join(res.evidence)[:240])
                print("      split=%s provider=%s" % (d["split"], d.get("provider", "")))
    if below:
        for lg, s in below:
            print("FAIL: %s %.3f < %.3f (%s)" % (lg, s, args.min, args.split))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
