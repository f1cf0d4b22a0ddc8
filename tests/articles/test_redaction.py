"""No address reaches the database, whatever form or encoding it hides in."""

from __future__ import annotations

import base64

import pytest

from troubleshoot.articles.redaction import email_addresses_redact, text_redact
from troubleshoot.diagnosis import bounce_diagnose, ruleset_compile

REPORT = """From: MAILER-DAEMON@mx.example.org
Subject: =?utf-8?q?Undeliverable=3A_message_to_jdoe=40example=2Ecom?=
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{b64}
--b1
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

D=E9livrance impossible =E0 judy=40example.net (550 5.1.1 unknown)
--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; ann@example.com
Action: failed
Status: 5.1.1
--b1--
"""


def report() -> str:
    body = base64.b64encode("Your message to bob.smith@example.com could not be delivered.\n".encode()).decode()
    return REPORT.format(b64=body)


@pytest.mark.parametrize("text", [
    '550 5.1.1 <"john doe"@example.com>: user unknown',
    "550 5.1.1 <ops@[192.0.2.1]>: user unknown",
    "550 5.1.1 judy=40example.com unknown",
    "Subject: =?utf-8?b?%s?=\n\n550 unknown" % base64.b64encode(b"to kim@example.org").decode(),
    "550 5.1.1 plain.address+tag@sub.example.co.uk: unknown",
])
def test_every_address_form_is_redacted(text):
    redacted = text_redact(text)
    assert "<address>" in redacted
    for leak in ("john doe", "ops@", "judy", "kim@", "plain.address"):
        assert leak not in redacted


def test_addresses_inside_encoded_parts_and_headers_are_decoded_then_redacted():
    redacted = text_redact(report())
    for leak in ("jdoe", "bob.smith", "judy", "ann@"):
        assert leak not in redacted, leak
    # what is not an address stays readable, decoded
    assert "could not be delivered" in redacted
    assert "Délivrance impossible" in redacted
    assert "Status: 5.1.1".lower() in redacted.lower()


def test_a_redacted_report_still_reads_as_the_same_bounce():
    ruleset = ruleset_compile(signatures=[], general_articles={})
    (result,) = bounce_diagnose(text=text_redact(report()), ruleset=ruleset).results
    assert result.category == "userunknown"
    assert result.status == "5.1.1"


def test_an_address_loses_its_domain_too_unless_the_domain_is_asked_for():
    assert email_addresses_redact("550 5.1.1 jdoe@example.com unknown") == "550 5.1.1 <address> unknown"
    assert email_addresses_redact("550 5.1.1 jdoe@example.com unknown", keep_domain=True) == (
        "550 5.1.1 redacted@example.com unknown")


def test_a_kept_domain_never_keeps_part_of_a_quoted_local_part_with_an_at_sign():
    redacted = text_redact('550 5.1.1 <"john@home"@example.com>: unknown', keep_domain=True)
    assert redacted == "550 5.1.1 <redacted@example.com>: unknown"
