"""The front's micro-cache (deploy/nginx.conf.in): a bounce storm sending thousands of anonymous
visitors to the same page costs one render a second, and nothing personal is ever cached: pastes,
votes, the API's POSTs and the admin always reach the application, a visitor with a cookie gets
their own page, and a response that sets a cookie is never handed to anyone else.
Only addresses on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import subprocess
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from deploy.nginx_conf import nginx_conf_write

from .conftest import free_port, nginx_binary, require_nginx

pytestmark = pytest.mark.reliability


def fetch(base: str, path: str, *, method: str = "GET", body: bytes | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    """(status, headers, body) of one request, redirects not followed."""
    parsed = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def cached_twice(base: str, path: str, headers: dict[str, str] | None = None) -> bool:
    """True when a second identical GET right after the first is answered from the cache.
    Tried a few times: the two may straddle the end of the one-second validity."""
    for _ in range(5):
        fetch(base, path, headers=headers)
        if fetch(base, path, headers=headers)[1].get("X-Cache") == "HIT":
            return True
    return False


def test_a_popular_anonymous_page_is_rendered_once_for_many_visitors(fronted_site):
    url, _ = fronted_site
    for page in ("/en/", "/fr/spam-filter/", "/en/?error=550+5.1.1+user+unknown"):
        assert cached_twice(url, page), page
        status, headers, body = fetch(url, page)
        assert status == 200 and b"</html>" in body and "Set-Cookie" not in headers


def test_pastes_always_reach_the_application(fronted_site):
    url, _ = fronted_site
    origin = {"Origin": url, "Content-Type": "application/x-www-form-urlencoded"}
    locations = []
    for text in ("550 5.1.1 user unknown", "552 5.2.2 mailbox full", "550 5.1.1 user unknown"):
        status, headers, _ = fetch(url, "/en/diagnose/", method="POST", headers=origin,
                                   body=urllib.parse.urlencode({"text": text}).encode())
        assert status == 303 and headers.get("X-Cache") is None
        locations.append(urllib.parse.unquote_plus(headers["Location"]))
    # each paste is sent to its own answer, never to the previous visitor's
    assert locations[0].endswith("550 5.1.1 user unknown") and locations[1].endswith("552 5.2.2 mailbox full")


def test_api_posts_always_reach_the_application(fronted_site):
    url, _ = fronted_site
    categories = []
    for text in ("550 5.1.1 user unknown", "552 5.2.2 mailbox full", "550 5.1.1 user unknown"):
        status, headers, body = fetch(url, "/api/v1/diagnose", method="POST",
                                      headers={"Content-Type": "application/json"},
                                      body=json.dumps({"text": text, "lang": "en"}).encode())
        assert status == 200 and headers.get("X-Cache") is None
        categories.append(json.loads(body)["results"][0]["category"])
    assert categories == ["userunknown", "mailboxfull", "userunknown"]


def test_a_voter_sees_their_vote_and_nobody_else_does(fronted_site):
    url, _ = fronted_site
    article = "/en/spam-filter/"
    assert cached_twice(url, article)  # the anonymous page is in the cache when the vote comes
    cookies = []
    for _ in range(2):  # two visitors voting one after the other
        status, headers, _ = fetch(url, article + "feedback/", method="POST", body=b"helpful=yes",
                                   headers={"Origin": url, "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302 and headers.get("X-Cache") is None
        cookies.append(headers["Set-Cookie"].split(";", 1)[0])
    assert cookies[0] != cookies[1]  # each voter gets a session of their own, never a cached one
    status, headers, body = fetch(url, article, headers={"Cookie": cookies[0]})
    assert status == 200 and headers.get("X-Cache") == "BYPASS"
    assert b"Thank you for your answer." in body
    for _ in range(3):  # the voter's page never reaches an anonymous visitor
        status, headers, body = fetch(url, article)
        assert status == 200 and b"Thank you for your answer." not in body and b'value="yes"' in body


def test_the_admin_is_never_cached(fronted_site):
    url, _ = fronted_site
    tokens = []
    for _ in range(2):
        status, headers, body = fetch(url, "/admin/login/")
        assert status == 200 and headers.get("X-Cache") is None
        tokens.append(headers["Set-Cookie"].split(";", 1)[0])
    assert tokens[0] != tokens[1]  # each login form has its own CSRF cookie


class CountingUpstream(BaseHTTPRequestHandler):
    """Stands in for the application: /session sets a fresh cookie, /page sets none."""
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 - the standard library's name
        CountingUpstream.hits[self.path] = CountingUpstream.hits.get(self.path, 0) + 1
        body = f"<p>{self.path} {uuid.uuid4()}</p>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/session":
            self.send_header("Set-Cookie", f"sessionid={uuid.uuid4().hex}; HttpOnly; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_response_that_sets_a_cookie_is_never_cached(tmp_path: Path):
    """The shipped configuration in front of an application whose GET sets a cookie: a cached
    Set-Cookie would give one visitor's session to every visitor after them."""
    require_nginx()
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), CountingUpstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    conf = nginx_conf_write(prefix=tmp_path / "nginx", listen=f"127.0.0.1:{port}",
                            upstreams=[f"127.0.0.1:{upstream.server_address[1]}"], static=tmp_path)
    front = subprocess.Popen([nginx_binary(), "-c", str(conf), "-p", str(conf.parent), "-g", "daemon off;"])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                fetch(base, "/ready")
                break
            except OSError:
                assert time.monotonic() < deadline and front.poll() is None, "nginx did not start"
                time.sleep(0.2)
        assert cached_twice(base, "/page")  # the cache works: the test below could fail
        CountingUpstream.hits.clear()
        cookies = [fetch(base, "/session")[1]["Set-Cookie"] for _ in range(5)]
        assert CountingUpstream.hits["/session"] == 5
        assert len(set(cookies)) == 5
    finally:
        front.terminate()
        front.wait(timeout=30)
        upstream.shutdown()
