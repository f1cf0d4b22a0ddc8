"""Every kind of response carries the browser's security headers, including those Django makes
before its own security middleware is reached: static files, the language redirect of "/", the 400
for a bad Host, 404s, the API's JSON and the guard's 403."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path, extra, status",
    [
        ("/", {}, 302),  # the language redirect
        ("/en/", {"HTTP_HOST": "evil.example"}, 400),  # a Host not in ALLOWED_HOSTS
        ("/en/no-such-article/", {}, 404),
        ("/api/v1/search?q=relay", {}, 200),
        ("/api/v1/diagnose", {}, 405),
        ("/en/", {}, 200),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, path, extra, status):
    response = client.get(path, **extra)
    assert response.status_code == status
    assert_security_headers(response)


def test_json_errors_and_refused_forms_carry_them_too(client):
    unsupported = client.post("/api/v1/diagnose", json.dumps({"text": "550"}), content_type="text/plain")
    assert unsupported.status_code == 415
    assert_security_headers(unsupported)
    refused = client.post("/en/diagnose/", {"text": "550 5.1.1 User unknown"}, HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert_security_headers(refused)


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_static_files_carry_them():
    response = Client().get("/static/web/site.js")  # a new client: WhiteNoise reads its settings at start
    assert response.status_code == 200
    assert_security_headers(response)


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_bad_host_refused_by_the_https_redirect_carries_them():
    # in production the https redirect reads the Host first, before any other middleware ran
    response = Client().get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_security_headers(response)
