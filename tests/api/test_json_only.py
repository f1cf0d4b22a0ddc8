"""The diagnose API reads JSON only: a page of another site can send a form or text/plain without
asking, but JSON only after a CORS preflight, which the API refuses."""

from __future__ import annotations

import json

import pytest

from troubleshoot.articles.models import MissedQuery

pytestmark = pytest.mark.django_db

# not a bounce we recognise: were it read, it would be kept as a "not found" row
UNKNOWN = json.dumps({"text": "421 zorglub frobnicated the quux"})


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
     "application/javascript", ""],
)
def test_anything_but_json_is_refused_with_415_and_nothing_is_kept(client, content_type):
    response = client.post("/api/v1/diagnose", UNKNOWN, content_type=content_type)
    assert response.status_code == 415
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert "Content-Type: application/json" in error["message"]
    assert MissedQuery.objects.count() == 0


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8", "Application/JSON"])
def test_json_is_read(client, content_type):
    response = client.post("/api/v1/diagnose", json.dumps({"text": "550 5.1.1 User unknown"}), content_type=content_type)
    assert response.status_code == 200
    assert response.json()["results"]


def test_a_cors_preflight_from_another_site_is_refused(client):
    response = client.options("/api/v1/diagnose", HTTP_ORIGIN="https://evil.example",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type")
    assert response.status_code == 405
    assert not [name for name in response.headers if name.lower().startswith("access-control-")]
