"""How the built-in rules route SMTP replies worded the way big providers and MTAs word them.

The lines live in tests/corpus/wordings/wordings.jsonl, each with its split: the "tune" half is
asserted here, the "holdout" half is only measured (benchmarks/accuracy.py prints both and the
gap), so that a rule is never written to pass a line it will be scored on.
The table measures the built-in rules alone (no signatures: every category answers with its
general article), so that it tells how well the library generalises to bounces it has never
seen. Each line is a realistic reply (addresses, IPs and queue ids replaced by documentation
values), written from the providers' and MTAs' published wordings, with the category a sender's
help site should route it to. Multi-line replies keep their continuation lines.
"""

from __future__ import annotations

import json

import pytest

from troubleshoot.diagnosis import bounce_diagnose

from .conftest import GENERAL, PROJECT_ROOT


WORDINGS = PROJECT_ROOT / "tests" / "corpus" / "wordings" / "wordings.jsonl"
RECORDS = [json.loads(line) for line in WORDINGS.read_text(encoding="utf-8").splitlines() if line.strip()]
TUNE = [
    pytest.param(r["text"], r["category"], id=r["id"],
                 marks=[pytest.mark.xfail(strict=True, raises=AssertionError, reason=r["known_miss"])]
                 if r.get("known_miss") else [])
    for r in RECORDS if r["split"] == "tune"
]


def test_table_is_large_enough_and_split_in_halves():
    assert len(RECORDS) >= 250
    assert 0.4 < len(TUNE) / len(RECORDS) < 0.6


@pytest.mark.parametrize("text,category", TUNE)
def test_provider_wording_routes_to_category(text, category, general_ruleset):
    r = bounce_diagnose(text=text, ruleset=general_ruleset).results[0]
    assert (r.category, r.article) == (category, GENERAL[category]), (r.category, r.evidence)
