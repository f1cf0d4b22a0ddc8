#!/usr/bin/env python3
"""Memory under hostile input: 20,000 mixed hostile diagnoses after a warm-up move RSS by < 10%.

Usage: python benchmarks/soak.py [--diagnoses 20000] [--warmup 3000] [--max-growth 0.10]

Runs, in this process, what a worker runs for a paste: bounce_diagnose on a mix of real bounces
(the dev corpus), crafted charsets, encoded words, deep MIME, long lines, binary refusals, control
characters and surrogates; prints requests sent, by outcome, the slowest, and RSS (from
/proc/self/statm) after the warm-up and at the end. Exits 1 when RSS grew by more than --max-growth.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from troubleshoot.diagnosis import BounceInputError, bounce_diagnose, ruleset_compile  # noqa: E402


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def hostile_inputs(rng: random.Random) -> list[bytes | str]:
    corpus = sorted((ROOT / "tests" / "corpus" / "bounces" / "dev" / "emails").glob("*.eml"))
    real = [p.read_bytes() for p in corpus]
    crafted = []
    for charset in ("utf-7", "zlib", "hex", "rot13", "idna", "punycode", "undefined", "unicode_escape", "cp037",
                    "iso-2022-jp", "x-unknown", "utf-16"):
        crafted.append(f"From: MAILER-DAEMON\nSubject: =?{charset}?q?+2D0-?=\nContent-Type: text/plain; "
                       f"charset={charset}\n\n550 5.1.1 <a@example.com> user unknown \\ud800".encode("utf-8", "replace"))
    nested = "Content-Type: multipart/mixed; boundary=b\n\n" + "--b\nContent-Type: multipart/mixed; boundary=b\n\n" * 200
    crafted += [nested, "550 " + "x" * 200_000, "\x00\x01\x02" * 1000 + "550 user unknown",
                "550 5.7.1 " + "(" * 5000, ("a@" * 20000) + " 550", "=?utf-8?b?" + "A" * 50000 + "?=",
                bytes(rng.randrange(256) for _ in range(5000))]
    return real + crafted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diagnoses", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=3_000)
    parser.add_argument("--max-growth", type=float, default=0.10)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    inputs = hostile_inputs(rng)
    ruleset = ruleset_compile(signatures=[], general_articles={})
    outcomes = {"answered": 0, "refused": 0, "error": 0}
    slowest = 0.0

    def run(count: int) -> None:
        nonlocal slowest
        for _ in range(count):
            text = rng.choice(inputs)
            started = time.perf_counter()
            try:
                bounce_diagnose(text=text, ruleset=ruleset)
                outcomes["answered"] += 1
            except BounceInputError:
                outcomes["refused"] += 1
            except Exception as error:  # noqa: BLE001 - counted: the figure must be 0
                outcomes["error"] += 1
                print("error:", type(error).__name__, error, file=sys.stderr)
            slowest = max(slowest, time.perf_counter() - started)

    run(args.warmup)
    gc.collect()
    before = rss_bytes()
    run(args.diagnoses)
    gc.collect()
    after = rss_bytes()
    growth = (after - before) / before
    print(f"diagnoses: {args.warmup} warm-up + {args.diagnoses}; outcomes {outcomes}; slowest {slowest * 1000:.0f} ms")
    print(f"RSS after warm-up {before / 1e6:.1f} MB, at the end {after / 1e6:.1f} MB: {growth:+.1%} "
          f"(limit {args.max_growth:+.0%})")
    failed = growth > args.max_growth or outcomes["error"] > 0
    if failed:
        print("FAIL")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
