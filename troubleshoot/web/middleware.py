import logging

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


class ContentSecurityPolicyMiddleware:
    """Every response may load scripts, styles and fonts from this site only, none inline."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
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
