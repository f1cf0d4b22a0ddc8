import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

# Django 5.2 has no built-in CSP; this one header is all we need, so no dependency.
POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """The browser's security headers on every response: it may load scripts, styles and fonts
    from this site only, none inline; no other site may frame it; no type sniffing; no Referer
    to other sites.

    First in MIDDLEWARE, so that answers made before Django's own SecurityMiddleware and
    XFrameOptionsMiddleware are reached, or instead of them, get the headers too: static files
    (WhiteNoise), the language redirect of "/" (LocaleMiddleware), the 400 for a bad Host (raised
    by CommonMiddleware, or by SecurityMiddleware's https redirect). Those two stay listed for
    HSTS, the https redirect and `check --deploy`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        return response


class OutageMiddleware:
    """A view that needs the database while it is unreachable gets a clear 503 page, not a 500.

    Public pages mostly do not get here: they are answered from the in-memory snapshot
    (articles.snapshot.content_snapshot_get); this catches the admin, and a process that
    started while the database was down and has no snapshot yet.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError):
            return None
        logger.error("Database unreachable while serving %s: %s", request.path, exception)
        if request.path.startswith("/api/"):
            message = gettext("The service is temporarily unavailable. Try again in a minute.")
            response = JsonResponse({"error": {"code": "unavailable", "message": message}}, status=503)
        else:
            response = render(request, "503.html", {"admin": request.path.startswith("/admin/")}, status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
