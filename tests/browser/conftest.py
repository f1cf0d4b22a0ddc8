"""A real server and Debian's chromium, driven by Playwright.

The site runs in its own process (gunicorn, as `make run` serves it) on a seeded SQLite
file, so these tests see exactly what a visitor sees and never touch the test database.
"""

import contextlib
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
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "screenshots"
ADMIN = ("staff", "a-test-only-password-4412")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn_served(*, env: dict, workers: int, what: str):
    """gunicorn as `make run` starts it, on a free port of 127.0.0.1; yields its URL once it answers."""
    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "troubleshoot.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"{what} did not start")
            time.sleep(0.3)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, request):
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    workdir = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "troubleshoot.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DEBUG": "1",
        "DIAGNOSE_RATE_LIMIT": "10000",
        "CHECKS_RATE_LIMIT": "10000",
        "INSIGHT_FLUSH_SECONDS": "0",  # the insight page sees what the other worker counted
    }
    env.pop("REDIS_URL", None)
    # The live DNS checks ask the tests' own DNS server (tests/checks/conftest.py) when there is one.
    try:
        env["DNS_RESOLVERS"] = request.getfixturevalue("dns_server").address
    except pytest.skip.Exception:
        pass
    commands = (
        ["migrate", "--noinput", "-v0"],
        ["seed_content", "-v0"],
        ["createsuperuser", "--noinput", "--username", ADMIN[0], "--email", "admin@example.org"],
    )
    for command in commands:
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
            check=True,
            timeout=300,
            stdout=subprocess.DEVNULL,
        )
    with gunicorn_served(env=env, workers=2, what="the site") as url:
        yield url


@pytest.fixture(scope="session")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def guarded_context(browser, site_url: str, viewport: dict, **options):
    """A new browser (own cookies, no history) that may only talk to `site_url`; the list it returns
    collects every request that tried to leave."""
    context = browser.new_context(viewport=viewport, base_url=site_url, **options)
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_url) or route.request.url.startswith("data:")
            else (outside.append(route.request.url), route.abort())
        ),
    )
    return context, outside


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser, site_url):
    """A fresh visitor (own cookies) at desktop and at phone width; every request must stay on the site."""
    context, outside = guarded_context(browser, site_url, VIEWPORTS[request.param])
    page = context.new_page()
    page.viewport_name = request.param
    yield page
    context.close()
    assert not outside, f"requests left the site: {outside}"


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(name: str):
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.viewport_name}.png"), full_page=True)

    return take
