"""GET /api/v1/checks: live DNS checks against a real DNS server (see tests/checks/conftest.py)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import UNLISTED_IP

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_dns(settings, dns_server):
    settings.DNS_RESOLVERS = [dns_server.address]
    settings.CHECKS_BUDGET_SECONDS = 3.0
    settings.CHECKS_RATE_LIMIT = 1000
    return dns_server


def test_the_contract_with_a_listed_ip_and_both_domains(client, local_dns):
    response = client.get("/api/v1/checks", {"ip": "5.6.7.10", "domain": "good.fixture.net",
                                             "recipient_domain": "nullmx.fixture.net", "lang": "en"})
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert {"kind", "target", "verdict", "listed", "detail", "action_url"} <= set(checks[0])
    zen = next(c for c in checks if c["kind"] == "blocklist" and "Spamhaus" in c["source"])
    assert zen["listed"] is True and zen["verdict"] == "problem" and zen["code"] == "pbl"
    assert "5.6.7.10" in zen["action_url"]
    mx = next(c for c in checks if c["kind"] == "mx")
    assert mx["verdict"] == "problem" and mx["code"] == "null_mx"


def test_the_verdicts_are_in_the_requested_language(client, local_dns):
    english = client.get("/api/v1/checks", {"ip": UNLISTED_IP, "lang": "en"}).json()["checks"]
    french = client.get("/api/v1/checks", {"ip": UNLISTED_IP, "lang": "fr"}).json()["checks"]
    assert [c["verdict"] for c in english] == [c["verdict"] for c in french]
    assert english[0]["detail"] != french[0]["detail"]


@pytest.mark.parametrize("params, field", [({"ip": "999.1.1.1"}, "ip"), ({"ip": "192.0.2.1:25"}, "ip"),
                                           ({"domain": "-example..com"}, "domain"),
                                           ({"recipient_domain": "x" * 300}, "recipient_domain")])
def test_a_malformed_target_is_a_400_in_the_visitors_language(client, local_dns, params, field):
    response = client.get("/api/v1/checks", {**params, "lang": "fr"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"]
    assert "n’est pas" in error["message"]


def test_a_private_or_documentation_address_is_not_looked_up(client, local_dns):
    checks = client.get("/api/v1/checks", {"ip": "192.168.1.10", "recipient_domain": "example.com"}).json()["checks"]
    assert checks and all(c["verdict"] == "not_checked" for c in checks)


def test_nothing_to_check_is_a_400_and_post_is_refused(client, local_dns):
    assert client.get("/api/v1/checks").status_code == 400
    assert client.post("/api/v1/checks", {}).status_code == 405


def test_checks_have_their_own_rate_limit(client, local_dns, settings):
    settings.CHECKS_RATE_LIMIT = 2
    statuses = [client.get("/api/v1/checks", {"ip": UNLISTED_IP}, REMOTE_ADDR="198.51.100.99").status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
