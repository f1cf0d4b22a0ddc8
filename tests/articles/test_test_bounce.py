import pytest

from troubleshoot.articles.models import Article, BounceSignature
from troubleshoot.articles.services import bounce_diagnose_published

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/test-bounce/"


def test_staff_see_where_a_bounce_routes_with_its_evidence_and_rules(admin_client):
    response = admin_client.post(URL, {"action": "test", "text": "553 sorry, your envelope sender is in my badmailfrom list."})
    content = response.content.decode()
    assert response.status_code == 200
    assert "sender-blocked" in content
    assert "Every rule that fired" in content
    assert "<td>signature</td>" in content
    assert "badmailfrom" in content


def test_a_tested_bounce_becomes_a_signature_of_the_chosen_article_in_one_step(admin_client):
    text = "550 5.7.1 Our gateway refuses mail from your organisation by decision of the board"
    article = Article.objects.get(slug="policy-violation")
    response = admin_client.post(
        URL,
        {
            "action": "save",
            "tested": text,
            "save-article": article.pk,
            "save-text": text,
            "save-reply_code": "550",
            "save-status": "5.7.1",
            "save-pattern": "refuses mail from your organisation by decision of the board",
            "save-note": "Seen at a customer",
        },
    )
    assert response.status_code == 302
    assert BounceSignature.objects.filter(article=article, text=text).exists()
    assert bounce_diagnose_published(text=text).results[0].article == "policy-violation"


def test_a_signature_whose_pattern_misses_its_own_text_is_refused_with_a_message(admin_client):
    article = Article.objects.get(slug="policy-violation")
    response = admin_client.post(
        URL,
        {
            "action": "save",
            "save-article": article.pk,
            "save-text": "550 refused by local policy",
            "save-pattern": "something else entirely",
        },
    )
    assert response.status_code == 200
    assert "does not match its own bounce text" in response.content.decode()
    assert not BounceSignature.objects.filter(text="550 refused by local policy").exists()


def test_feedback_counts_per_language_are_in_the_article_list_and_sortable(admin_client, client):
    client.post("/fr/spam-filter/feedback/", {"helpful": "no"})
    response = admin_client.get("/admin/articles/article/", {"o": "7"})  # votes (fr), most "no" first
    first = response.context["cl"].result_list[0]
    assert first.slug == "spam-filter" and first.not_helpful_fr_count == 1
    assert "votes (fr): yes / no" in response.content.decode().lower()
    assert '<td class="field-votes_fr">0 / 1</td>' in response.content.decode()
