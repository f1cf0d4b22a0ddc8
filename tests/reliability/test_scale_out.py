"""Two application instances (separate processes, as two hosts would be) behind one nginx, on one
database and one Redis: an edit reaches both, the rate limit and sessions are shared, and stopping
one instance loses no request the front can retry."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, require_nginx, start_stack

pytestmark = pytest.mark.reliability
REDIS_URL = "redis://127.0.0.1:6379/13"
# The limit slides (articles/throttling.py): seven requests sent within this window are counted
# together whenever they start; there is no boundary to keep clear of.
WINDOW = 3600


def redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory):
    require_nginx()
    if not redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    server, url, port, env = start_stack(tmp_path_factory.mktemp("scale"), instances=2,
                                         extra_env={"REDIS_URL": REDIS_URL, "DIAGNOSE_RATE_LIMIT": "6",
                                                    "DIAGNOSE_RATE_WINDOW": str(WINDOW),
                                                    "CONTENT_CHECK_SECONDS": "1"})
    yield {"url": url, "instances": [f"http://127.0.0.1:{port + 1}", f"http://127.0.0.1:{port + 2}"],
           "ports": [port + 1, port + 2], "env": env}
    server.terminate()
    server.wait(timeout=30)


def listening_pids(port: int) -> set[int]:
    """The processes holding the socket that listens on `port` (a gunicorn master and its workers).

    Found through /proc, not by command line: gunicorn renames its processes when setproctitle
    is installed, and then no command line names the port."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    inodes.add(f"socket:[{fields[9]}]")
    pids = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            if any(os.readlink(fd) in inodes for fd in fd_dir.iterdir()):
                pids.add(int(fd_dir.parent.name))
        except OSError:  # gone meanwhile, or another user's
            continue
    return pids


def get(url: str, opener=None) -> tuple[int, str]:
    """(status, body); a connection the server dropped without answering is status 0."""
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError) as error:
        return 0, str(error)


def test_an_edit_reaches_both_instances_within_the_content_check_interval(two_instances):
    edit = ("from troubleshoot.articles.models import Article; a = Article.objects.get(slug='spam-filter'); "
            "a.title_en = 'Edited on one machine'; a.save()")
    subprocess.run([sys.executable, "manage.py", "shell", "-c", edit], cwd=ROOT, env=two_instances["env"],
                   check=True, timeout=120)
    edited_at = time.monotonic()
    for instance in two_instances["instances"]:
        while "Edited on one machine" not in get(f"{instance}/en/spam-filter/")[1]:
            assert time.monotonic() - edited_at < 3.0, instance  # interval 1 s, and some slack
            time.sleep(0.1)


def test_the_rate_limit_is_counted_across_instances(two_instances):
    a, b = two_instances["instances"]
    paste = "/api/v1/search?q=relay"  # the search costs nothing; the limit is on diagnoses
    statuses = []
    for n in range(7):
        instance = a if n % 2 == 0 else b
        statuses.append(get(f"{instance}/en/?error=550+5.1.1+user+unknown+{n}")[0])
    assert statuses[:6] == [200] * 6
    assert statuses[6] == 429
    assert get(f"{a}{paste}")[0] == 200


def test_a_session_made_on_one_instance_is_known_to_the_other(two_instances):
    a, b = two_instances["instances"]
    staff = ("from django.contrib.auth.models import User; "
             "User.objects.filter(username='scale').exists() or User.objects.create_superuser('scale', None, 'a long scale-out password')")
    subprocess.run([sys.executable, "manage.py", "shell", "-c", staff], cwd=ROOT, env=two_instances["env"],
                   check=True, timeout=120)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, form = get(f"{a}/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    login = urllib.request.Request(
        f"{a}/admin/login/?next=/admin/", method="POST",
        data=urllib.parse.urlencode({"username": "scale", "password": "a long scale-out password",
                                     "csrfmiddlewaretoken": token, "next": "/admin/"}).encode(),
        headers={"Origin": a, "Content-Type": "application/x-www-form-urlencoded"})
    opener.open(login, timeout=10).read()
    assert any(cookie.name == "sessionid" for cookie in jar)
    # the cookie was set for 127.0.0.1: the other instance (another port) gets it, and knows the session
    status, page = get(f"{b}/admin/", opener)
    assert status == 200 and 'action="/admin/logout/"' in page


def test_a_vote_made_on_one_instance_is_known_to_the_other(two_instances):
    a, b = two_instances["instances"]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    vote = urllib.request.Request(f"{a}/en/spam-filter/feedback/", data=b"helpful=yes", method="POST",
                                  headers={"Origin": a, "Content-Type": "application/x-www-form-urlencoded"})
    opener.open(vote, timeout=10).read()
    assert [cookie.name for cookie in jar] == ["votes"]  # signed by the key both share; no session row
    status, page = get(f"{b}/en/spam-filter/", opener)
    assert status == 200 and "Thank you for your answer." in page


def test_stopping_one_instance_loses_no_request(two_instances):
    url = two_instances["url"]
    statuses: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def visitor():
        n = 0
        while not stop.is_set():
            n += 1  # a new query each time: the front's micro-cache answers nothing for us
            status, body = get(f"{url}/en/search/?q=relay+{n}")
            statuses.append(status)
            if status != 200:
                errors.append(body[:120])

    threads = [threading.Thread(target=visitor, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)
        instance = listening_pids(two_instances["ports"][0])
        assert instance, "instance not found"
        for pid in instance:
            os.kill(pid, signal.SIGKILL)  # master and workers gone at once, as a machine that fails
        time.sleep(3.0)
    finally:  # a failed assertion must not leave the visitors running (pytest would never exit)
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
    print(f"\nrequests during the failure: {len(statuses)}, statuses {sorted(set(statuses))}, errors {set(errors)}")
    assert len(statuses) > 20
    assert set(statuses) == {200}
