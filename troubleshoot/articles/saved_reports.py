"""Long pasted reports, kept (redacted) under an unguessable token so a result can be reloaded,
bookmarked and sent to a mail administrator. Short pastes need none: their `?error=` link is
the address of their result."""

from __future__ import annotations

import re
import secrets

from django.conf import settings

from troubleshoot.diagnosis import bounce_text_decoded

from .models import SavedReport
from .redaction import ADDRESS_RE, QP_ADDRESS_RE

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{22}$")


def _mask(match) -> str:
    # The domain stays: it tells which server refused; the person's part of the address goes.
    domain = match.group(0).rsplit("@", 1)[-1]
    return f"redacted@{domain}"


def saved_report_create(*, text: str) -> SavedReport:
    """Store `text` (as bounce_input_read gives it: raw bytes kept as surrogates, so that each
    MIME part is decoded with its own charset) with every address's local part replaced; raises DatabaseError when the
    database cannot be reached."""
    decoded = bounce_text_decoded(text).encode("utf-8", "replace").decode("utf-8")
    redacted = QP_ADDRESS_RE.sub("<address>", ADDRESS_RE.sub(_mask, decoded))
    return SavedReport.objects.create(token=secrets.token_urlsafe(16), text=redacted)


def saved_report_get(*, token: str) -> SavedReport | None:
    """The live report for `token`; None when it is malformed, unknown or expired."""
    if not TOKEN_RE.match(token or ""):
        return None
    return SavedReport.objects.live(days=settings.SAVED_REPORT_RETENTION_DAYS).filter(token=token).first()


def saved_reports_purge(*, days: int) -> int:
    deleted, _detail = SavedReport.objects.stale(days=days).delete()
    return deleted
