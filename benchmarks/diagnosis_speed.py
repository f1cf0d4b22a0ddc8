#!/usr/bin/env python3
"""Speed of the bounce diagnosis, measured honestly (medians of several repetitions, same run).

(a) corpus: time to diagnose every dev email vs time to merely parse the same bytes with
    ``email.message_from_bytes`` (default policy); PASS when the ratio is <= 2.0.
(b) one-line paste: median time to diagnose a one-line SMTP reply with the seed content vs with
    1,000 generated articles and 4,000 signatures; PASS when the ratio is <= 2.0 and the large
    ruleset's median is under 5 ms.

Usage: python benchmarks/diagnosis_speed.py [--rounds 7] [--paste-runs 300]
Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import email
import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import load_fixtures  # noqa: E402

from troubleshoot.diagnosis import CATEGORIES, SignatureSpec, bounce_diagnose, ruleset_compile  # noqa: E402

PASTE = "550 5.1.1 <jane.doe@example.org>: Recipient address rejected: User unknown in virtual mailbox table"

_WORDS = ("account", "address", "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "gateway", "header",
          "inbound", "journal", "kilo", "limit", "mailer", "node", "outbound", "policy", "queue", "relay",
          "sender", "tenant", "uniform", "vector", "whiskey", "xray", "yankee", "zulu", "cluster", "domain",
          "filter", "gamma", "harbor", "island", "jungle", "kernel", "lambda", "matrix", "nebula", "orbit")


def generated_signatures(n_articles: int = 1000, per_article: int = 4, seed: int = 7) -> list[SignatureSpec]:
    """Plausible, distinct signatures: half with an RE2 pattern, half derived from the text."""
    rnd = random.Random(seed)
    cats = [c for c in CATEGORIES if c not in ("onhold", "undefined")]
    out: list[SignatureSpec] = []
    for a in range(n_articles):
        slug = "generated-article-%04d" % a
        cat = cats[a % len(cats)]
        for k in range(per_article):
            words = " ".join(rnd.choice(_WORDS) for _ in range(5))
            code = rnd.choice(("550", "554", "553", "451", "421", "552"))
            status = "%s.%d.%d" % (code[0], rnd.randint(1, 7), rnd.randint(0, 30))
            text = "%s %s %s refused by rule %d-%d" % (code, status, words.capitalize(), a, k)
            pattern = ""
            if k % 2 == 0:
                w = words.split()
                pattern = r"%s\s+%s .{0,40}rule %d-%d\b" % (w[0], w[1], a, k)
            out.append(SignatureSpec(article=slug, category=cat, text=text, reply_code=code, status=status,
                                     pattern=pattern))
    return out


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15, help="repetitions of the corpus measurement")
    ap.add_argument("--paste-runs", type=int, default=400, help="repetitions of the one-line paste")
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args(argv)
    ok = True

    sigs, general = ([], {})
    if (ROOT / "fixtures").is_dir():
        sigs, general = load_fixtures(ROOT / "fixtures")
    for cat in CATEGORIES:
        general.setdefault(cat, "general-" + cat)
    seed_rs = ruleset_compile(signatures=sigs, general_articles=general, skip_invalid=True)

    # (a) corpus vs email.message_from_bytes ------------------------------------------------------
    corpus = Path(args.corpus) if args.corpus else ROOT / "tests" / "corpus" / "bounces" / "dev" / "emails"
    files = sorted(corpus.glob("*.eml"))
    if not files:
        # the corpus is committed: without it there is nothing honest to report
        print("(a) corpus: FAIL (no emails at %s)" % corpus)
        return 1
    else:
        data = [p.read_bytes() for p in files]

        def diagnose_all():
            for d in data:
                bounce_diagnose(text=d, ruleset=seed_rs)

        def parse_all():
            for d in data:
                email.message_from_bytes(d)

        diagnose_all()
        parse_all()  # warm up both
        gc.collect()
        d_times, p_times, ratios = [], [], []
        for i in range(args.rounds):
            pair = {}
            for name in (("d", "p") if i % 2 == 0 else ("p", "d")):
                t = time.perf_counter()
                diagnose_all() if name == "d" else parse_all()
                pair[name] = time.perf_counter() - t
            d_times.append(pair["d"])
            p_times.append(pair["p"])
            ratios.append(pair["d"] / pair["p"])  # paired: both measured back to back
        dm, pm = statistics.median(d_times) * 1000, statistics.median(p_times) * 1000
        ratio = statistics.median(ratios)
        verdict = "PASS" if ratio <= 2.0 else "FAIL"
        ok &= verdict == "PASS"
        print("(a) corpus: %d emails, %.1f KiB" % (len(data), sum(map(len, data)) / 1024))
        print("    diagnose all: median %.1f ms (min %.1f, max %.1f) over %d rounds"
              % (dm, min(d_times) * 1000, max(d_times) * 1000, len(d_times)))
        print("    email.message_from_bytes all: median %.1f ms (min %.1f, max %.1f)"
              % (pm, min(p_times) * 1000, max(p_times) * 1000))
        print("    ratio of medians %.2f; median of paired ratios %.2f (limit 2.00): %s" % (dm / pm, ratio, verdict))

    # (b) one-line paste, seed vs 1,000 articles / 4,000 signatures ----------------------------------
    gen = generated_signatures()
    t = time.perf_counter()
    big_rs = ruleset_compile(signatures=list(sigs) + gen, general_articles=general, skip_invalid=True)
    compile_ms = (time.perf_counter() - t) * 1000
    for rs in (seed_rs, big_rs):
        bounce_diagnose(text=PASTE, ruleset=rs)  # warm up
    small = []
    large = []
    for _ in range(3):  # interleave blocks to even out machine noise
        small.append(median_ms(lambda: bounce_diagnose(text=PASTE, ruleset=seed_rs), args.paste_runs // 3))
        large.append(median_ms(lambda: bounce_diagnose(text=PASTE, ruleset=big_rs), args.paste_runs // 3))
    sm, lm = statistics.median(small), statistics.median(large)
    ratio = lm / sm
    verdict = "PASS" if ratio <= 2.0 and lm < 5.0 else "FAIL"
    ok &= verdict == "PASS"
    print("(b) one-line paste: %r" % PASTE)
    print("    seed content (fixtures: %d signatures): median %.3f ms" % (len(seed_rs.signatures), sm))
    print("    %d signatures / %d articles (compiled once in %.0f ms): median %.3f ms"
          % (len(big_rs.signatures), len(big_rs.articles), compile_ms, lm))
    print("    ratio %.2f (limit 2.00), large median %.3f ms (limit 5 ms): %s" % (ratio, lm, verdict))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
