"""The insight page shows staff what senders hit (bounces read by category, article and language,
unsure and unmatched ones, searches without result, votes), keeps only counts, and exports CSV."""

from __future__ import annotations

import csv
import io

import pytest

from troubleshoot.articles.models import DailyCount

pytestmark = pytest.mark.django_db
PAGE = "/admin/articles/dailycount/"
SECRET_WORDS = ("zanzibar-quartz", "jdoe@example.org")


def senders_visit(client):
    client.get("/en/?error=550+5.1.1+<jdoe@example.org>:+Recipient+address+rejected:+User+unknown")
    client.get("/en/?error=552+5.2.2+Mailbox+full")
    client.get("/fr/?error=550+5.1.1+User+unknown")
    client.get("/fr/?error=zanzibar-quartz+flew+over+the+moon+and+nobody+knows+why+it+did")
    client.get("/en/search/?q=zanzibar-quartz")
    client.get("/en/search/?q=mailbox+full")
    client.post("/fr/spam-filter/feedback/", {"helpful": "no"})


def test_with_no_data_the_page_says_so(admin_client):
    page = admin_client.get(PAGE).content.decode()
    assert "Nothing to show yet for this period" in page


def test_the_page_counts_what_senders_hit_by_category_article_and_language(admin_client, client):
    senders_visit(client)
    page = admin_client.get(PAGE + "?days=7").content.decode()
    assert "Nothing to show yet" not in page
    assert "4 bounces read in all." in page
    assert "not matched: 1 (25%)" in page
    assert "2 searches, of which 1 found nothing (50%)." in page
    assert "recipient-address-unknown" in page and "mailbox-full" in page
    assert "English" in page and "French" in page
    # the worst-voted article, with its language
    assert "<td>spam-filter</td><td>fr</td><td class=\"number\">0</td><td class=\"number\">1</td>" in page


def test_only_counts_are_kept_never_what_was_pasted_or_typed(client):
    senders_visit(client)
    rows = list(DailyCount.objects.values_list("kind", "language", "category", "article"))
    assert rows, "the visits were counted"
    for row in rows:
        for value in row:
            assert not any(word in value for word in SECRET_WORDS), row


def test_the_csv_export_has_one_row_per_count(admin_client, client):
    senders_visit(client)
    response = admin_client.get(PAGE + "?days=30&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    pastes = sum(int(row["count"]) for row in rows if row["kind"] == "paste")
    assert pastes == 4
    assert {row["language"] for row in rows} == {"en", "fr"}


def test_the_page_is_for_staff_only(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_bad_period_falls_back_to_thirty_days(admin_client):
    page = admin_client.get(PAGE + "?days=abc").content.decode()
    assert "The last 30 days, today included." in page
