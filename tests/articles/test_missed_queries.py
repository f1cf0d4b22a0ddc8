from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from troubleshoot.articles.models import MissedQuery

pytestmark = pytest.mark.django_db

UNCLEAR = "Hello jane.doe@example.com, your message to bob@corp.example could not be handled today, sorry about that."


def test_an_unrecognised_paste_is_kept_once_with_a_count_and_without_addresses(client):
    for _ in range(2):
        assert client.post("/fr/diagnose/", {"text": UNCLEAR}, follow=True).status_code == 200
    (missed,) = MissedQuery.objects.all()
    assert missed.kind == "paste" and missed.count == 2 and missed.language == "fr"
    assert "@" not in missed.text and "jane.doe" not in missed.text
    assert "<address>" in missed.text


def test_a_recognised_paste_is_not_kept(client):
    client.post("/en/diagnose/", {"text": "553 sorry, your envelope sender is in my badmailfrom list."}, follow=True)
    assert not MissedQuery.objects.exists()


def test_a_search_without_result_is_kept_but_not_one_with_results(client):
    client.get("/en/search/", {"q": "zqxwv flibber"})
    client.get("/en/search/", {"q": "relay"})
    assert list(MissedQuery.objects.values_list("kind", "text")) == [("search", "zqxwv flibber")]


def test_purge_deletes_only_entries_older_than_the_retention(settings):
    old = MissedQuery.objects.create(kind="search", text="old", digest="a" * 64, language="en")
    MissedQuery.objects.filter(pk=old.pk).update(last_seen=timezone.now() - timedelta(days=settings.MISSED_QUERY_RETENTION_DAYS + 1))
    MissedQuery.objects.create(kind="search", text="recent", digest="b" * 64, language="en")
    call_command("purge_missed_queries", verbosity=0)
    assert list(MissedQuery.objects.values_list("text", flat=True)) == ["recent"]
    call_command("purge_missed_queries", "--days", "0", verbosity=0)
    assert not MissedQuery.objects.exists()


def test_staff_see_them_by_frequency_and_open_one_in_test_a_bounce(admin_client):
    MissedQuery.objects.create(kind="paste", text="rare bounce", digest="c" * 64, language="en", count=1)
    frequent = MissedQuery.objects.create(kind="paste", text="frequent bounce text", digest="d" * 64, language="fr", count=9)
    response = admin_client.get("/admin/articles/missedquery/")
    rows = [q.text for q in response.context["cl"].result_list]
    assert rows == ["frequent bounce text", "rare bounce"]
    link = f"/admin/articles/article/test-bounce/?missed={frequent.pk}"
    assert link in response.content.decode()
    assert "frequent bounce text" in admin_client.get(link).content.decode()


def test_the_same_search_in_two_languages_is_two_rows(client):
    client.get("/en/search/", {"q": "zqxwv qqjjk"})
    client.get("/fr/search/", {"q": "zqxwv qqjjk"})
    client.get("/fr/search/", {"q": "zqxwv qqjjk"})
    assert sorted(MissedQuery.objects.values_list("language", "count")) == [("en", 1), ("fr", 2)]


def test_staff_create_an_article_from_an_unfound_search_in_its_language(admin_client, client):
    client.get("/fr/search/", {"q": "zqxwvk qqjjkx"})
    query = MissedQuery.objects.get(kind=MissedQuery.Kind.SEARCH, language="fr")
    page = admin_client.get("/admin/articles/missedquery/?language=fr").content.decode()
    assert "Create an article from this" in page
    add_link = next(part.split('"', 1)[0] for part in page.split('href="')[1:]
                    if part.startswith("/admin/articles/article/add/?") and "Create an article from this" in part[:600])
    form_page = admin_client.get(add_link.replace("&amp;", "&")).content.decode()
    assert query.text == "zqxwvk qqjjkx"
    assert 'name="title_fr" value="zqxwvk qqjjkx"' in form_page
