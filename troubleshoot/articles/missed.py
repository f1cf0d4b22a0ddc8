"""Pastes and searches we could not answer, kept for staff with addresses redacted."""

import hashlib
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import MissedQuery
from .redaction import text_redact

logger = logging.getLogger(__name__)


MISSED_TEXT_MAX = 10_000


def missed_query_record(*, kind: str, text: str, language: str, confidence: float | None = None) -> bool:
    """Keep, for staff, a paste or search we could not answer; addresses never reach the database.

    False when the database could not be reached (the answer itself does not need it)."""
    try:
        _missed_query_store(kind=kind, text=text, language=language, confidence=confidence)
    except DatabaseError:
        logger.warning("Database unreachable: a %s we could not answer was not kept for staff", kind)
        return False
    return True


def _missed_query_store(*, kind: str, text: str, language: str, confidence: float | None) -> None:
    # Redact a little past the cut so no address is split in half by it; drop what no
    # database can store (NUL, lone surrogates).
    text = text[: MISSED_TEXT_MAX * 4].replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    text = text_redact(text)[:MISSED_TEXT_MAX].strip()
    if not text:
        return
    # one row per text and language: "blocklist" searched in English and in French are two rows
    digest = hashlib.sha256(f"{kind}\n{language}\n{text}".encode()).hexdigest()
    now = timezone.now()
    updated = MissedQuery.objects.filter(digest=digest).update(count=F("count") + 1, last_seen=now)
    if not updated:
        try:
            with transaction.atomic():
                MissedQuery.objects.create(
                    kind=kind, text=text, digest=digest, language=language, confidence=confidence, first_seen=now, last_seen=now
                )
        except IntegrityError:  # another request recorded it first
            MissedQuery.objects.filter(digest=digest).update(count=F("count") + 1, last_seen=now)


def missed_queries_purge(*, days: int) -> int:
    deleted, _detail = MissedQuery.objects.stale(days=days).delete()
    return deleted
