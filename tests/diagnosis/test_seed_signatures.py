"""Every signature of the seed articles routes its own bounce text to its own article."""

from __future__ import annotations

import json

from .conftest import PROJECT_ROOT

SEED = PROJECT_ROOT / "fixtures" / "seed_articles.json"


def _accuracy():
    """The accuracy script's fixture loader (benchmarks/accuracy.py), without Django."""
    assert SEED.is_file(), "fixtures/seed_articles.json is committed; a clone without it is broken"
    from benchmarks import accuracy

    return accuracy


def _load():
    accuracy = _accuracy()
    sigs, _general = accuracy.load_fixtures(PROJECT_ROOT / "fixtures")
    ruleset, _n = accuracy.build_ruleset(True)
    seed_slugs = {rec["fields"]["slug"] for rec in json.loads(SEED.read_text("utf-8"))
                  if rec.get("model") == "articles.article"}
    return [s for s in sigs if s.article in seed_slugs], ruleset


def test_all_fixture_signatures_compile():
    ruleset, n = _accuracy().build_ruleset(True)
    assert not ruleset.skipped, [str(e) for e in ruleset.skipped]
    assert len(ruleset.signatures) == n


def test_every_seed_signature_routes_to_its_own_article():
    from troubleshoot.diagnosis import bounce_diagnose

    seed_sigs, ruleset = _load()
    assert seed_sigs
    wrong = []
    for sig in seed_sigs:
        results = bounce_diagnose(text=sig.text, ruleset=ruleset).results
        got = results[0].article if results else None
        if got != sig.article:
            wrong.append((sig.article, sig.text[:80], got, results[0].evidence if results else None))
    assert not wrong, wrong
