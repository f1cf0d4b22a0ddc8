"""Every signature of the seed articles routes its own bounce text to its own article."""

from __future__ import annotations

import sys

import pytest

from .conftest import PROJECT_ROOT

SEED = PROJECT_ROOT / "fixtures" / "seed_articles.json"


def _load():
    if not SEED.is_file():
        pytest.skip("fixtures/seed_articles.json is not there yet")
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        from accuracy import build_ruleset, load_fixtures
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    seed_only = PROJECT_ROOT / "fixtures"
    sigs, _general = load_fixtures(seed_only)
    ruleset, _n = build_ruleset(True)
    seed_slugs = {rec["fields"]["slug"] for rec in __import__("json").loads(SEED.read_text("utf-8"))
                  if rec.get("model") == "articles.article"}
    return [s for s in sigs if s.article in seed_slugs], ruleset


def test_all_fixture_signatures_compile():
    if not SEED.is_file():
        pytest.skip("fixtures/seed_articles.json is not there yet")
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        from accuracy import build_ruleset
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    ruleset, n = build_ruleset(True)
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
