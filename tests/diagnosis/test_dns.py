"""A domain that does not exist, a DNS failure that may pass, and a domain that takes no mail."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose


@pytest.mark.parametrize("text, category, permanent", [
    # Postfix smtp_addr.c: "Host or domain name not found. Name service error for name=%s type=%s: %s"
    ("<jane@example.invalid>: Host or domain name not found. Name service error for name=example.invalid "
     "type=A: Host not found", "hostunknown", True),
    ("<jane@example.org>: Host or domain name not found. Name service error for name=example.org type=MX: "
     "Host not found, try again", "networkerror", False),
    # Exim: "Unrouteable address"; Exchange Online 5.4.310
    ("550 5.4.310 DNS domain example.invalid does not exist [Message=InfoDomainNonexistent]", "hostunknown", True),
    ("451 4.4.0 DNS query failed. The error was: DNS query failed with error: ErrorRetry", "networkerror", False),
    # RFC 7505 null MX; OpenSMTPD "No MX found for domain"
    ("556 5.1.10 Recipient address rejected: Domain example.org does not accept mail (nullMX)", "notaccept", True),
    ("No MX found for domain example.org", "notaccept", None),
])
def test_dns_failures_are_told_apart(general_ruleset, text, category, permanent):
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category == category
    if permanent is not None:
        assert r.permanent is permanent


@pytest.mark.parametrize("text, category", [
    # a reply or a log line that only says the connection failed is a network error (Postfix
    # smtp_connect.c, Exchange Online 4.4.315 / 4.4.316) ...
    ("connect to mx.example.com[192.0.2.25]:25: Connection timed out", "networkerror"),
    ("450 4.4.315 Connection timed out", "networkerror"),
    ("451 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mx.example.com]",
     "networkerror"),
    # ... and a DNS look-up that timed out too (Haraka helo.checks)
    ("450 DNS timeout resolving your HELO hostname", "networkerror"),
    # ... but the queue holding the destination after failures is how delays and expiries are worded
    ("delivery temporarily suspended: connect to mx.example.com[192.0.2.25]:25: Connection timed out", "expired"),
])
def test_a_failed_connection_is_a_network_error_unless_the_queue_gave_up(general_ruleset, text, category):
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category == category


def test_a_report_that_gave_up_after_connection_failures_is_expired(general_ruleset):
    report = (
        "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; jane@example.org\nAction: failed\n"
        "Status: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.25]:25: Connection timed out\n"
    )
    text = ("From: MAILER-DAEMON@mx.example.net\nTo: joe@example.net\nSubject: Undelivered Mail Returned to Sender\n"
            "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            "--b\nContent-Type: text/plain\n\nI'm sorry to have to inform you that your message could not be "
            "delivered to one or more recipients.\n\n<jane@example.org>: connect to mx.example.org[192.0.2.25]:25: "
            "Connection timed out\n\n--b\nContent-Type: message/delivery-status\n\n" + report + "\n--b--\n")
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.recipient == "jane@example.org"
    assert r.category == "expired"
    assert r.permanent is False
