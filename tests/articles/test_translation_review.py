"""When the English of an article changes, its French is flagged for review (list, filter, edit
form, .po export, public page) until a translator updates or confirms it."""

from __future__ import annotations

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from tests.articles.test_admin import _change_form_data
from tests.articles.test_permissions import translator  # noqa: F401 - fixture
from troubleshoot.articles.models import Article

pytestmark = pytest.mark.django_db
SLUG = "mailbox-full"
NEEDS_REVIEW = "needs review: French"
PUBLIC_NOTICE = "La version anglaise de cet article a été mise à jour"


def english_changed(admin_client, *, body_en: str) -> Article:
    article = Article.objects.get(slug=SLUG)
    data = _change_form_data(admin_client, article)
    data["body_en"] = body_en
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    return Article.objects.get(slug=SLUG)


def list_page(client, query: str = "") -> str:
    return client.get(f"/admin/articles/article/{query}").content.decode()


def test_seeded_articles_need_no_review(admin_client):
    assert NEEDS_REVIEW not in list_page(admin_client)
    assert SLUG not in list_page(admin_client, "?review=fr")


def test_an_english_edit_flags_the_french_everywhere_staff_and_senders_look(admin_client, client):
    old_body = Article.objects.get(slug=SLUG).body_en
    article = english_changed(admin_client, body_en=old_body + "\n\nAsk the recipient to empty their spam folder too.")

    assert NEEDS_REVIEW in list_page(admin_client)
    flagged = list_page(admin_client, "?review=fr")
    assert f"/admin/articles/article/{article.pk}/change/" in flagged
    unflagged = Article.objects.exclude(slug=SLUG).first()
    assert f"/admin/articles/article/{unflagged.pk}/change/" not in flagged

    form_page = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "French needs review." in form_page
    assert "empty their spam folder too.</ins>" in form_page

    with translation.override("fr"):
        stale_page, fresh_page = article.get_absolute_url(), Article.objects.get(slug="invalid-recipient").get_absolute_url()
    assert PUBLIC_NOTICE in client.get(stale_page).content.decode()
    assert PUBLIC_NOTICE not in client.get(fresh_page).content.decode()


def test_the_po_export_marks_a_stale_translation_fuzzy_with_the_english_it_came_from(admin_client, tmp_path):
    old_body = Article.objects.get(slug=SLUG).body_en
    english_changed(admin_client, body_en=old_body + "\n\nA new paragraph.")
    path = tmp_path / "fr.po"
    call_command("export_article_po", "--lang", "fr", "--output", str(path), verbosity=0)
    entries = {entry.msgctxt: entry for entry in polib.pofile(str(path))}
    body = entries[f"{SLUG}:body"]
    assert "fuzzy" in body.flags and body.previous_msgid == old_body
    assert "fuzzy" not in entries[f"{SLUG}:title"].flags
    assert "fuzzy" not in entries["invalid-recipient:body"].flags


def test_a_translator_confirming_the_french_clears_the_flag(admin_client, translator):  # noqa: F811
    """The translator's confirmation travels in their draft; the flag clears when an editor publishes it."""
    old_body = Article.objects.get(slug=SLUG).body_en
    article = english_changed(admin_client, body_en=old_body + "\n\nA sentence the French already says.")
    data = _change_form_data(translator, article)
    data["reviewed_fr"] = "on"
    assert translator.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    assert NEEDS_REVIEW in list_page(admin_client)  # a draft: nothing published yet
    published = _change_form_data(admin_client, article)
    assert published.get("reviewed_fr") == "on"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", published).status_code == 302
    assert NEEDS_REVIEW not in list_page(admin_client)
    assert Article.objects.get(slug=SLUG).body_fr == article.body_fr  # confirmed, not changed


def test_a_translator_updating_the_french_clears_only_that_field(admin_client, translator, settings):  # noqa: F811
    settings.TRANSLATORS_MAY_PUBLISH = True
    article = Article.objects.get(slug=SLUG)
    data = _change_form_data(admin_client, article)
    data["body_en"] = article.body_en + "\n\nNew English paragraph."
    data["title_en"] = article.title_en + " (updated)"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    article = Article.objects.get(slug=SLUG)
    data = _change_form_data(translator, article)
    data["body_fr"] = article.body_fr + "\n\nNouveau paragraphe."
    assert translator.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    form_page = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "French needs review." in form_page and "title: the English changed" in form_page
    assert "body: the English changed" not in form_page


def test_importing_an_unfuzzied_translation_clears_the_flag(admin_client, tmp_path):
    old_body = Article.objects.get(slug=SLUG).body_en
    english_changed(admin_client, body_en=old_body + "\n\nA new paragraph.")
    path = tmp_path / "fr.po"
    call_command("export_article_po", "--lang", "fr", "--output", str(path), verbosity=0)
    po = polib.pofile(str(path))
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.msgstr += "\n\nUn nouveau paragraphe."
    po.save(str(path))
    call_command("import_article_po", str(path), verbosity=0)
    assert NEEDS_REVIEW not in list_page(admin_client)
    assert Article.objects.get(slug=SLUG).body_fr.endswith("Un nouveau paragraphe.")
