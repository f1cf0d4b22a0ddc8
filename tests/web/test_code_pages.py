"""/<lang>/codes/5.7.1/: what a status code means, whether it is temporary, where it leads."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_code_page_says_what_it_means_and_lists_its_articles(client):
    page = client.get("/en/codes/5.2.2/").content.decode()
    assert "<h1>Status code 5.2.2</h1>" in page
    assert "The mailbox is full." in page
    assert "Permanent" in page
    assert 'href="/en/mailbox-full/"' in page


def test_a_temporary_code_in_french(client):
    page = client.get("/fr/codes/4.4.7/").content.decode()
    assert "Code d’état 4.4.7" in page and "Le délai de remise a expiré." in page
    assert "Temporaire" in page


def test_a_provider_code_has_its_own_meaning(client):
    page = client.get("/en/codes/5.7.708/").content.decode()
    assert "your own tenant is blocked" in page


@pytest.mark.parametrize("code", ["9.9.9", "5.7.999999", "abc", "5.1.5"])
def test_an_unknown_code_is_the_sites_404(client, code):
    assert client.get(f"/fr/codes/{code}/").status_code == 404


def test_searching_a_code_shows_its_page_first_and_the_sitemap_lists_them(client):
    page = client.get("/en/search/", {"q": "5.7.1"}).content.decode()
    assert page.index('href="/en/codes/5.7.1/"') < page.index('<ol class="hits">')
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/codes/5.7.26/" in sitemap and "/fr/codes/5.7.26/" in sitemap
