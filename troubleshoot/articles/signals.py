"""Bump the content version whenever an article or a signature changes.

A signal (rather than a call in each service) because content also changes through the
admin, loaddata and translation imports, and every path must invalidate the snapshot.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Article, BounceSignature
from .services import content_version_bump


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=BounceSignature)
def content_changed(sender, **kwargs):
    content_version_bump()
