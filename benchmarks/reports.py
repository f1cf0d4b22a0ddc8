#!/usr/bin/env python3
"""Whole reports written from the MTAs' own templates (tests/corpus/reports): is each read right?

Usage: python benchmarks/reports.py [--min-recipients 1.0] [--show-holdout]

For each report, per split (tune / holdout): the share of reports whose failed recipients are all
found, in order; and, per expected result, the share with the right category, SMTP stage
(``command``) and permanence. The tune half's misses are listed; the holdout half's are only
counted (see tests/corpus/reports/README.md). ``--min-recipients`` gates the recipient share over
both halves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from troubleshoot.diagnosis import CATEGORIES, bounce_diagnose, ruleset_compile  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "reports"
CHECKS = ("category", "command", "permanent")


def _norm(address: object) -> str:
    return str(address or "").strip("<> ").lower()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--min-recipients", type=float, default=None)
    ap.add_argument("--show-holdout", action="store_true", help="also list the holdout half's misses")
    args = ap.parse_args(argv)

    ruleset = ruleset_compile(signatures=[], general_articles={c: c for c in CATEGORIES})
    rows = [json.loads(line) for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    tally = {split: {"reports": 0, "in_order": 0, "results": 0, **{c: 0 for c in CHECKS}}
             for split in ("tune", "holdout")}
    misses = []
    for row in rows:
        got = bounce_diagnose(text=(CORPUS / row["file"]).read_bytes(), ruleset=ruleset).to_dict()["results"]
        t = tally[row["split"]]
        t["reports"] += 1
        t["in_order"] += [_norm(g["recipient"]) for g in got] == [_norm(e["recipient"]) for e in row["results"]]
        by_recipient = {_norm(g["recipient"]): g for g in got}
        for want in row["results"]:
            t["results"] += 1
            have = by_recipient.get(_norm(want["recipient"]), {})
            for check in CHECKS:
                if have.get(check) == want[check]:
                    t[check] += 1
                else:
                    misses.append((row["split"], row["file"], want["recipient"], check, want[check], have.get(check)))
    for split, t in tally.items():
        n, r = t["reports"], t["results"]
        print("%-8s reports %d: recipients all found in order %d/%d (%.0f%%); of %d results: %s" % (
            split, n, t["in_order"], n, 100 * t["in_order"] / n, r,
            ", ".join("%s %d/%d (%.0f%%)" % (c, t[c], r, 100 * t[c] / r) for c in CHECKS)))
    listed = [m for m in misses if m[0] == "tune" or args.show_holdout]
    if len(listed) < len(misses):
        print("holdout misses: %d (not listed)" % (len(misses) - len(listed)))
    for split, name, recipient, check, want, have in listed:
        print("  %s %s %s: %s expected %r, got %r" % (split, name, recipient, check, want, have))
    share = sum(t["in_order"] for t in tally.values()) / sum(t["reports"] for t in tally.values())
    if args.min_recipients is not None and share < args.min_recipients:
        print("FAIL: recipients %.3f < %.3f" % (share, args.min_recipients))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
