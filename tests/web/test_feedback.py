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
