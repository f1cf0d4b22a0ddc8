"""Long pasted reports, kept (redacted) under an unguessable token so a result can be reloaded,
bookmarked and sent to a mail administrator. Short pastes need none: their `?error=` link is
the address of their result."""

from __future__ import annotations

import re
import secrets

from django.conf import settings


from .models import SavedReport
from .redaction import text_redact

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{22}$")


def saved_report_create(*, text: str) -> SavedReport:
    """Store `text` (as bounce_input_read gives it: raw bytes kept as surrogates, so that each
    MIME part is decoded with its own charset) with every address's local part replaced; raises DatabaseError when the
    database cannot be reached."""
    return SavedReport.objects.create(token=secrets.token_urlsafe(16), text=text_redact(text, keep_domain=True))


def saved_report_get(*, token: str) -> SavedReport | None:
    """The live report for `token`; None when it is malformed, unknown or expired."""
    if not TOKEN_RE.match(token or ""):
        return None
    return SavedReport.objects.live(days=settings.SAVED_REPORT_RETENTION_DAYS).filter(token=token).first()


def saved_reports_purge(*, days: int) -> int:
    deleted, _detail = SavedReport.objects.stale(days=days).delete()
    return deleted
