"""A provider's own documented code label decides the reason (GoDaddy, Cox, Orange, Exchange 2003...)."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose


@pytest.mark.parametrize("text, category", [
    ("554 192.0.2.5 has been blocked for attempting to mail too many invalid recipients. IB112", "blocked"),
    ("554 5.7.1 Message rejected: SPF check failed. IB508", "authfailure"),
    ("554 AUP#CXDNS: Your IP address has no reverse DNS", "requireptr"),
    ("550 5.7.1 Blocked by policy. AUP#I-1000", "blocked"),
    ("550 5.1.1 Recipient address rejected. OFR004_416", "userunknown"),
    ("550 Refused: RCP-P1 http://postmaster.facebook.com/response_codes", "userunknown"),
    ("MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C05A6) Unknown Recipient", "userunknown"),
])
def test_a_providers_code_label_decides(general_ruleset, text, category):
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category == category
    assert r.evidence and r.evidence[0].split()[-1] in text


def test_a_label_like_word_elsewhere_is_not_read_as_a_code(general_ruleset):
    (r,) = bounce_diagnose(text="550 5.1.1 User unknown: LIBRARY-IB1 account", ruleset=general_ruleset).results
    assert r.category == "userunknown"
