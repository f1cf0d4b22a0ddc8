"""Drafts: an article's changes (text in both languages and signatures) can wait beside the
published version; only publishing changes the site. Translators draft, editors publish."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.articles.test_admin import _change_form_data
from troubleshoot.articles.models import Article, ArticleDraft, BounceSignature, ContentVersion

pytestmark = pytest.mark.django_db
SLUG = "mailbox-full"


def staff_client(django_user_model, name: str, group: str) -> Client:
    user = django_user_model.objects.create_user(name, password="a-long-password-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    return staff_client(django_user_model, "eddie", "Editors")


@pytest.fixture
def other_editor(django_user_model):
    return staff_client(django_user_model, "edith", "Editors")


@pytest.fixture
def translator(django_user_model):
    return staff_client(django_user_model, "tina", "Translators")


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def public_page(lang: str = "en") -> str:
    return Client().get(f"/{lang}/{SLUG}/").content.decode()


def version() -> int:
    return ContentVersion.objects.get(pk=1).version


def test_a_saved_draft_changes_nothing_on_the_site_until_it_is_published(editor):
    article = Article.objects.get(slug=SLUG)
    before = version()
    data = _change_form_data(editor, article)
    data["title_en"] = "Draft title: the mailbox is full"
    data["_save_draft"] = "Save draft"
    response = editor.post(change_url(article), data)
    assert response.status_code == 302
    assert "Draft title" not in public_page()
    assert version() == before and Article.objects.get(pk=article.pk).title_en == article.title_en

    form_page = editor.get(change_url(article)).content.decode()
    assert "You are looking at a draft saved by eddie" in form_page
    assert 'value="Draft title: the mailbox is full"' in form_page

    published = _change_form_data(editor, article)  # the form as it now shows: the draft
    assert editor.post(change_url(article), {**published, "_save": "Save"}).status_code == 302
    assert "Draft title: the mailbox is full" in public_page()
    assert version() > before
    assert not ArticleDraft.objects.filter(article=article).exists()


def test_a_draft_holds_signatures_too(editor):
    article = Article.objects.get(slug=SLUG)
    data = _change_form_data(editor, article)
    prefix = "signatures"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update({f"{prefix}-TOTAL_FORMS": str(total + 1), f"{prefix}-{total}-text": "552 5.2.2 Draft quota wording",
                 f"{prefix}-{total}-reply_code": "552", f"{prefix}-{total}-status": "5.2.2",
                 f"{prefix}-{total}-pattern": "Draft quota wording", f"{prefix}-{total}-note": "",
                 f"{prefix}-{total}-article": str(article.pk), "_save_draft": "Save draft"})
    assert editor.post(change_url(article), data).status_code == 302
    assert not BounceSignature.objects.filter(text="552 5.2.2 Draft quota wording").exists()
    assert "552 5.2.2 Draft quota wording" in editor.get(change_url(article)).content.decode()
    published = _change_form_data(editor, article)
    assert editor.post(change_url(article), {**published, "_save": "Save"}).status_code == 302
    assert BounceSignature.objects.filter(article=article, text="552 5.2.2 Draft quota wording").exists()


def test_discarding_a_draft_leaves_the_published_version(editor):
    article = Article.objects.get(slug=SLUG)
    data = {**_change_form_data(editor, article), "title_en": "Soon gone", "_save_draft": "Save draft"}
    editor.post(change_url(article), data)
    response = editor.post(change_url(article), {"_discard_draft": "Discard draft"}, follow=True)
    assert "The draft was discarded" in response.content.decode()
    assert not ArticleDraft.objects.exists()
    assert "Soon gone" not in editor.get(change_url(article)).content.decode()


def test_a_translator_saves_a_draft_and_an_editor_publishes_it(translator, editor):
    article = Article.objects.get(slug=SLUG)
    data = {**_change_form_data(translator, article), "title_fr": "La boîte du destinataire déborde"}
    form_page = translator.get(change_url(article)).content.decode()
    assert 'name="_save_draft"' in form_page and 'name="_save"' not in form_page
    assert translator.post(change_url(article), {**data, "_save": "Save"}).status_code == 302  # a draft all the same
    assert "La boîte du destinataire déborde" not in public_page("fr")
    published = _change_form_data(editor, article)
    assert published["title_fr"] == "La boîte du destinataire déborde"
    assert editor.post(change_url(article), {**published, "_save": "Save"}).status_code == 302
    assert "La boîte du destinataire déborde" in public_page("fr")


def test_a_setting_lets_translators_publish(translator, settings):
    settings.TRANSLATORS_MAY_PUBLISH = True
    article = Article.objects.get(slug=SLUG)
    data = {**_change_form_data(translator, article), "title_fr": "Boîte pleine, publiée par la traductrice"}
    assert translator.post(change_url(article), {**data, "_save": "Save"}).status_code == 302
    assert "Boîte pleine, publiée par la traductrice" in public_page("fr")


def test_two_editors_publishing_the_same_draft_one_wins_the_other_is_told(editor, other_editor):
    article = Article.objects.get(slug=SLUG)
    editor.post(change_url(article), {**_change_form_data(editor, article), "title_en": "Shared draft",
                                      "_save_draft": "Save draft"})
    first, second = _change_form_data(editor, article), _change_form_data(other_editor, article)
    assert editor.post(change_url(article), {**first, "_save": "Save"}).status_code == 302
    response = other_editor.post(change_url(article), {**second, "title_en": "Shared draft, edited", "_save": "Save"})
    assert response.status_code == 200
    assert "Someone else saved this article" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title_en == "Shared draft"


def test_a_scheduled_draft_is_published_by_the_next_run(editor):
    article = Article.objects.get(slug=SLUG)
    past = timezone.localtime() - timedelta(minutes=5)
    editor.post(change_url(article), {**_change_form_data(editor, article), "title_en": "Scheduled title",
                                      "publish_at_0": past.strftime("%Y-%m-%d"), "publish_at_1": past.strftime("%H:%M:%S"),
                                      "_save_draft": "Save draft"})
    assert ArticleDraft.objects.get(article=article).publish_at is not None
    assert "Scheduled title" not in public_page()
    call_command("publish_drafts", verbosity=0)
    assert "Scheduled title" in public_page()
    assert not ArticleDraft.objects.exists()


def test_a_scheduled_draft_whose_signature_misses_its_example_is_refused_and_the_site_unchanged(editor, capsys):
    article = Article.objects.get(slug=SLUG)
    editor.post(change_url(article), {**_change_form_data(editor, article), "title_en": "Never published",
                                      "_save_draft": "Save draft"})
    draft = ArticleDraft.objects.get(article=article)
    draft.data["signatures-0-pattern"] = ["a pattern its own text does not contain"]
    draft.publish_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    with pytest.raises(SystemExit):
        call_command("publish_drafts", verbosity=0)
    assert "does not match its own bounce text" in capsys.readouterr().err
    assert "Never published" not in public_page()
    assert ArticleDraft.objects.filter(article=article).exists()


def test_preview_shows_what_was_typed_in_both_languages_without_saving_it(editor):
    article = Article.objects.get(slug=SLUG)
    data = {**_change_form_data(editor, article), "title_en": "Typed, not saved", "body_fr": "Texte **saisi**."}
    page = editor.post(f"/admin/articles/article/{article.pk}/preview/", data).content.decode()
    assert "Typed, not saved" in page and "<strong>saisi</strong>" in page
    assert "web/site" in page and 'lang="fr"' in page
    assert Article.objects.get(pk=article.pk).title_en == article.title_en
    assert not ArticleDraft.objects.exists()


def test_an_editor_opening_a_translators_draft_keeps_the_signatures_and_can_publish(translator, editor):
    article = Article.objects.get(slug=SLUG)
    data = _change_form_data(translator, article)
    assert translator.post(change_url(article), {**data, "title_fr": "Titre proposé par la traductrice"}).status_code == 302
    signatures_before = list(BounceSignature.objects.filter(article=article).values_list("text", flat=True))
    published = _change_form_data(editor, article)
    assert published["title_fr"] == "Titre proposé par la traductrice"
    response = editor.post(change_url(article), {**published, "_save": "Save"})
    assert response.status_code == 302
    assert list(BounceSignature.objects.filter(article=article).values_list("text", flat=True)) == signatures_before
