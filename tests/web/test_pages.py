import pytest
from django.utils import translation

from troubleshoot.articles.models import Article

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response["Location"] == "/en/"


def test_french_home_page_is_in_french(client):
    # Fails when the French catalogue is missing or not compiled.
    response = client.get("/fr/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in content
    assert "Il y a de grandes chances que vous ayez atterri là" in content
    assert "Collez le message d’erreur ou le rapport de non-remise complet" in content  # the paste box's label
    assert "Paste the error message or the whole bounce" not in content
    assert "The chances are that you have arrived here" not in content


def test_english_home_page_opens_with_the_seed_introduction(client):
    content = client.get("/en/").content.decode()
    assert "The chances are that you have arrived here" in content


def test_operator_and_portal_names_come_from_settings(client, settings):
    settings.OPERATOR_NAME = "Example Mail Shield"
    settings.PORTAL_NAME = "ShieldPortal"
    content = client.get("/en/").content.decode()
    assert "Example Mail Shield clients can log into ShieldPortal" in content
    assert "ClientNet" not in content


def test_home_page_lists_every_published_article_grouped_by_category(client):
    content = client.get("/en/").content.decode()
    published = list(Article.objects.published())
    assert len(published) >= 50  # the seed's 16 articles and 34 general ones
    for article in published:
        assert f'href="/en/{article.slug}/"' in content
    assert 'id="category-spamdetected"' in content


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_article_page_renders_in_both_languages(client, lang):
    published = list(Article.objects.published())
    assert len(published) >= 50  # the seed's 16 articles and 34 general ones
    for article in published:
        response = client.get(f"/{lang}/{article.slug}/")
        assert response.status_code == 200, article.slug
        content = response.content.decode()
        with translation.override(lang):
            title = getattr(article, f"title_{lang}") or article.title_en
        assert title.replace("'", "&#x27;").replace('"', "&quot;") in content
        other = "fr" if lang == "en" else "en"
        assert f'href="/{other}/{article.slug}/"' in content


def test_article_page_shows_its_bounce_texts_and_permanence(client):
    content = client.get("/en/sender-blocked/").content.decode()
    assert "553 sorry, your envelope sender is in my badmailfrom list." in content
    assert "Permanent failure" in content


def test_unpublished_article_is_not_found(client):
    Article.objects.filter(slug="spam-filter").update(is_published=False)
    assert client.get("/en/spam-filter/").status_code == 404
    assert 'href="/en/spam-filter/"' not in client.get("/en/").content.decode()


def test_link_without_language_goes_to_the_visitors_language(client):
    response = client.get("/spam-filter/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/spam-filter/"


def test_not_found_page_is_in_the_visitors_language(client):
    response = client.get("/fr/no-such-article/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_french_falls_back_to_english_with_a_notice(client):
    Article.objects.filter(slug="spam-filter").update(body_fr="", body_en="Check **your block list status** first.")
    content = client.get("/fr/spam-filter/").content.decode()
    assert "<strong>your block list status</strong>" in content
    assert "pas encore entièrement traduit" in content
    assert "pas encore entièrement traduit" not in client.get("/fr/blocked-ip/").content.decode()


def test_article_body_markdown_is_sanitised(client):
    Article.objects.filter(slug="spam-filter").update(body_en="Hello <script>alert(1)</script> **bold** <img src=x onerror=alert(2)>")
    content = client.get("/en/spam-filter/").content.decode()
    assert "<strong>bold</strong>" in content
    assert "alert(1)</script>" not in content
    assert "onerror" not in content


def test_server_error_page_is_in_the_visitors_language(client, monkeypatch):
    import troubleshoot.web.views as views

    def broken():
        raise RuntimeError("database on fire")

    monkeypatch.setattr(views, "content_snapshot_get", broken)
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    assert '<html lang="fr">' in response.content.decode()
    assert "Une erreur" in response.content.decode() or "Un problème" in response.content.decode()
    assert "database on fire" not in response.content.decode()


def test_a_not_found_page_never_links_to_the_path_it_was_given(client):
    response = client.get("/", PATH_INFO="//evil.example/")  # as a server may pass it on
    content = response.content.decode()
    assert response.status_code == 404
    assert "evil.example" not in content
    assert 'href="/fr/"' in content


def test_every_page_has_our_favicon_and_the_browsers_default_address_finds_it(client):
    page = client.get("/en/").content.decode()
    assert 'rel="icon" href="/static/web/favicon.svg"' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/web/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("web/favicon.svg")
