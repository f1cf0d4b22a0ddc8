import pytest

from troubleshoot.articles.models import Article, BounceSignature

pytestmark = pytest.mark.django_db


def _change_form_data(admin_client, article):
    """The admin change form as a browser would submit it, unchanged."""
    response = admin_client.get(f"/admin/articles/article/{article.pk}/change/")
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = value
    formset = response.context["inline_admin_formsets"][0].formset
    prefix = formset.prefix
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(len(formset.forms)),
            f"{prefix}-INITIAL_FORMS": str(len(formset.initial_forms)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    )
    for index, inline_form in enumerate(formset.forms):
        for name in ["id", "article", "text", "reply_code", "status", "pattern", "note"]:
            value = inline_form[name].value()  # what the page shows: a draft's rows, or the saved ones
            if name == "article":
                value = article.pk
            elif name == "id" and not formset.is_bound:
                value = inline_form.instance.pk
            data[f"{prefix}-{index}-{name}"] = "" if value is None else value
    return data


def test_staff_edit_both_languages_and_the_public_pages_show_it(admin_client, client):
    article = Article.objects.get(slug="blocked-domain")
    data = _change_form_data(admin_client, article)
    data["title_en"] = "Your domain is on the recipient's block list"
    data["title_fr"] = "Votre domaine figure sur la liste de blocage du destinataire"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302, (response.context["adminform"].form.errors, [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms], response.context["inline_admin_formsets"][0].formset.non_form_errors())
    assert "Your domain is on the recipient&#x27;s block list" in client.get("/en/blocked-domain/").content.decode()
    assert "Votre domaine figure sur la liste de blocage du destinataire" in client.get("/fr/blocked-domain/").content.decode()


def test_change_form_shows_both_languages_and_a_rendered_preview(admin_client):
    article = Article.objects.get(slug="spam-filter")
    content = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="title_en"' in content and 'name="title_fr"' in content
    assert 'name="signatures-0-text"' in content
    assert '<section lang="fr">' in content and '<section lang="en">' in content
    assert "<ol" in content  # the numbered steps, rendered


def test_article_list_filters_missing_french(admin_client):
    Article.objects.filter(slug="spam-filter").update(summary_fr="")
    response = admin_client.get("/admin/articles/article/?missing=fr")
    slugs = [a.slug for a in response.context["cl"].result_list]
    assert slugs == ["spam-filter"]


def test_article_list_searches_titles_in_both_languages_and_bounce_texts(admin_client):
    def search(q):
        response = admin_client.get("/admin/articles/article/", {"q": q})
        return {a.slug for a in response.context["cl"].result_list}

    article = Article.objects.get(slug="sender-blocked")
    assert "sender-blocked" in search(article.title_fr.split()[0] + " " + article.title_fr.split()[1])
    assert "sender-blocked" in search("badmailfrom")


def test_signature_pattern_that_does_not_compile_is_refused_with_a_message(admin_client):
    article = Article.objects.get(slug="spam-filter")
    data = _change_form_data(admin_client, article)
    prefix = "signatures"
    data[f"{prefix}-0-pattern"] = "message (filtered"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 200
    assert "not a valid RE2 regular expression" in response.content.decode()
    assert BounceSignature.objects.filter(article=article, pattern="message (filtered").count() == 0


def test_body_with_script_is_refused_with_a_message(admin_client):
    article = Article.objects.get(slug="spam-filter")
    data = _change_form_data(admin_client, article)
    data["body_fr"] = "Bonjour <script>alert(1)</script>"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 200
    # said beside the French body, where the editor has to remove it
    assert response.context["adminform"].form.errors["body_fr"] == [
        "Remove the <script> element: scripts are never shown to visitors."]
    assert "<script>" not in Article.objects.get(pk=article.pk).body_fr


def test_saving_a_dead_tool_or_broken_french_typography_warns_each_place_but_saves(admin_client):
    article = Article.objects.get(slug="blocked-domain")
    data = _change_form_data(admin_client, article)
    data["body_en"] = data["body_en"] + "\n\nCheck your IP at http://www.dnsstuff.com/tools."
    data["summary_fr"] = "Votre domaine est bloqué : l'administrateur doit agir !"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data, follow=True)
    assert response.status_code == 200
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("Dead tool in body [en]" in w and "dnsstuff.com" in w for w in warnings)
    assert any("French typography in summary [fr]" in w and "apostrophe" in w for w in warnings)
    assert any("French typography in summary [fr]" in w and "colon" in w for w in warnings)
    article.refresh_from_db()
    assert "dnsstuff" in article.body_en  # a warning, not a refusal
    assert article.summary_fr == "Votre domaine est bloqué : l'administrateur doit agir !"


def test_a_clean_save_warns_of_nothing(admin_client):
    article = Article.objects.get(slug="blocked-domain")
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/",
                                 _change_form_data(admin_client, article), follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]
