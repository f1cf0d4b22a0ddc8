"""One static-files set-up for either DEBUG: files collected with DEBUG on serve with DEBUG off
(`make dev` then `make run`), and the other way round, with the real settings."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

# Serves the pages and every static file they name, in a process with the real settings.
SERVE = r"""
import json, re, django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
client = Client()
answers = {}
for path in ["/en/", "/admin/login/"]:
    response = client.get(path)
    answers[path] = response.status_code
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', response.content.decode()):
        served = client.get(asset)
        answers[asset] = [served.status_code, served.get("X-Frame-Options"), served.get("X-Content-Type-Options")]
print(json.dumps(answers))
"""


@pytest.mark.parametrize("collected_with, served_with", [("1", "0"), ("0", "1")])
def test_files_collected_with_one_debug_serve_with_the_other(tmp_path, collected_with, served_with):
    (tmp_path / "static_settings.py").write_text(
        f"from troubleshoot.settings import *  # noqa\nSTATIC_ROOT = {str(tmp_path / 'static')!r}\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{settings.BASE_DIR}",
           "DJANGO_SETTINGS_MODULE": "static_settings", "SECRET_KEY": "a-long-random-key-for-this-static-files-test-0123456789",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "HTTPS": "0", "ALLOWED_HOSTS": "testserver"}
    env.pop("REDIS_URL", None)
    collect = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=settings.BASE_DIR,
                             env={**env, "DEBUG": collected_with}, capture_output=True, text=True, timeout=300)
    assert collect.returncode == 0, collect.stderr
    serve = subprocess.run([sys.executable, "-c", SERVE], cwd=settings.BASE_DIR, env={**env, "DEBUG": served_with},
                           capture_output=True, text=True, timeout=300)
    assert serve.returncode == 0, serve.stderr
    answers = json.loads(serve.stdout.strip().splitlines()[-1])
    assert answers.pop("/en/") == 200 and answers.pop("/admin/login/") == 200
    assets = {path: answer for path, answer in answers.items()}
    assert any(path.endswith(".css") for path in assets) and any(path.endswith(".js") for path in assets), assets
    assert {tuple(answer) for answer in assets.values()} == {(200, "DENY", "nosniff")}, assets
    if served_with == "0":
        # DEBUG off: the collected, content-hashed names (cacheable for ever)
        assert all(re.search(r"\.[0-9a-f]{12}\.\w+$", path) for path in assets), assets
