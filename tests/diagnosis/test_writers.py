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


def _sendmail_local_failure(transcript: str, exit_status: str) -> str:
    # sendmail savemail.c errbody(): a prog mailer named by an alias failed; DSN "X-Unix; <exit status>"
    return (
        "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\n"
        "Subject: Returned mail: see transcript for details\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
        "--b\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        '"|/usr/local/bin/intake"\n'
        "    (reason: Service unavailable)\n"
        "    (expanded from: <tickets@example.org>)\n\n"
        "   ----- Transcript of session follows -----\n"
        f"{transcript}\n\n"
        "--b\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mail.example.org\n\n"
        "Final-Recipient: RFC822; tickets@example.org\n"
        "Action: failed\nStatus: 5.3.0\n"
        f"Diagnostic-Code: X-Unix; {exit_status}\n\n--b--\n"
    )


def test_a_sendmail_program_that_died_with_an_unknown_status_is_a_mailer_error(general_ruleset):
    text = _sendmail_local_failure("sh: /usr/local/bin/intake: not found\n"
                                   '554 5.3.0 "|/usr/local/bin/intake"... unknown mailer error 127', "127")
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert (r.recipient, r.category, r.permanent) == ("tickets@example.org", "mailererror", True)
    assert any("unknown mailer error 127" in e for e in r.evidence)


def test_a_sendmail_local_failure_with_a_sysexits_status_is_not_called_a_mailer_error(general_ruleset):
    # EX_UNAVAILABLE (69) is a status the program chose: sendmail prints its sysexits text, and the
    # reading stays with the status code, as before
    text = _sendmail_local_failure('554 5.3.0 "|/usr/local/bin/intake"... Service unavailable', "69")
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category != "mailererror"
