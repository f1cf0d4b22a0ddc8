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
