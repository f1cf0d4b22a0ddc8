"""Visitors' votes on an article, and what a "No" voter says was missing."""

from django.utils import timezone

from .models import Article, Feedback
from .redaction import text_redact


def feedback_record(*, article_slug: str, language: str, helpful: bool, voter: str) -> bool:
    """Record a visitor's vote (a later vote replaces theirs); False if no such published article.

    Raises DatabaseError when the database cannot be reached: the caller tells the visitor."""
    article = Article.objects.published().filter(slug=article_slug).first()
    if article is None:
        return False
    Feedback.objects.update_or_create(
        article=article, voter=voter, language=language, defaults={"helpful": helpful, "created_at": timezone.now()}
    )
    return True


FEEDBACK_COMMENT_MAX = 500


def feedback_comment_record(*, article_slug: str, language: str, voter: str, comment: str) -> bool:
    """Keep what a visitor who voted "No" says was missing, addresses redacted; False when they
    have no vote on that article in that language. Raises DatabaseError when the database is gone."""
    text = text_redact(comment.replace("\x00", "")[: FEEDBACK_COMMENT_MAX * 2])[:FEEDBACK_COMMENT_MAX].strip()
    if not text:
        return False
    updated = Feedback.objects.filter(article__slug=article_slug, voter=voter, language=language).update(comment=text)
    return bool(updated)
