"""The site as deployed, on 127.0.0.1: nginx in front of gunicorn (deploy/serve.py), seeded SQLite."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def require_nginx() -> None:
    if nginx_binary() is None:
        message = "nginx is not installed (apt-get install nginx-light)"
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail(message + " and REQUIRE_NGINX=1 is set")
        pytest.skip(message)


def free_ports(count: int) -> int:
    """A base port with the `count` ports after it free as well (deploy/serve.py uses port+1...)."""
    for _ in range(50):
        base = free_port()
        try:
            for n in range(count + 1):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", base + n))
            return base
        except OSError:
            continue
    raise RuntimeError("no free ports")


def start_stack(workdir: Path, *, instances: int, extra_env: dict[str, str]):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "troubleshoot.settings", "DEBUG": "1",
           "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}", "DIAGNOSE_RATE_LIMIT": "100000",
           "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "1", **extra_env}
    if "REDIS_URL" not in extra_env:
        env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput", "-v0"], ["seed_content", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300,
                       stdout=subprocess.DEVNULL)
    port = free_ports(instances)
    server = subprocess.Popen([sys.executable, "deploy/serve.py", "--bind", f"127.0.0.1:{port}",
                               "--instances", str(instances)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    for address in [url] + [f"http://127.0.0.1:{port + 1 + n}" for n in range(instances)]:
        while True:
            try:
                urllib.request.urlopen(f"{address}/healthz", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    server.kill()
                    pytest.fail("the fronted site did not start")
                time.sleep(0.3)
    return server, url, port, env


@pytest.fixture(scope="session")
def fronted_site(tmp_path_factory):
    require_nginx()
    server, url, port, _env = start_stack(tmp_path_factory.mktemp("fronted"), instances=1, extra_env={})
    yield url, port
    server.terminate()
    server.wait(timeout=30)
