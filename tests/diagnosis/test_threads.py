"""The reader keeps no state between diagnoses: many threads at once get the sequential answers."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from troubleshoot.diagnosis import bounce_diagnose

from .conftest import CORPUS


def test_diagnoses_from_many_threads_match_the_sequential_ones(general_ruleset):
    inputs = [p.read_bytes() for p in sorted((CORPUS / "emails").glob("*.eml"))]
    inputs += [b"\x00\x01\x02" * 500, "hello", "550 5.1.1 " + "<a@b.example> " * 5000]  # hostile ones too
    assert len(inputs) == 227

    def answer(data):
        try:
            return json.dumps(bounce_diagnose(text=data, ruleset=general_ruleset).to_dict(), sort_keys=True)
        except Exception as error:  # noqa: BLE001 - a refusal is an answer too, compared like the others
            return repr(error)

    sequential = [answer(data) for data in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(answer, inputs * 4))
    assert concurrent == sequential * 4
