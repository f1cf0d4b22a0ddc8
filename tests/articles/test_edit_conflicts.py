"""An article and its signatures are one unit for edit conflicts: a save made on a stale view of
it is refused with a message, and nothing anybody saved is overwritten."""

from __future__ import annotations

import polib
import pytest
from django.core.management import call_command

from tests.articles.test_admin import _change_form_data
from troubleshoot.articles.models import Article, BounceSignature

pytestmark = pytest.mark.django_db
STALE_ARTICLE = "Someone else saved this article or changed one of its signatures after you opened it"
STALE_SIGNATURE = "or one of its signatures after you opened this signature"


def signature_form(admin_client, signature):
    response = admin_client.get(f"/admin/articles/bouncesignature/{signature.pk}/change/")
    form = response.context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data["article"] = signature.article_id
    return {k: ("" if v is None else v) for k, v in data.items()}


def test_a_signature_changed_elsewhere_makes_an_open_article_form_stale(admin_client):
    article = Article.objects.get(slug="invalid-recipient")
    article_copy = _change_form_data(admin_client, article)
    signature = article.signatures.first()
    changed = signature_form(admin_client, signature)
    changed["note"] = "Changed in the signatures admin"
    assert admin_client.post(f"/admin/articles/bouncesignature/{signature.pk}/change/", changed).status_code == 302
    article_copy["title_en"] = "An edit made on the old view"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", article_copy)
    assert response.status_code == 200 and STALE_ARTICLE in response.content.decode()
    assert BounceSignature.objects.get(pk=signature.pk).note == "Changed in the signatures admin"
    assert Article.objects.get(pk=article.pk).title_en != "An edit made on the old view"


def test_an_article_saved_meanwhile_makes_an_open_signature_form_stale(admin_client):
    article = Article.objects.get(slug="invalid-recipient")
    signature = article.signatures.first()
    signature_copy = signature_form(admin_client, signature)
    article_copy = _change_form_data(admin_client, article)
    article_copy["title_en"] = "Saved first"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", article_copy).status_code == 302
    signature_copy["note"] = "Saved on the old view"
    response = admin_client.post(f"/admin/articles/bouncesignature/{signature.pk}/change/", signature_copy)
    assert response.status_code == 200 and STALE_SIGNATURE in response.content.decode()
    assert BounceSignature.objects.get(pk=signature.pk).note != "Saved on the old view"


def test_a_signature_saved_from_test_a_bounce_makes_an_open_article_form_stale(admin_client):
    article = Article.objects.get(slug="policy-violation")
    article_copy = _change_form_data(admin_client, article)
    text = "550 5.7.1 Our gateway refuses mail from your organisation by decision of the board"
    admin_client.post("/admin/articles/article/test-bounce/", {
        "action": "save", "tested": text, "save-article": article.pk, "save-text": text,
        "save-reply_code": "550", "save-status": "5.7.1",
        "save-pattern": "refuses mail from your organisation by decision of the board", "save-note": ""})
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", article_copy)
    assert response.status_code == 200 and STALE_ARTICLE in response.content.decode()
    assert BounceSignature.objects.filter(article=article, text=text).exists()


def test_a_translation_imported_meanwhile_makes_an_open_article_form_stale(admin_client, tmp_path):
    article = Article.objects.get(slug="mailbox-full")
    article_copy = _change_form_data(admin_client, article)
    po = polib.POFile()
    po.metadata = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="mailbox-full:title", msgid=article.title_en, msgstr="Titre importé"))
    path = tmp_path / "fr.po"
    po.save(str(path))
    call_command("import_article_po", str(path), verbosity=0)
    article_copy["title_fr"] = "Titre saisi sur l’ancienne vue"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", article_copy)
    assert response.status_code == 200 and STALE_ARTICLE in response.content.decode()
    assert Article.objects.get(pk=article.pk).title_fr == "Titre importé"


STALE_ARTICLE_MESSAGE = (
    "Someone else saved this article or changed one of its signatures after you opened it. Your changes were not "
    "saved: copy them, reload the page to see the new version, then apply them again.")


def test_a_second_editor_is_told_exactly_why_nothing_was_saved(admin_client):
    article = Article.objects.get(slug="mailbox-full")
    first, second = _change_form_data(admin_client, article), _change_form_data(admin_client, article)
    first["title_en"] = "Saved first"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", first).status_code == 302
    second["title_en"] = "Saved second, on the old view"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", second)
    (error,) = response.context["adminform"].form.non_field_errors().as_data()
    assert (error.messages, error.code) == ([STALE_ARTICLE_MESSAGE], "stale")
    assert Article.objects.get(pk=article.pk).title_en == "Saved first"


def test_a_stale_signature_form_names_the_article_that_changed(admin_client):
    article = Article.objects.get(slug="invalid-recipient")
    signature = article.signatures.first()
    signature_copy = signature_form(admin_client, signature)
    article_copy = _change_form_data(admin_client, article)
    article_copy["title_en"] = "Saved first"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", article_copy).status_code == 302
    response = admin_client.post(f"/admin/articles/bouncesignature/{signature.pk}/change/", signature_copy)
    (error,) = response.context["adminform"].form.non_field_errors().as_data()
    assert error.code == "stale"
    assert error.messages == [
        f"Someone changed the article “{Article.objects.get(pk=article.pk)}” or one of its signatures after you "
        "opened this signature. Nothing was saved: reload the page to see their change, then apply yours again."]


def test_a_new_signature_can_be_added_from_its_own_admin_page(admin_client):
    article = Article.objects.get(slug="policy-violation")
    assert admin_client.get("/admin/articles/bouncesignature/add/").status_code == 200
    response = admin_client.post("/admin/articles/bouncesignature/add/", {
        "article": article.pk, "text": "550 5.7.1 Our board refuses mail from your organisation",
        "reply_code": "550", "status": "5.7.1", "pattern": "", "note": "", "article_revision": "0"})
    assert response.status_code == 302
    assert BounceSignature.objects.filter(article=article, text__contains="Our board refuses").exists()
