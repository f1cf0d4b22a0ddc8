"""Every result has an address: reload it, bookmark it, switch its language, send it on."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from troubleshoot.articles.models import SavedReport

pytestmark = pytest.mark.django_db

SHORT = "553 sorry, your envelope sender is in my badmailfrom list."
LONG = (
    "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\n"
    "Content-Type: text/plain\n\n"
    + "This is the mail system at host mx.example.org.\n" * 40
    + "<jane.roe@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 <jane.roe@example.com>: "
      "Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)\n"
)


def test_a_short_paste_redirects_to_its_link_and_reloading_sends_nothing(client):
    response = client.post("/fr/diagnose/", {"text": SHORT})
    assert response.status_code == 303
    assert response["Location"].startswith("/fr/?error=553+sorry")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'href="/fr/sender-blocked/"' in page.content.decode()
    assert not SavedReport.objects.exists()


def test_a_long_report_is_kept_redacted_under_an_unguessable_link(client):
    response = client.post("/en/diagnose/", {"text": LONG})
    assert response.status_code == 303
    match = re.fullmatch(r"/en/result/([A-Za-z0-9_-]{22})/", response["Location"])
    assert match
    (report,) = SavedReport.objects.all()
    assert report.token == match.group(1)
    assert "jane.roe" not in report.text and "redacted@example.com" in report.text
    english = client.get(response["Location"]).content.decode()
    assert 'href="/en/recipient-address-unknown/"' in english
    assert f'value="http://testserver/en/result/{report.token}/"' in english
    # the language switch keeps the result
    assert f'href="/fr/result/{report.token}/"' in english
    french = client.get(f"/fr/result/{report.token}/").content.decode()
    assert 'href="/fr/recipient-address-unknown/"' in french


def test_the_language_switch_on_a_link_result_or_a_search_keeps_it(client):
    result = client.get("/en/", {"error": SHORT}).content.decode()
    assert 'href="/fr/?error=553+sorry' in result
    search = client.get("/fr/search/", {"q": "relais"}).content.decode()
    assert 'href="/en/search/?q=relais"' in search


@pytest.mark.parametrize("token", ["nope", "A" * 22, "../../etc/passwd", "x" * 200])
def test_an_unknown_or_malformed_link_is_the_sites_404_in_the_visitors_language(client, token):
    response = client.get(f"/fr/result/{token}/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_an_expired_link_is_a_404_and_the_purge_forgets_it(client, settings):
    location = client.post("/en/diagnose/", {"text": LONG})["Location"]
    SavedReport.objects.update(created_at=timezone.now() - timedelta(days=settings.SAVED_REPORT_RETENTION_DAYS + 1))
    assert client.get(location).status_code == 404
    call_command("purge_saved_reports", verbosity=0)
    assert not SavedReport.objects.exists()


def test_the_summary_for_the_mail_administrator_has_the_verdict_codes_evidence_and_links(client):
    page = client.get("/en/", {"error": SHORT}).content.decode()
    summary = re.search(r'<textarea id="summary-text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "Most likely:" in summary
    assert "553" in summary
    assert "badmailfrom" in summary
    assert "http://testserver/en/sender-blocked/" in summary
    assert "This result: http://testserver/en/?error=553+sorry" in summary
    assert 'href="mailto:?subject=Bounce%20diagnosis&amp;body=' in page


def test_the_answer_comes_first_with_steps_and_a_resend_verdict(client):
    page = client.get("/en/", {"error": "552 5.2.2 <bob@example.com>: mailbox full"}).content.decode()
    verdict = page.index('class="verdict"')
    steps = page.index('class="first-steps"')
    resend = page.index('class="resend"')
    technical = page.index('class="technical"')
    assert verdict < steps < resend < technical
    first_steps = page[steps:resend]
    assert first_steps.count("<li>") in (1, 2, 3)
