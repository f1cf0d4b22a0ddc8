import pytest
from reversion.models import Version

from tests.articles.test_admin import _change_form_data
from troubleshoot.articles.models import Article

pytestmark = pytest.mark.django_db


def save_title(admin_client, article, title):
    data = _change_form_data(admin_client, article)
    data["title_en"] = title
    return admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)


def test_every_admin_change_is_kept_with_who_and_when_and_can_be_compared_and_restored(admin_client, admin_user):
    article = Article.objects.get(slug="spam-filter")
    original = article.title_en
    assert save_title(admin_client, article, "First edit").status_code == 302
    article.refresh_from_db()
    assert save_title(admin_client, article, "Second edit").status_code == 302
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert versions[0].revision.user == admin_user and versions[0].revision.date_created

    history = admin_client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert "compare" in history.lower()
    compare = admin_client.get(
        f"/admin/articles/article/{article.pk}/history/compare/",
        {"version_id1": versions[1].pk, "version_id2": versions[0].pk},
    ).content.decode()
    assert "First edit" in compare and "Second edit" in compare

    revert_url = f"/admin/articles/article/{article.pk}/history/{versions[1].pk}/"
    form_data = _change_form_data(admin_client, Article.objects.get(pk=article.pk))
    page = admin_client.get(revert_url)
    form = page.context["adminform"].form
    form_data.update({name: form.initial[name] for name in ("title_en", "revision")})
    assert form_data["title_en"] == "First edit"
    assert admin_client.post(revert_url, form_data).status_code == 302
    assert Article.objects.get(pk=article.pk).title_en == "First edit"
    assert original != "First edit"


def test_a_second_editor_saving_an_older_copy_is_refused(admin_client):
    article = Article.objects.get(slug="relay-denied")
    first_copy = _change_form_data(admin_client, article)
    second_copy = _change_form_data(admin_client, article)
    first_copy["title_en"] = "Saved by the first editor"
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", first_copy).status_code == 302
    second_copy["title_fr"] = "Enregistré par la seconde personne"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", second_copy)
    assert response.status_code == 200
    assert "Someone else saved this article after you opened it" in response.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Saved by the first editor"
    assert article.title_fr != "Enregistré par la seconde personne"
