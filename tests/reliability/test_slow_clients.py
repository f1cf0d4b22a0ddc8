"""Slow clients cannot starve the site: 50 connections dribbling their headers and 10 dribbling a
POST body, held for RELIABILITY_SECONDS (60 by default), while a normal visitor gets every page in
under a second. Only addresses on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import statistics
import threading
import time
import urllib.request

import pytest

pytestmark = pytest.mark.reliability

SECONDS = float(os.environ.get("RELIABILITY_SECONDS", "60"))
PAGES = ["/en/", "/fr/spam-filter/", "/en/?error=550+5.1.1+%3Cbob%40example.com%3E%3A+user+unknown", "/en/search/?q=relay"]


def slow_client(port: int, stop: threading.Event, *, body: bool, counters: dict) -> None:
    """Open a request and send it a few bytes every 2 seconds; reconnect when the server drops us."""
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                counters["opened"] += 1
                if body:
                    sock.sendall(b"POST /en/diagnose/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ntext=")
                else:
                    sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                while not stop.wait(2):
                    sock.sendall(b"x" * 10 if body else b"X-Slow: 1\r\n")
        except OSError:
            counters["dropped"] += 1
            stop.wait(0.2)


def test_slow_clients_do_not_starve_a_normal_visitor(fronted_site):
    url, port = fronted_site
    for page in PAGES:  # a first visit builds each worker's content snapshot: not what is measured
        for _ in range(3):
            urllib.request.urlopen(url + page, timeout=30).read()
    stop = threading.Event()
    counters = {"opened": 0, "dropped": 0}
    attackers = [threading.Thread(target=slow_client, args=(port, stop), kwargs={"body": n >= 50, "counters": counters},
                                  daemon=True) for n in range(60)]
    for thread in attackers:
        thread.start()
    time.sleep(3)  # every slow connection is open before the visitor starts
    timings, statuses = [], {}
    started = time.monotonic()
    try:
        while time.monotonic() - started < SECONDS:
            for page in PAGES:
                t0 = time.monotonic()
                with urllib.request.urlopen(url + page, timeout=10) as response:
                    response.read()
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                timings.append(time.monotonic() - t0)
            time.sleep(0.25)
    finally:
        stop.set()
    print(f"\nslow clients: {counters['opened']} connections opened, {counters['dropped']} dropped by the front; "
          f"visitor: {len(timings)} requests, statuses {statuses}, median {statistics.median(timings) * 1000:.0f} ms, "
          f"slowest {max(timings) * 1000:.0f} ms")
    assert counters["opened"] >= 60
    assert set(statuses) == {200}
    assert max(timings) < 1.0
