"""The rate limit never lets more than its limit through in any span of its window's length, on the
process's own cache (tests, one process) and on the real Redis that production shares."""

from __future__ import annotations

import os
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from troubleshoot.articles.throttling import rate_check, window_admit

REDIS_URL = "redis://127.0.0.1:6379/14"
BACKENDS = {
    "process memory": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    "redis": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}},
}


@pytest.fixture(params=list(BACKENDS))
def shared_cache(request):
    if request.param == "redis":
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        except redis.exceptions.RedisError:
            if os.environ.get("CI"):
                pytest.fail("Redis is not running on 127.0.0.1:6379")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
    with override_settings(CACHES=BACKENDS[request.param]):
        caches["default"].clear()
        yield request.param
        caches["default"].clear()


def sleep_until(phase: float, period: float) -> None:
    """Sleep until the clock is `phase` seconds into a period aligned to the epoch, as fixed windows are."""
    time.sleep((phase - time.time() % period) % period)


def test_a_burst_straddling_a_window_boundary_passes_the_limit_once(shared_cache):
    window, limit = 2, 3
    sleep_until(window - 0.5, window)  # half a second before an aligned window ends
    before = [rate_check(scope="t", address="192.0.2.1", limit=limit, window=window) for _ in range(limit)]
    sleep_until(0.2, window)  # just after the next one began: a fixed window would start counting afresh
    after = [rate_check(scope="t", address="192.0.2.1", limit=limit, window=window) for _ in range(limit)]
    assert before == [0, 0, 0]
    assert all(1 <= wait <= window for wait in after), after  # refused, with the time to wait
    # another address has its own budget
    assert rate_check(scope="t", address="192.0.2.2", limit=limit, window=window) == 0


def test_no_span_of_the_window_ever_holds_more_than_the_limit_and_the_budget_comes_back(shared_cache):
    window, limit = 1.0, 4
    passed = []
    start = time.monotonic()
    while time.monotonic() - start < 2.5 * window:
        sent = time.monotonic()
        if rate_check(scope="t", address="192.0.2.3", limit=limit, window=window) == 0:
            passed.append(sent)
        time.sleep(0.01)
    # each request's time is taken just before it; the limiter's own clock may read a little later
    margin = 0.05
    for first in passed:
        assert sum(first <= t < first + window - margin for t in passed) <= limit, passed
    # the budget slides: at the start, after one window and after two, the limit passes again
    assert len(passed) >= 2 * limit + 1, passed


def test_a_refused_client_is_told_how_long_until_the_oldest_request_leaves_the_window():
    stamps, wait = [], 0.0
    for now in (100.0, 100.5, 101.0):
        stamps, wait = window_admit(stamps=stamps, now=now, limit=3, window=10)
        assert wait == 0
    stamps, wait = window_admit(stamps=stamps, now=104.0, limit=3, window=10)
    assert wait == 6.0 and stamps == [100.0, 100.5, 101.0]  # a refusal is not logged
    stamps, wait = window_admit(stamps=stamps, now=110.0, limit=3, window=10)
    assert wait == 0 and stamps == [100.5, 101.0, 110.0]  # the request of 100.0 has left the window


@override_settings(CACHES=BACKENDS["process memory"])
def test_a_wait_is_whole_seconds_rounded_up_never_zero():
    caches["default"].clear()
    assert rate_check(scope="t", address="192.0.2.4", limit=1, window=30) == 0
    wait = rate_check(scope="t", address="192.0.2.4", limit=1, window=30)
    assert wait == 30  # 29.99… seconds left is said as 30, so that a client that waits gets through
    caches["default"].clear()
