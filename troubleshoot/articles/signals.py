"""Bump the content version whenever an article, a signature or a search synonym changes.

A signal (rather than a call in each service) because content also changes through the
admin, loaddata and translation imports, and every path must invalidate the snapshot.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Article, BounceSignature, SearchSynonym
from .snapshot import article_revision_bump, content_version_bump


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=BounceSignature)
@receiver([post_save, post_delete], sender=SearchSynonym)
def content_changed(sender, **kwargs):
    content_version_bump()


@receiver([post_save, post_delete], sender=BounceSignature)
def signature_changed(sender, instance, raw=False, **kwargs):
    # An article and its signatures are one unit for edit conflicts: a signature changed anywhere
    # (its own admin, Test a bounce, the article's inline) makes every form opened before it stale.
    if not raw:
        article_revision_bump(article_id=instance.article_id)
