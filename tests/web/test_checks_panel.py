"""The result page's "Checked just now" panel: after the answer, from the tests' real DNS server."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.django_db

REFUSAL = ("550 5.7.1 Service unavailable; Client host [5.6.7.10] blocked using zen.spamhaus.org; "
           "https://www.spamhaus.org/query/ip/5.6.7.10")


@pytest.fixture
def local_dns(settings, dns_server):
    settings.DNS_RESOLVERS = [dns_server.address]
    settings.CHECKS_RATE_LIMIT = 1000
    return dns_server


def test_the_result_page_offers_the_checks_without_waiting_for_them(client, local_dns):
    page = client.get("/en/", {"error": REFUSAL}).content.decode()
    assert 'data-checks-url="/en/checks/?ip=5.6.7.10' in page
    assert '<button type="submit" class="secondary">Check now</button>' in page
    assert "Checked just now" not in page  # the DNS answers are not part of the answer's page


def test_check_now_shows_the_panel_on_a_page_of_its_own_in_french(client, local_dns):
    page = client.get("/fr/checks/", {"ip": "5.6.7.10", "topics": "reputation"}).content.decode()
    assert "<h1>Vérifié à l’instant</h1>" in page
    assert "check-problem" in page and "Problème" in page
    assert "5.6.7.10" in page


def test_the_script_gets_the_panel_alone(client, local_dns):
    fragment = client.get("/en/checks/", {"ip": "5.6.7.10", "fragment": "1"}).content.decode()
    assert fragment.lstrip().startswith('<div class="checks-panel"')
    assert "<html" not in fragment


def test_a_malformed_target_gets_a_clear_message_not_an_error(client, local_dns):
    response = client.get("/fr/checks/", {"ip": "999.1.1.1"})
    assert response.status_code == 400
    assert "n’est pas une adresse IP" in response.content.decode()


def test_a_documentation_address_is_said_to_be_not_checked(client, local_dns):
    page = client.get("/en/checks/", {"ip": "192.0.2.44"}).content.decode()
    assert "Not checked" in page and "documentation" in page


def test_the_panel_says_what_the_checks_explain_and_links_the_article(client, local_dns):
    page = client.get("/en/checks/", {"ip": "5.6.7.10", "category": "securityerror"}).content.decode()
    assert "Your sending IP is on the Spamhaus PBL" in page
    assert 'href="/en/spamhaus-pbl/"' in page


def test_the_panel_says_when_the_checks_contradict_a_block_list_verdict(client, local_dns):
    from tests.checks.conftest import UNLISTED_IP

    page = client.get("/fr/checks/", {"ip": UNLISTED_IP, "category": "blocked"}).content.decode()
    assert 'class="finding notice"' in page
    assert 'href="/fr/blocked-ip/"' in page


def test_a_dmarc_policy_that_fails_for_the_ip_is_tied_to_the_authentication_article(client, local_dns):
    page = client.get("/en/checks/", {"ip": "5.6.7.99", "domain": "good.fixture.net", "category": "securityerror"})
    assert 'href="/en/spf-dkim-dmarc-failure/"' in page.content.decode()


def test_the_result_names_the_senders_ip_and_uses_it_in_the_steps(client):
    page = client.get("/en/", {"error": REFUSAL}).content.decode()
    assert "Your sending server's IP address</dt><dd><code>5.6.7.10</code>" in page
    assert 'href="https://check.spamhaus.org/results/?query=5.6.7.10"' in page
    assert "<code>dig -x 5.6.7.10 +short</code>" in page


def test_a_text_that_is_not_a_bounce_says_how_to_get_the_real_one(client):
    text = ("Hi Tom, thanks for the lunch yesterday. " * 5).strip()
    page = client.post("/fr/diagnose/", {"text": text}, follow=True).content.decode()
    assert "Afficher l’original" in page or "Show original" in page


def test_an_address_not_looked_up_is_said_once(client, local_dns):
    page = client.get("/en/checks/", {"ip": "192.0.2.44"}).content.decode()
    assert page.count("reserved for documentation") == 1


def test_the_refusing_servers_own_address_is_not_taken_for_the_senders(client):
    report = ("From: MAILER-DAEMON@mx.example.net\nTo: me@example.net\nSubject: Undelivered Mail Returned to Sender\n\n"
              "<bob@example.org>: host mx.example.org[198.51.100.25] said: 552 5.2.2 <bob@example.org>: Mailbox full "
              "(in reply to RCPT TO command)\n")
    page = client.post("/en/diagnose/", {"text": report}, follow=True).content.decode()
    assert "Your sending server" not in page
    assert "ip=198.51.100.25" not in page
