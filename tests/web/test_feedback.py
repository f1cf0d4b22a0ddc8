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


def test_a_vote_in_english_does_not_mark_the_french_page_as_voted(client):
    client.post("/en/spam-filter/feedback/", {"helpful": "yes"})
    assert 'name="helpful"' not in client.get("/en/spam-filter/").content.decode()
    assert 'name="helpful"' in client.get("/fr/spam-filter/").content.decode()
    client.post("/fr/spam-filter/feedback/", {"helpful": "no"})
    assert sorted(Feedback.objects.values_list("language", "helpful")) == [("en", True), ("fr", False)]


def test_a_no_asks_what_was_missing_keeps_it_redacted_and_offers_next_steps(client):
    client.post("/en/spam-filter/feedback/", {"helpful": "no"})
    page = client.get("/en/spam-filter/").content.decode()
    assert "What was missing?" in page
    assert "Paste the whole bounce" in page and "ClientNet" in page
    client.post("/en/spam-filter/feedback/", {"comment": "Nothing about my case, write to me at jo.smith@example.com"})
    (vote,) = Feedback.objects.all()
    assert vote.helpful is False
    assert "jo.smith" not in vote.comment and "<address>" in vote.comment
    page = client.get("/en/spam-filter/").content.decode()
    assert "What was missing?" not in page and "we read every answer" in page


def test_a_comment_without_a_no_vote_is_not_stored(client):
    client.post("/en/spam-filter/feedback/", {"comment": "hello"})
    client.post("/en/spam-filter/feedback/", {"helpful": "yes"})
    client.post("/en/spam-filter/feedback/", {"comment": "hello again"})
    assert list(Feedback.objects.values_list("comment", flat=True)) == [""]


def test_the_result_page_has_the_same_vote_counted_for_its_article_and_comes_back_to_it(client):
    url = "/fr/?error=553+sorry%2C+your+envelope+sender+is+in+my+badmailfrom+list."
    page = client.get(url).content.decode()
    assert 'action="/fr/sender-blocked/feedback/"' in page
    response = client.post("/fr/sender-blocked/feedback/", {"helpful": "yes", "next": url})
    assert response["Location"] == url + "#vote-sender-blocked"
    assert list(Feedback.objects.values_list("article__slug", "language", "helpful")) == [("sender-blocked", "fr", True)]
    assert "Merci pour votre réponse" in client.get(url).content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\\\evil.example"])
def test_a_vote_never_redirects_to_another_site(client, target):
    response = client.post("/en/spam-filter/feedback/", {"helpful": "yes", "next": target})
    assert response["Location"] == "/en/spam-filter/#feedback"
