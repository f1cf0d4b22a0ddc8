"""Is a POST sent by this site's own pages? For the public forms (web) and the JSON API (api).

Trust decision: the public pages are cached and the same for every visitor, so they carry no
per-visitor CSRF token. Instead the browser's own headers must name this site: what Django's
CsrfViewMiddleware checks besides the token (Origin; failing that, on HTTPS, a same-origin
Referer; CSRF_TRUSTED_ORIGINS with their `https://*.example.org` wildcards), plus Fetch
Metadata's Sec-Fetch-Site, which a page cannot set and which says another site sent it.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.http import is_same_domain
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def origin_trusted(*, origin: str) -> bool:
    """`origin` (scheme://host[:port]) is in CSRF_TRUSTED_ORIGINS, literally or under a `*.` entry."""
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    try:
        parsed = urlsplit(origin)
    except ValueError:
        return False
    return any(
        is_same_domain(parsed.netloc, urlsplit(entry).netloc.lstrip("*"))
        for entry in settings.CSRF_TRUSTED_ORIGINS
        if "*" in entry and urlsplit(entry).scheme == parsed.scheme
    )


def referer_same_origin(*, request) -> bool:
    """Django's rule for HTTPS without Origin (CsrfViewMiddleware._check_referer): a Referer that
    is https and names this host or a trusted origin's host. Without it, a man in the middle of
    an HTTP page of a sibling site could post here."""
    try:
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    except ValueError:
        return False
    if referer.scheme != "https" or not referer.netloc:
        return False
    trusted_hosts = [urlsplit(entry).netloc.lstrip("*") for entry in settings.CSRF_TRUSTED_ORIGINS]
    return any(is_same_domain(referer.netloc, host) for host in [request.get_host(), *trusted_hosts])


def request_origin_allowed(*, request, referer_required: bool = True) -> bool:
    """True unless the request changes something and a browser says another site sent it.

    `referer_required`: apply Django's Referer rule on HTTPS when Origin is absent. The API
    turns it off: programs that call it send neither header, and a browser cannot send it
    JSON from another site without a CORS preflight, which the API refuses.
    """
    if request.method in SAFE_METHODS:
        return True
    origin = request.headers.get("Origin")
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        # another site's page (same-site: a sibling subdomain) sent it: only one trusted by name may
        return origin is not None and origin_trusted(origin=origin)
    if origin is not None:
        # "null" (a sandboxed frame, a redirect from elsewhere, a file) is never this site
        return origin == f"{request.scheme}://{request.get_host()}" or origin_trusted(origin=origin)
    if request.is_secure() and referer_required:
        return referer_same_origin(request=request)
    return True  # plain HTTP without Origin: Django checks nothing more, there is nothing to check


def same_origin_required(view):
    """Refuse (403) a POST that a browser says another site's page sent; see the module's notes."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request_origin_allowed(request=request):
            return HttpResponseForbidden(gettext("This form can only be sent from this site."))
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
