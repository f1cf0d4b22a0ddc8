import pytest
from django.contrib.auth.models import Group

from tests.articles.test_admin import _change_form_data
from troubleshoot.articles.models import Article, BounceSignature

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("tina", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return client


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("eddie", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_groups_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Translators"}


def test_translator_changes_text_but_not_slug_category_or_signatures(translator, settings):
    settings.TRANSLATORS_MAY_PUBLISH = True  # published at once, to see what was kept
    article = Article.objects.get(slug="blocked-ip")
    signature = article.signatures.first()
    data = _change_form_data(translator, article)
    data.update({"slug": "renamed", "category": "spamdetected", "title_fr": "Votre adresse IP est bloquée (relu)"})
    data["signatures-0-text"] = "tampered"
    response = translator.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_fr == "Votre adresse IP est bloquée (relu)"
    assert (article.slug, article.category) == ("blocked-ip", "blocked")
    assert BounceSignature.objects.get(pk=signature.pk).text == signature.text


def test_translator_cannot_add_or_change_a_signature_directly(translator):
    signature = BounceSignature.objects.first()
    assert translator.get("/admin/articles/bouncesignature/add/").status_code == 403
    response = translator.post(
        f"/admin/articles/bouncesignature/{signature.pk}/change/",
        {"article": signature.article_id, "text": "tampered", "pattern": ""},
    )
    assert response.status_code == 403
    assert BounceSignature.objects.get(pk=signature.pk).text == signature.text


def test_editor_changes_slug_category_and_signatures(editor):
    article = Article.objects.get(slug="blocked-ip")
    signature = article.signatures.order_by("pk").first()
    data = _change_form_data(editor, article)
    (text_field,) = [name for name, value in data.items() if name.endswith("-text") and value == signature.text]
    data["slug"] = "blocked-ip-renamed"
    data["category"] = "badreputation"
    data[text_field] = signature.text + " (seen in 2025)"
    response = editor.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    changed = Article.objects.get(pk=article.pk)
    assert (changed.slug, changed.category) == ("blocked-ip-renamed", "badreputation")
    assert BounceSignature.objects.get(pk=signature.pk).text == signature.text + " (seen in 2025)"


def test_translator_cannot_restore_an_old_version(translator, admin_client):
    from reversion.models import Version

    article = Article.objects.get(slug="spam-filter")
    data = _change_form_data(admin_client, article)
    data["title_en"] = "Edited once"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    version = Version.objects.get_for_object(article).first()
    assert translator.get(f"/admin/articles/article/{article.pk}/history/{version.pk}/").status_code == 403
    assert translator.post(f"/admin/articles/article/{article.pk}/history/{version.pk}/", data).status_code == 403
    assert translator.get(f"/admin/articles/article/recover/{version.pk}/").status_code == 403
