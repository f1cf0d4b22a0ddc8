#!/usr/bin/env python3
"""What people type into the search box: the right article in the top 3.

Usage: python benchmarks/search_queries.py [--min 0.95] [--all-min 0.90] [--show-holdout]

Reads tests/corpus/queries/queries.jsonl (what senders type, in French and English, with the
site language and every acceptable article; see its README) and the articles in fixtures/*.json,
builds the same search index the site builds (troubleshoot.search), and prints, per language and
per split, the share of queries whose top 3 results hold an acceptable article, then the tune
misses. The holdout half is only measured, never used to tune synonyms or ranking; its misses
are counted, not listed, unless --show-holdout. Exits 1 when the share over the tune half is below
--min, or the share over all queries below --all-min.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _index():
    import django
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "troubleshoot.settings")
    django.setup()
    from troubleshoot.search.services import SearchDocument, SearchIndex

    articles, signatures = {}, collections.defaultdict(list)
    for name in ("seed_articles.json", "general_articles.json"):
        for obj in json.loads((ROOT / "fixtures" / name).read_text(encoding="utf-8")):
            fields = obj["fields"]
            if obj["model"] == "articles.article" and fields.get("is_published", True):
                articles[fields["slug"]] = fields
            elif obj["model"] == "articles.bouncesignature":
                signatures[fields["article"][0]].append(fields["text"])
    documents = [
        SearchDocument(slug=slug, lang=lang, title=f.get(f"title_{lang}") or f["title_en"],
                       summary=f.get(f"summary_{lang}") or f.get("summary_en", ""),
                       body=f.get(f"body_{lang}") or f.get("body_en", ""),
                       bounce_texts=tuple(signatures[slug]), category=f["category"])
        for slug, f in articles.items() for lang in ("en", "fr")
    ]
    return SearchIndex(documents), set(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=None, help="gate on the tune half")
    parser.add_argument("--all-min", type=float, default=None, help="gate on all queries, holdout included")
    parser.add_argument("--show-holdout", action="store_true")
    args = parser.parse_args(argv)
    index, slugs = _index()
    rows = [json.loads(line) for line in (ROOT / "tests" / "corpus" / "queries" / "queries.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    unknown = sorted({s for r in rows for s in r["expected"]} - slugs)
    if unknown:
        print("expected articles that do not exist: %s" % ", ".join(unknown))
        return 1
    tally: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    misses = []
    for row in rows:
        top = [hit.slug for hit in index.search(query=row["query"], lang=row["lang"], limit=3)]
        right = any(slug in row["expected"] for slug in top)
        for key in ((row["lang"], row["split"]), ("all", row["split"]), (row["lang"], "all"), ("all", "all")):
            tally[key][0] += right
            tally[key][1] += 1
        if not right:
            misses.append((row, top))
    print("search queries: %d (top 3 holds an acceptable article)" % len(rows))
    print("lang   tune               holdout            all")
    for lang in ("en", "fr", "all"):
        cells = []
        for split in ("tune", "holdout", "all"):
            right, total = tally[(lang, split)]
            cells.append("%3d/%-3d %5.1f%%   " % (right, total, 100 * right / total if total else 0))
        print("%-5s  %s" % (lang, "".join(cells)))
    shown = [m for m in misses if m[0]["split"] == "tune" or args.show_holdout]
    print("misses: %d listed, %d holdout not listed" % (len(shown), len(misses) - len(shown)))
    for row, top in shown:
        print("  [%s %s] %-40s expected %s, got %s" % (row["lang"], row["split"], row["query"][:40],
                                                     "/".join(row["expected"]), ", ".join(top) or "nothing"))
    failed = False
    for split, minimum in (("tune", args.min), ("all", args.all_min)):
        right, total = tally[("all", split)]
        if minimum is not None and right / total < minimum:
            print("FAIL: %s %.3f < %.3f" % (split, right / total, minimum))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
