import pytest

from troubleshoot.articles.models import Feedback

pytestmark = pytest.mark.django_db


def test_a_visitor_votes_once_per_article_and_language_is_counted(client):
    response = client.post("/fr/spam-filter/feedback/", {"helpful": "yes"})
    assert response.status_code == 302
    client.post("/fr/spam-filter/feedback/", {"helpful": "no"})  # changes their vote, no second one
    votes = list(Feedback.objects.filter(article__slug="spam-filter").values_list("language", "helpful"))
    assert votes == [("fr", False)]
    page = client.get("/fr/spam-filter/").content.decode()
    assert "Merci" in page and 'name="helpful"' not in page


def test_two_visitors_make_two_votes(client, django_user_model):
    from django.test import Client

    client.post("/en/spam-filter/feedback/", {"helpful": "yes"})
    Client().post("/en/spam-filter/feedback/", {"helpful": "yes"})
    assert Feedback.objects.filter(article__slug="spam-filter", helpful=True, language="en").count() == 2


def test_vote_on_unknown_article_is_not_found_and_bad_values_are_ignored(client):
    assert client.post("/en/no-such-article/feedback/", {"helpful": "yes"}).status_code == 404
    assert client.post("/en/spam-filter/feedback/", {"helpful": "maybe"}).status_code == 302
    assert Feedback.objects.count() == 0


def test_sitemap_lists_every_article_with_hreflang_alternates(client):
    content = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/en/spam-filter/" in content
    assert 'hreflang="fr" href="http://testserver/fr/spam-filter/"' in content


def test_votes_from_one_address_are_limited(client, settings):
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    settings.WRITE_RATE_LIMIT = 3
    statuses = [Client().post("/en/spam-filter/feedback/", {"helpful": "no"}).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Feedback.objects.count() == 3
    cache.clear()


def test_searches_without_result_are_recorded_only_within_a_budget(client, settings):
    from django.core.cache import cache

    from troubleshoot.articles.models import MissedQuery

    cache.clear()
    settings.WRITE_RATE_LIMIT = 2
    for n in range(5):
        assert client.get("/en/search/", {"q": f"zqxwv{n}"}).status_code == 200
    assert MissedQuery.objects.count() == 2
    cache.clear()
