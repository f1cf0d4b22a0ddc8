"""The same-origin guard of the public forms, against every combination of the headers a browser
sends (Origin, Sec-Fetch-Site, Referer) over HTTP and HTTPS, and on the views that use it."""

from __future__ import annotations

import itertools
import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from troubleshoot.articles.models import Feedback
from troubleshoot.articles.same_origin import same_origin_required

TRUSTED = ["https://*.example.org", "https://partner.example.net"]
ORIGINS = {
    "absent": None,
    "same": "{scheme}://testserver",
    "other": "https://evil.example",
    "null": "null",
    "trusted wildcard": "https://help.example.org",
}
FETCH_SITES = [None, "same-origin", "same-site", "cross-site", "none"]
REFERERS = {"absent": None, "same": "{scheme}://testserver/en/spam-filter/", "other": "https://evil.example/page"}


def expected(origin: str, fetch_site: str | None, referer: str, scheme: str) -> bool:
    """The rule, as the README and Django's CsrfViewMiddleware state it."""
    if fetch_site in ("same-site", "cross-site"):
        return origin == "trusted wildcard"  # another site's page: only one trusted by name
    if origin in ("same", "trusted wildcard"):
        return True
    if origin in ("other", "null"):
        return False
    # no Origin: on HTTPS a same-origin Referer is required; on HTTP there is nothing to check
    return referer == "same" if scheme == "https" else True


@same_origin_required
def accepting_view(request):
    return HttpResponse("done")


CASES = list(itertools.product(ORIGINS, FETCH_SITES, REFERERS, ["http", "https"]))


@override_settings(CSRF_TRUSTED_ORIGINS=TRUSTED)
@pytest.mark.parametrize("origin, fetch_site, referer, scheme", CASES)
def test_a_post_passes_only_when_the_browser_says_this_site_sent_it(origin, fetch_site, referer, scheme):
    headers = {}
    if ORIGINS[origin] is not None:
        headers["HTTP_ORIGIN"] = ORIGINS[origin].format(scheme=scheme)
    if fetch_site is not None:
        headers["HTTP_SEC_FETCH_SITE"] = fetch_site
    if REFERERS[referer] is not None:
        headers["HTTP_REFERER"] = REFERERS[referer].format(scheme=scheme)
    request = RequestFactory().post("/en/diagnose/", {"text": "550"}, secure=scheme == "https", **headers)
    response = accepting_view(request)
    assert response.status_code == (200 if expected(origin, fetch_site, referer, scheme) else 403)
    if response.status_code == 403:
        assert "only be sent from this site" in response.content.decode()


def test_the_grid_covers_both_outcomes_on_both_schemes():
    outcomes = {(scheme, expected(*case[:3], scheme)) for *case, scheme in CASES}
    assert outcomes == {("http", True), ("http", False), ("https", True), ("https", False)}
    assert len(CASES) == 5 * 5 * 3 * 2


@override_settings(CSRF_TRUSTED_ORIGINS=TRUSTED)
@pytest.mark.parametrize(
    "origin, allowed",
    [
        ("https://example.org", True),  # "*.example.org" covers the domain itself, as in Django
        ("https://a.b.example.org", True),
        ("https://partner.example.net", True),
        ("http://help.example.org", False),  # the entry says https
        ("https://example.org.evil.example", False),
        ("https://evilexample.org", False),
        ("https://other.example.net", False),
        ("https://[::1", False),  # malformed
    ],
)
def test_trusted_origins_and_their_wildcards(origin, allowed):
    request = RequestFactory().post("/", secure=True, HTTP_ORIGIN=origin, HTTP_SEC_FETCH_SITE="cross-site")
    assert accepting_view(request).status_code == (200 if allowed else 403)


@override_settings(CSRF_TRUSTED_ORIGINS=TRUSTED)
@pytest.mark.parametrize(
    "referer, allowed",
    [
        ("https://testserver/en/", True),
        ("https://help.example.org/page", True),  # a trusted origin's host, wildcard included
        ("http://testserver/en/", False),  # Django: an HTTPS post needs an HTTPS referer
        ("https://testserver.evil.example/", False),
        ("not a url", False),
        ("https://[::1/", False),  # malformed
    ],
)
def test_on_https_without_origin_the_referer_must_be_this_site(referer, allowed):
    request = RequestFactory().post("/", secure=True, HTTP_REFERER=referer)
    assert accepting_view(request).status_code == (200 if allowed else 403)


def test_reading_is_never_refused():
    for method in ("get", "head", "options"):
        request = getattr(RequestFactory(), method)("/", secure=True, HTTP_ORIGIN="https://evil.example",
                                                     HTTP_SEC_FETCH_SITE="cross-site")
        assert accepting_view(request).status_code == 200, method


@pytest.mark.django_db
def test_the_vote_and_paste_forms_apply_the_referer_rule_on_https(client):
    vote, paste = "/en/spam-filter/feedback/", "/en/diagnose/"
    bounce = {"text": "550 5.1.1 User unknown"}
    assert client.post(vote, {"helpful": "yes"}, secure=True).status_code == 403
    assert client.post(paste, bounce, secure=True).status_code == 403
    assert Feedback.objects.count() == 0
    same = {"HTTP_REFERER": "https://testserver/en/spam-filter/"}
    assert client.post(vote, {"helpful": "yes"}, secure=True, **same).status_code == 302
    assert client.post(paste, bounce, secure=True, **same).status_code == 303
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
def test_the_api_refuses_another_sites_page_but_serves_programs(client):
    body = json.dumps({"text": "550 5.1.1 User unknown"})
    refused = client.post("/api/v1/diagnose", body, content_type="application/json",
                          HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "cross_site"
    # a program (curl, a script) sends neither Origin nor Referer, over HTTPS too
    assert client.post("/api/v1/diagnose", body, content_type="application/json", secure=True).status_code == 200
