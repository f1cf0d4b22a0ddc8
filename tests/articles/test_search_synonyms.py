"""Staff extend the search's synonyms in the admin: a new group works at once in both languages,
and empty or duplicate entries are refused with a message, nothing stored."""

from __future__ import annotations

import pytest

from troubleshoot.articles.models import SearchSynonym

pytestmark = pytest.mark.django_db
ADD = "/admin/articles/searchsynonym/add/"


def found_slugs(client, lang: str, query: str) -> str:
    """The search's hits list only (not the suggestions shown when nothing matched)."""
    page = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    return page.split('<ol class="hits">', 1)[1].split("</ol>", 1)[0] if '<ol class="hits">' in page else ""


def test_a_synonym_added_by_staff_finds_the_article_at_once_in_both_languages(admin_client, client):
    assert "/en/mailbox-full/" not in found_slugs(client, "en", "zorglubbed")
    response = admin_client.post(ADD, {"words": "zorglubbed, mailbox full, boîte pleine", "note": "support forum slang"})
    assert response.status_code == 302
    assert "/en/mailbox-full/" in found_slugs(client, "en", "zorglubbed")
    assert "/fr/mailbox-full/" in found_slugs(client, "fr", "zorglubbed")
    SearchSynonym.objects.get(words__startswith="zorglubbed").delete()
    assert "/en/mailbox-full/" not in found_slugs(client, "en", "zorglubbed")


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("blacklist, , liste noire", "with no empty entry between two commas"),
        ("blacklist", "Give two or more words or phrases"),
        ("   ", "This field is required."),
        ("spam, Spam", "is given twice."),
    ],
)
def test_empty_or_duplicate_entries_are_refused_with_a_message(admin_client, words, message):
    response = admin_client.post(ADD, {"words": words, "note": ""})
    assert response.status_code == 200
    assert message in response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert not SearchSynonym.objects.exists()


def test_the_same_group_twice_is_refused(admin_client):
    assert admin_client.post(ADD, {"words": "bounce, rebond", "note": ""}).status_code == 302
    response = admin_client.post(ADD, {"words": "Rebond,  bounce", "note": ""})
    assert response.status_code == 200 and "The same words are already listed together" in response.content.decode()
    assert SearchSynonym.objects.count() == 1
    assert SearchSynonym.objects.get().words == "bounce, rebond"
