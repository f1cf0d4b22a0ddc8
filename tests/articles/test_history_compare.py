"""History → compare shows what changed word by word, in each language's own field."""

import pytest
from reversion.models import Version

from tests.articles.test_admin import _change_form_data
from troubleshoot.articles.models import Article

pytestmark = pytest.mark.django_db


def test_compare_marks_the_changed_words_only_per_language(admin_client):
    article = Article.objects.get(slug="traffic-shaping")
    data = _change_form_data(admin_client, article)
    data["summary_en"] = "Your messages arrived too fast for the recipient's servers today."
    data["summary_fr"] = "Vos messages sont arrivés trop vite pour les serveurs du destinataire."
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    article.refresh_from_db()
    data = _change_form_data(admin_client, article)
    data["summary_en"] = "Your messages arrived too quickly for the recipient's servers today."
    assert admin_client.post(f"/admin/articles/article/{article.pk}/change/", data).status_code == 302
    newest, previous = Version.objects.get_for_object(article)[:2]
    page = admin_client.get(f"/admin/articles/article/{article.pk}/history/compare/",
                            {"version_id1": previous.pk, "version_id2": newest.pk}).content.decode()
    assert "<del>fast</del><ins>quickly</ins>" in page
    assert "Your messages arrived too <del>" in page.replace("&#x27;", "'")
    assert "<ins>quickly</ins> for the recipient" in page.replace("&#x27;", "'")
    assert "Vos messages sont arrivés" not in page  # the French did not change between these two
