#!/usr/bin/env python3
"""Failed-recipient extraction on flufl.bounce's bounce samples (an outside test set).

Usage: python benchmarks/flufl_recipients.py [--min 0.9] [--verbose]

Reads tests/corpus/flufl_bounce/samples/*.txt and expected.json (derived from flufl.bounce's
tests/test_detectors.py, see the README there), runs every sample through the diagnosis with the
general-only ruleset (no signatures: only addresses matter here) and prints:

- the share of expected addresses found (a result's ``recipient`` or ``original_recipient``, the
  address the sender wrote, lower-cased and stripped of ``<>``, equal to the expected address);
- the share of bounce files with every expected address found;
- how many bounces without an expected address, and how many non-bounces, got any result;
- how many reported recipients were not expected (printed, never gated);
- the misses: file, expected, got.

Exits 1 when ``--min`` is given and the address share is below it, or when ``--min`` is given and
a non-bounce file (auto-reply, ordinary message) got a result.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from troubleshoot.diagnosis import CATEGORIES, BounceInputError, bounce_diagnose, ruleset_compile  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "flufl_bounce"


def norm(addr: object) -> str:
    # flufl reports bare addresses; our reader may keep angle brackets or the original case
    return str(addr or "").strip().strip("<>").strip().lower()


def diagnose(path: Path, ruleset) -> tuple[list[dict], dict]:
    """Results of one sample as to_dict() gives them; an input refusal counts as nothing found."""
    try:
        d = bounce_diagnose(text=path.read_bytes(), ruleset=ruleset).to_dict()
    except BounceInputError as e:
        print("input error %s: %s" % (path.name, e.code), file=sys.stderr)
        return [], {}
    return list(d.get("results") or []), d


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=float, default=None,
                    help="exit 1 when the share of expected addresses found is below this, or a non-bounce is answered")
    ap.add_argument("--verbose", "-v", action="store_true", help="also print category/evidence of the misses")
    args = ap.parse_args(argv)

    exp_path = CORPUS / "expected.json"
    if not exp_path.is_file():
        print("corpus not found: %s" % exp_path, file=sys.stderr)
        return 2
    expected: dict[str, dict] = json.loads(exp_path.read_text(encoding="utf-8"))
    # signatures are irrelevant to who failed, so the general articles alone keep the test independent of fixtures
    ruleset = ruleset_compile(signatures=[], general_articles={c: c for c in CATEGORIES})

    n_addr = found_addr = n_files = complete_files = 0
    extras = extras_noaddr = 0
    noaddr_answered: list[str] = []
    nonbounce_answered: list[str] = []
    misses = []  # (file, kind, expected, got, results)
    for name in sorted(expected):
        exp = expected[name]
        path = CORPUS / "samples" / name
        if not path.is_file():
            print("missing sample: %s" % name, file=sys.stderr)
            results, d = [], {}
        else:
            results, d = diagnose(path, ruleset)
        got = sorted({norm(r.get(key)) for r in results for key in ("recipient", "original_recipient")} - {""})
        named = {norm(r.get("recipient")) for r in results} - {""}
        want = sorted({norm(a) for a in exp.get("addresses") or []})
        if not exp.get("bounce", True):
            # auto-replies and ordinary messages must get no result at all ("not_a_bounce" instead)
            if results:
                nonbounce_answered.append(name)
                misses.append((name, "non-bounce answered", want, got, results))
            elif args.verbose:
                print("  ok non-bounce %s: %s" % (name, d.get("not_a_bounce", "(no reason given)")))
            continue
        if not want:
            # a real bounce naming no usable address: any answer is allowed, reported for information
            extras_noaddr += len(got)
            if results:
                noaddr_answered.append("%s -> %s" % (name, got or ["(no recipient)"]))
            continue
        hit = [a for a in want if a in got]
        n_addr += len(want)
        found_addr += len(hit)
        n_files += 1
        complete_files += len(hit) == len(want)
        # a reported recipient is extra when neither it nor its original address was expected
        extra = [a for a in named if a not in want and not any(
            norm(r.get("original_recipient")) in want for r in results if norm(r.get("recipient")) == a)]
        extras += len(extra)
        if len(hit) < len(want):
            misses.append((name, "address not found", want, got, results))
        if extra:
            misses.append((name, "extra recipient", want, got, results))

    share = found_addr / n_addr if n_addr else 0.0
    n_nonbounce = sum(1 for e in expected.values() if not e.get("bounce", True))
    n_noaddr = sum(1 for e in expected.values() if e.get("bounce", True) and not e.get("addresses"))
    print("expected addresses found: %d/%d = %.1f%%" % (found_addr, n_addr, 100 * share))
    print("bounce files with every address found: %d/%d = %.1f%%"
          % (complete_files, n_files, 100 * complete_files / n_files if n_files else 0.0))
    # a recipient given for a bounce that names none is at best a guess (often the original To:)
    print("extra recipients reported (not expected): %d (+%d in bounces without an expected address)"
          % (extras, extras_noaddr))
    print("bounces without an expected address that got a result: %d/%d" % (len(noaddr_answered), n_noaddr))
    for line in noaddr_answered:
        print("  %s" % line)
    print("non-bounce files that got a result: %d/%d (should be 0)" % (len(nonbounce_answered), n_nonbounce))
    if misses:
        print("misses:")
        for name, kind, want, got, results in misses:
            print("  %s: %s; expected %s, got %s" % (name, kind, want or "-", got or "-"))
            if args.verbose:
                for r in results:
                    print("      %s %s [%s] %s" % (r.get("recipient"), r.get("category"), r.get("matched_by"),
                                                   "; ".join(r.get("evidence") or [])[:160]))
    if args.min is not None:
        if share < args.min:
            print("FAIL: %.3f < %.3f" % (share, args.min))
            return 1
        if nonbounce_answered:
            print("FAIL: non-bounce files answered: %s" % ", ".join(nonbounce_answered))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
