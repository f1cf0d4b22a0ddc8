"""Every way in (form, upload, ?error= link, search, API, CLI) answers a bounce declaring any charset."""

from __future__ import annotations

import encodings
import io
import json
import pkgutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from tests.diagnosis.test_charsets import crafted_bounce

pytestmark = pytest.mark.django_db

# one name per codec module (the aliases resolve to these), and names Python does not know
NAMES = sorted({m.name for m in pkgutil.iter_modules(encodings.__path__)} - {"aliases"}
               | {"utf-7", "x-unknown", "unicode-escape"})


@override_settings(DIAGNOSE_RATE_LIMIT=100_000)
def test_every_http_path_answers_any_declared_charset(client):
    assert len(NAMES) > 100
    for name in NAMES:
        data = crafted_bounce(name)
        text = data.decode("utf-8", "replace")
        short = f"Subject: =?{name}?q?+2D0-?=\n\n550 5.1.1 user unknown"
        answers = {
            "form": client.post("/en/diagnose/", {"text": text}, follow=True),
            "upload": client.post("/fr/diagnose/", {"text": "", "file": SimpleUploadedFile("b.eml", data)}, follow=True),
            "link": client.get("/en/", {"error": short}),
            "search": client.get("/fr/search/", {"q": short}),
            "api": client.post("/api/v1/diagnose", json.dumps({"text": text}), content_type="application/json"),
        }
        for path, response in answers.items():
            assert response.status_code == 200, (name, path, response.status_code)
        (result,) = answers["api"].json()["results"]
        assert result["category"] == "userunknown", name
        assert f'href="/en/{result["article"]}/"'.encode() in answers["form"].content, name


def test_the_result_page_says_when_characters_could_not_be_decoded(client):
    response = client.post("/fr/diagnose/", {"text": "", "file": SimpleUploadedFile("b.eml", crafted_bounce("utf-7"))}, follow=True)
    assert response.status_code == 200
    assert "n’ont pas pu être décodés" in response.content.decode() or "n’a pas pu être décodé" in response.content.decode()


def test_the_command_line_answers_any_declared_charset(tmp_path):
    paths = []
    for name in NAMES:
        path = tmp_path / f"{name}.eml"
        path.write_bytes(crafted_bounce(name))
        paths.append(str(path))
    out = io.StringIO()
    call_command("diagnose", *paths, stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["input"] for line in lines] == paths
    assert all(line["results"][0]["category"] == "userunknown" for line in lines)
