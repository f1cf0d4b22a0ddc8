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
    assert versions.count() == 3  # the seed's first version, then the two edits
    assert versions[2].revision.comment == "Seed content loaded"
    assert versions[2].field_dict["title_en"] == original
    assert versions[0].revision.user == admin_user and versions[0].revision.date_created

    history = admin_client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert "compare" in history.lower()
    compare = admin_client.get(
        f"/admin/articles/article/{article.pk}/history/compare/",
        {"version_id1": versions[1].pk, "version_id2": versions[0].pk},
    ).content.decode()
    assert "<del>First</del><ins>Second</ins> edit" in compare  # word by word

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
    assert "Someone else saved this article or changed one of its signatures after you opened it" in response.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Saved by the first editor"
    assert article.title_fr != "Enregistré par la seconde personne"


def test_every_seeded_article_has_a_first_version():
    for article in Article.objects.all():
        assert Version.objects.get_for_object(article).exists(), article.slug


def test_saving_an_untouched_article_changes_no_field(admin_client):
    article = Article.objects.get(slug="spam-filter")
    data = _change_form_data(admin_client, article)
    # what a browser sends for untouched textareas: CRLF line endings, maybe trailing spaces
    data["body_en"] = data["body_en"].replace("\n", "  \r\n")
    data["body_fr"] = data["body_fr"].replace("\n", "\r\n")
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    saved = Article.objects.get(pk=article.pk)
    assert saved.body_en == article.body_en and saved.body_fr == article.body_fr
    newest, previous = Version.objects.get_for_object(article)[:2]
    for field in ("title_en", "title_fr", "summary_en", "summary_fr", "body_en", "body_fr"):
        assert newest.field_dict[field] == previous.field_dict[field], field


def test_an_untouched_summary_and_sources_sent_with_crlf_are_kept_as_stored(admin_client):
    Article.objects.filter(slug="spam-filter").update(
        summary_en="First line of the summary.\nSecond line.", summary_fr="Première ligne.\nDeuxième ligne.",
        sources="https://example.org/a\nhttps://example.org/b")
    article = Article.objects.get(slug="spam-filter")
    data = _change_form_data(admin_client, article)
    for field in ("summary_en", "summary_fr", "sources"):
        assert "\n" in data[field]
        data[field] = data[field].replace("\n", "  \r\n")
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    saved = Article.objects.get(pk=article.pk)
    assert (saved.summary_en, saved.summary_fr, saved.sources) == (article.summary_en, article.summary_fr,
                                                                    article.sources)
