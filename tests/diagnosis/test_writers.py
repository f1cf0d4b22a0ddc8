"""One report per writer family, laid out as that writer lays it out: every recipient and
category right (tests/corpus/writers/README.md says where each layout comes from)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from troubleshoot.diagnosis import bounce_diagnose

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "writers"
EXPECTED = [json.loads(line) for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_writers_corpus_is_all_here():
    assert len(EXPECTED) == 54
    assert {row["file"] for row in EXPECTED} == {path.name for path in (CORPUS / "emails").glob("*.eml")}


@pytest.mark.parametrize("row", EXPECTED, ids=[row["file"] for row in EXPECTED])
def test_each_writers_report_is_read_as_its_writer_meant(general_ruleset, row):
    results = bounce_diagnose(text=(CORPUS / "emails" / row["file"]).read_bytes(), ruleset=general_ruleset).results
    assert [r.recipient for r in results] == row["recipients"]
    assert results[0].category == row["category"], row["why"]


@pytest.mark.parametrize("name, cut", [("apachejames.eml", "Message details"), ("verizon.eml", "Message details"),
                                       ("x6.eml", "The attachment contains"),
                                       ("mailmarshalsmtp.eml", "The following recipients were affected")])
def test_the_error_text_stops_where_the_writer_ends_it(general_ruleset, name, cut):
    (result,) = bounce_diagnose(text=(CORPUS / "emails" / name).read_bytes(), ruleset=general_ruleset).results
    assert result.diagnostic_text.startswith("550")
    assert cut not in result.diagnostic_text
