"""Structure before words: the SMTP stage a report shows decides what the same wording means."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose


def exim(stage: str, reply: str) -> str:
    # Exim's deliver.c: "SMTP error from remote mail server after <command>:" then the host's reply
    return (
        "From: Mail Delivery System <Mailer-Daemon@mail.example.net>\n"
        "Subject: Mail delivery failed: returning message to sender\n\n"
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error. The following address(es) failed:\n\n"
        f"  jane@example.org\n    host mx.example.org [192.0.2.5]\n"
        f"    SMTP error from remote mail server {stage}:\n    {reply}\n"
    )


@pytest.mark.parametrize("stage, reply, category, command", [
    ("after RCPT TO:<jane@example.org>", "550 No such user here", "userunknown", "RCPT"),
    ("after end of data", "550 No such user here", "filtered", "DATA"),
    ("after MAIL FROM:<s@example.com> SIZE=1234", "550 Administrative prohibition", "rejected", "MAIL"),
    ("after initial connection", "554 Access denied", "blocked", "CONN"),
    # transports/smtp.c check_response(): "pipelined " before the command when PIPELINING was used
    ("after pipelined RCPT TO:<jane@example.org>", "550 No such user here", "userunknown", "RCPT"),
    ("after pipelined MAIL FROM:<s@example.com> SIZE=1234", "550 Administrative prohibition", "rejected", "MAIL"),
])
def test_the_stage_of_an_exim_report_decides(general_ruleset, stage, reply, category, command):
    (r,) = bounce_diagnose(text=exim(stage, reply), ruleset=general_ruleset).results
    assert (r.category, r.command, r.recipient) == (category, command, "jane@example.org")


def test_postfix_in_reply_to_end_of_data_makes_an_unknown_user_a_filter(general_ruleset):
    text = ("From: MAILER-DAEMON@mail.example.net (Mail Delivery System)\n"
            "Subject: Undelivered Mail Returned to Sender\n\n"
            "<jane@example.org>: host mx.example.org[192.0.2.5] said: 550 User unknown\n"
            "    (in reply to end of DATA command)\n")
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert (r.category, r.command) == ("filtered", "DATA")


def test_a_pasted_unknown_user_sentence_without_stage_is_an_unknown_user(general_ruleset):
    (r,) = bounce_diagnose(text="jdoe wasn't found at contoso.com.", ruleset=general_ruleset).results
    assert r.category == "userunknown"

