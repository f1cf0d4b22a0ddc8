import pytest

from troubleshoot.articles.models import BounceSignature
from troubleshoot.articles.services import bounce_diagnose_published

pytestmark = pytest.mark.django_db


def test_every_published_signature_routes_its_own_text_to_its_own_article():
    wrong = []
    signatures = list(BounceSignature.objects.filter(article__is_published=True).select_related("article"))
    assert len(signatures) >= 137  # the seed's 22 signatures and the general articles' 115
    for signature in signatures:
        (result, *_rest) = bounce_diagnose_published(text=signature.text).results
        if result.article != signature.article.slug:
            wrong.append((signature.article.slug, signature.text, result.article, result.evidence))
    assert wrong == []
