#!/usr/bin/env python3
"""Accuracy of the bounce diagnosis: the labelled corpus, and the outside and own test sets.

Usage: python benchmarks/accuracy.py [--split dev] [--min 0.97] [--flufl-min 0.97] [--notices-min 0.95]
                                     [--no-fixtures] [--verbose]

Prints, in order:
1. the dev corpus (sisimai's set of emails): share of labelled results with the right category;
2. flufl.bounce's samples (benchmarks/flufl_recipients.py): failed recipients found, non-bounces;
3. the human-readable notices in English and French (benchmarks/notices.py), per language;
4. the reply lines (tests/corpus/wordings: written from wordings, and the providers' published
   lists): the tune half, the holdout half (only measured, never tuned on) and the gap;
5. whole reports written from the MTAs' templates (benchmarks/reports.py): recipients, category,
   SMTP stage and permanence, per half.
Each ``--*-min`` gates its set (exit 1 below it); the holdout halves only print.

Reads tests/corpus/bounces/<split>/emails/*.eml and labels.jsonl (copied into the repository),
loads the article signatures from fixtures/*.json when present (Django fixture format), runs
every email, matches results to labels by recipient order and prints the share of labelled
results whose category is right, overall and per category, then the misses. Exits non-zero when
``--min`` is given and the overall share is below it.
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

from troubleshoot.diagnosis import CATEGORIES, BounceInputError, SignatureSpec, bounce_diagnose, ruleset_compile  # noqa: E402


def load_fixtures(fixture_dir: Path) -> tuple[list[SignatureSpec], dict[str, str]]:
    """Signatures and general articles from Django fixtures (articles.article / articles.bouncesignature)."""
    articles: dict[object, dict] = {}
    sig_records: list[dict] = []
    for path in sorted(fixture_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print("warning: cannot read %s: %s" % (path, e), file=sys.stderr)
            continue
        if not isinstance(data, list):
            continue
        for rec in data:
            if not isinstance(rec, dict):
                continue
            model = str(rec.get("model", "")).lower()
            fields = rec.get("fields") or {}
            if model == "articles.article":
                slug = fields.get("slug")
                if slug:
                    articles[slug] = fields
                    if "pk" in rec:
                        articles[rec["pk"]] = fields
            elif model == "articles.bouncesignature":
                sig_records.append(fields)
    # as the site does: per category, the general article first, then by order and slug
    general: dict[str, str] = {}
    published = [(slug, f) for slug, f in articles.items()
                 if isinstance(slug, str) and f.get("is_published", True) and f.get("category") in CATEGORIES]
    for slug, fields in sorted(published, key=lambda sf: (not sf[1].get("is_general"), sf[1].get("order") or 0,
                                                           sf[0])):
        general.setdefault(fields["category"], slug)
    sigs: list[SignatureSpec] = []
    for fields in sig_records:
        art = fields.get("article")
        if isinstance(art, list):
            art = art[0] if art else None
        afields = articles.get(art)
        if afields is None:
            continue
        slug = afields.get("slug") or art
        sigs.append(SignatureSpec(article=str(slug), category=str(afields.get("category") or "undefined"),
                                  text=str(fields.get("text") or ""), reply_code=str(fields.get("reply_code") or ""),
                                  status=str(fields.get("status") or ""), pattern=str(fields.get("pattern") or "")))
    return sigs, general


def build_ruleset(use_fixtures: bool = True):
    sigs, general = ([], {})
    if use_fixtures and (ROOT / "fixtures").is_dir():
        sigs, general = load_fixtures(ROOT / "fixtures")
    # every category needs an article to route to; synthesise slugs for the missing ones
    for cat in CATEGORIES:
        general.setdefault(cat, "general-" + cat)
    return ruleset_compile(signatures=sigs, general_articles=general, skip_invalid=True), len(sigs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", default=None, help="corpus folder (default tests/corpus/bounces/<split>)")
    ap.add_argument("--min", type=float, default=None, help="exit 1 when overall accuracy is below this share")
    ap.add_argument("--flufl-min", type=float, default=None, help="gate: share of flufl.bounce addresses found")
    ap.add_argument("--notices-min", type=float, default=None, help="gate: human notices right, per language")
    ap.add_argument("--no-fixtures", action="store_true", help="ignore fixtures/*.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="print the diagnostic text of each miss")
    args = ap.parse_args(argv)

    corpus = Path(args.corpus) if args.corpus else ROOT / "tests" / "corpus" / "bounces" / args.split
    labels_path = corpus / "labels.jsonl"
    if not labels_path.is_file():
        print("corpus not found: %s" % labels_path, file=sys.stderr)
        return 2
    labels: dict[str, list[dict]] = collections.defaultdict(list)
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            labels[d["corpus_file"]].append(d)

    ruleset, nsig = build_ruleset(not args.no_fixtures)
    print("ruleset: %d signatures (%d skipped), %d articles" % (nsig - len(ruleset.skipped), len(ruleset.skipped),
                                                                 len(ruleset.articles)))
    total = right = 0
    labelled_results = []
    per_cat: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    misses = []
    t0 = time.perf_counter()
    for corpus_file in sorted(labels):
        path = corpus / corpus_file
        try:
            results = bounce_diagnose(text=path.read_bytes(), ruleset=ruleset).results
        except BounceInputError as e:
            results = []
            print("input error %s: %s" % (corpus_file, e.code), file=sys.stderr)
        for lab in sorted(labels[corpus_file], key=lambda d: d["recipient_index"]):
            exp = lab["category"]
            idx = lab["recipient_index"] - 1
            res = results[idx] if idx < len(results) else None
            if res is not None:
                labelled_results.append(res)
            got = res.category if res else "(no result)"
            total += 1
            per_cat[exp][1] += 1
            if got == exp:
                right += 1
                per_cat[exp][0] += 1
            else:
                misses.append((corpus_file, lab["recipient_index"], exp, got, res))
    elapsed = time.perf_counter() - t0
    share = right / total if total else 0.0
    print("overall: %d/%d = %.1f%% (%d emails in %.2fs)" % (right, total, 100 * share, len(labels), elapsed))
    print("per category:")
    for cat, (ok, n) in sorted(per_cat.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0])):
        print("  %-16s %3d/%-3d %5.1f%%" % (cat, ok, n, 100 * ok / n))
    if misses:
        print("misses:")
        for corpus_file, i, exp, got, res in misses:
            ev = "; ".join(res.evidence)[:160] if res else ""
            print("  %s#%d expected %s, got %s [%s] %s" % (corpus_file, i, exp, got,
                                                         res.matched_by if res else "-", ev))
            if args.verbose and res:
                print("      diag: %s" % res.diagnostic_text[:240])
                print("      status=%s reply=%s command=%s" % (res.status, res.reply_code, res.command))
    failed = args.min is not None and share < args.min
    if failed:
        print("FAIL: %.3f < %.3f" % (share, args.min))
    if not args.no_fixtures:
        failed |= articles_report(ruleset, labelled_results)

    print("\n== flufl.bounce samples: failed recipients")
    flufl_args = ["--min", str(args.flufl_min)] if args.flufl_min is not None else []
    failed |= _other("flufl_recipients").main(flufl_args + (["--verbose"] if args.verbose else [])) != 0
    print("\n== human-readable notices (English and French)")
    notice_args = ["--min", str(args.notices_min)] if args.notices_min is not None else []
    failed |= _other("notices").main(notice_args) != 0
    print("\n== reply lines: tune half vs holdout half")
    wordings_report()
    print("\n== whole reports written from the MTAs' templates: tune half vs holdout half")
    _other("reports").main([])
    return 1 if failed else 0


def _other(name: str):
    """A sibling benchmark module (they also run on their own)."""
    import importlib

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def wordings_report() -> dict[str, dict[str, float]]:
    """Built-in rules alone on the own reply-line sets, per split; the holdout halves are never tuned on.

    wordings.jsonl: lines written from providers' and MTAs' wordings; published.jsonl: the replies
    that Google, Microsoft, Mimecast, Yahoo list in their own published references; software.jsonl:
    texts read in MTA and filter source (Postfix, Exim, OpenSMTPD, qmail, Haraka, Courier, hMailServer,
    Sendmail, Cyrus, Dovecot...); clients.jsonl: mail clients' send errors (Thunderbird, Roundcube)
    and providers' notices, half in French. The last two were collected in one go (2026-12) and are
    printed only: their holdout halves say how the rules do on wordings written by others."""
    ruleset = ruleset_compile(signatures=[], general_articles={c: c for c in CATEGORIES})
    out: dict[str, dict[str, float]] = {}
    for name in ("wordings", "published", "software", "clients"):
        path = ROOT / "tests" / "corpus" / "wordings" / ("%s.jsonl" % name)
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        shares: dict[str, float] = {}
        for split in ("tune", "holdout"):
            rows = [r for r in records if r["split"] == split]
            right = sum(1 for r in rows if _first_category(r["text"], ruleset) == r["category"])
            shares[split] = right / len(rows)
            print("  %-10s %-8s %3d/%-3d %5.1f%%" % (name, split, right, len(rows), 100 * shares[split]))
        print("  %-10s gap (tune - holdout): %+.1f points" % (name, 100 * (shares["tune"] - shares["holdout"])))
        out[name] = shares
    return out


def articles_report(ruleset, results) -> bool:
    """The article, not only the category: every seed signature's own text routes to its seed
    article, and every dev result lands on an article of its category (its general article unless a
    signature chose a more specific one). True when either fails."""
    seed = ROOT / "fixtures" / "seed_articles.json"
    seed_slugs = {o["fields"]["slug"] for o in json.loads(seed.read_text(encoding="utf-8"))
                  if o["model"] == "articles.article"}
    seed_sigs = [s.spec for s in ruleset.signatures if s.spec.article in seed_slugs and s.spec.text]
    right = 0
    for sig in seed_sigs:
        routed = bounce_diagnose(text=sig.text, ruleset=ruleset).results
        if routed and routed[0].article == sig.article:
            right += 1
        else:
            print("  seed text routes elsewhere: %r -> %s (expected %s)"
                  % (sig.text[:70], routed[0].article if routed else None, sig.article))
    article_category = {}
    for s in ruleset.signatures:
        article_category.setdefault(s.spec.article, s.spec.category)
    for category, slug in ruleset.general_articles.items():
        article_category.setdefault(slug, category)
    coherent = sum(1 for r in results if r.article and article_category.get(r.article) == r.category)
    print("\n== articles: seed texts to their seed article %d/%d; dev results on an article of their category %d/%d"
          % (right, len(seed_sigs), coherent, len(results)))
    bad = right < len(seed_sigs) or not seed_sigs or coherent < len(results)
    if bad:
        print("FAIL: every seed text must reach its seed article, every result an article of its category")
    return bad


def _first_category(text: str, ruleset) -> str | None:
    try:
        results = bounce_diagnose(text=text, ruleset=ruleset).results
    except BounceInputError:
        return None
    return results[0].category if results else None


if __name__ == "__main__":
    sys.exit(main())
