"""Shared helpers for the diagnosis library tests (plain pytest, no Django needed)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from troubleshoot.diagnosis import CATEGORIES, SignatureSpec, ruleset_compile

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT_ROOT / "tests" / "corpus" / "bounces" / "dev"

GENERAL = {cat: "general-" + cat for cat in CATEGORIES}

SEED_LIKE = [
    SignatureSpec(article="spam-filter", category="spamdetected", reply_code="553", status="5.7.1",
                  text="553-Message filtered. Please see the FAQs section on spam at "
                       "http://www.messagelabs.com/support/ for more information. (#5.7.1)"),
    SignatureSpec(article="spamhaus-pbl", category="blocked", reply_code="553",
                  text="553-mail rejected because your IP is in the PBL. See http://www.spamhaus.org/pbl"),
    SignatureSpec(article="blocked-ip", category="blocked", text="Sorry, your IP address (<ip>) has been blocked"),
    SignatureSpec(article="invalid-recipient", category="userunknown", reply_code="550", status="5.1.1",
                  text="550-Invalid recipient <user@example.com> (#5.1.1)"),
    SignatureSpec(article="relay-denied", category="norelaying", reply_code="553",
                  text="553-you are trying to use me [server-N.tower-N.messagelabs.com] as a relay, but I have "
                       "not been configured to let you [<ip>, <host>] do this."),
    SignatureSpec(article="too-many-messages", category="ratelimited", reply_code="460", status="4.3.0",
                  text="460 too many messages (#4.3.0)"),
    SignatureSpec(article="sender-blocked", category="rejected", reply_code="553",
                  text="553 sorry, your envelope sender is in my badmailfrom list."),
]


@pytest.fixture(scope="session")
def general_ruleset():
    """Only the general article of each category (no signatures)."""
    return ruleset_compile(signatures=[], general_articles=GENERAL)


@pytest.fixture(scope="session")
def seed_ruleset():
    return ruleset_compile(signatures=SEED_LIKE, general_articles=GENERAL)


@pytest.fixture(scope="session")
def corpus_dir():
    # committed with the repository: a missing corpus is a broken clone, not a reason to skip
    assert (CORPUS / "labels.jsonl").is_file(), "tests/corpus/bounces/dev is missing"
    return CORPUS


@contextmanager
def within(seconds: float):
    """Assert that the block finishes in less than ``seconds``."""
    t0 = time.perf_counter()
    yield
    elapsed = time.perf_counter() - t0
    assert elapsed < seconds, "took %.2fs (limit %.2fs)" % (elapsed, seconds)


def eml(*lines: str, crlf: bool = False) -> bytes:
    text = "\n".join(lines) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def notice(*body: str, sender: str, subject: str) -> bytes:
    """A plain-text notification from a mail system to sender@example.com."""
    return eml("From: %s" % sender, "To: sender@example.com", "Subject: %s" % subject, "", *body)


def report(*, report_type: str, headers: tuple[str, ...], text: str, fields: tuple[str, ...]) -> bytes:
    """A multipart/report (RFC 6522): a human-readable part, then the machine-readable one
    (message/delivery-status, RFC 3464; message/disposition-notification, RFC 8098)."""
    part = "delivery-status" if report_type == "delivery-status" else "disposition-notification"
    return eml(*headers, "MIME-Version: 1.0",
               'Content-Type: multipart/report; report-type=%s; boundary="b"' % report_type, "",
               "--b", "Content-Type: text/plain", "", text,
               "--b", "Content-Type: message/%s" % part, "", *fields, "--b--")


def dsn(*recipient_fields: str) -> bytes:
    """A Postfix-like delivery status notification with these per-recipient fields."""
    return report(report_type="delivery-status",
                  headers=("From: MAILER-DAEMON@mail.example.net (Mail Delivery System)", "To: sender@example.com",
                           "Subject: Undelivered Mail Returned to Sender"),
                  text="I'm sorry to have to inform you that your message could not be delivered.",
                  fields=("Reporting-MTA: dns; mail.example.net", "", *recipient_fields))


DSN_REPORT_BODY = (
    "From: MAILER-DAEMON@mail.example.net (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/report; report-type=delivery-status; boundary="INNER"\n'
    "\n"
    "--INNER\n"
    "Content-Type: text/plain\n"
    "\n"
    "<first@example.org>: host mx.example.org[198.51.100.5] said: 550 5.1.1 User unknown\n"
    "    (in reply to RCPT TO command)\n"
    "--INNER\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.net\n"
    "\n"
    "Final-Recipient: rfc822; first@example.org\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n"
    "--INNER--\n"
)
