"""Whose budget a request spends: the connecting address, unless the operator says a proxy sits in
front, and then only the hop that proxy appended (a client cannot choose its own address)."""

from __future__ import annotations

import secrets

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError
from django.test import RequestFactory

from troubleshoot.articles.throttling import client_address, write_rate_check

FACTORY = RequestFactory()


def request_from(remote: str | None, forwarded: str | None = None):
    meta = {}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = FACTORY.get("/", **meta)
    if remote is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = remote
    return request


@pytest.mark.parametrize(
    ("trust", "remote", "forwarded", "expected"),
    [
        (False, "198.51.100.7", None, "198.51.100.7"),
        (False, "198.51.100.7", "203.0.113.9", "198.51.100.7"),  # a header anyone can send is ignored
        (True, "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        (True, "10.0.0.2", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the hop our proxy appended, not the client's claim
        (True, "10.0.0.2", "6.6.6.6, 7.7.7.7,  203.0.113.9 ", "203.0.113.9"),
        (True, "10.0.0.2", "6.6.6.6,203.0.113.9", "203.0.113.9"),  # hops separated by commas alone
        (True, "10.0.0.2", "", "10.0.0.2"),  # no header: the connecting address
        (True, "10.0.0.2", None, "10.0.0.2"),
        (False, None, None, ""),
        (True, None, None, ""),
    ],
)
def test_the_address_whose_budget_is_spent(settings, trust, remote, forwarded, expected):
    settings.TRUST_X_FORWARDED_FOR = trust
    assert client_address(request_from(remote, forwarded)) == expected


def test_write_budgets_are_per_address_and_per_kind(settings):
    settings.WRITE_RATE_LIMIT = 2
    settings.DIAGNOSE_RATE_WINDOW = 60
    cache.clear()
    assert [write_rate_check(address="192.0.2.1", scope="vote") for _ in range(2)] == [0, 0]
    wait = write_rate_check(address="192.0.2.1", scope="vote")
    assert 1 <= wait <= 60
    assert write_rate_check(address="192.0.2.2", scope="vote") == 0  # another address
    assert write_rate_check(address="192.0.2.1", scope="missed") == 0  # another kind of write
    cache.clear()


class UnreachableCache(LocMemCache):
    """A cache whose server is gone: every read raises, as django-redis's client does."""

    def get(self, *args, **kwargs):
        raise RedisConnectionError("no route to the cache")


def test_with_the_shared_cache_gone_the_limit_still_holds_in_this_process(caplog):
    from troubleshoot.articles.throttling import rate_check

    address = f"192.0.2.{secrets.randbelow(200) + 1}-{secrets.token_hex(4)}"  # its own budget on every run
    unreachable = {"default": {"BACKEND": "tests.articles.test_client_address.UnreachableCache"}}
    with override_settings(CACHES=unreachable), caplog.at_level("WARNING", logger="troubleshoot.articles.throttling"):
        waits = [rate_check(scope="outage", address=address, limit=3, window=30) for _ in range(4)]
        other = rate_check(scope="outage", address=address + "-other", limit=3, window=30)
    assert waits[:3] == [0, 0, 0]
    assert 1 <= waits[3] <= 30
    assert other == 0
    assert "rate limit 'outage' counted in this process only" in caplog.text


def test_the_live_checks_have_their_own_budget(settings):
    from troubleshoot.articles.throttling import checks_rate_check, diagnose_rate_check

    settings.CHECKS_RATE_LIMIT = 2
    settings.DIAGNOSE_RATE_WINDOW = 60
    cache.clear()
    assert [checks_rate_check(address="192.0.2.9") for _ in range(2)] == [0, 0]
    assert 1 <= checks_rate_check(address="192.0.2.9") <= 60
    assert checks_rate_check(address="192.0.2.10") == 0
    assert diagnose_rate_check(address="192.0.2.9") == 0  # diagnosing is another budget
    cache.clear()


def test_a_wait_under_a_second_is_announced_as_one_second():
    from troubleshoot.articles.throttling import rate_check

    cache.clear()
    address = f"192.0.2.77-{secrets.token_hex(4)}"
    assert rate_check(scope="short", address=address, limit=1, window=1) == 0
    assert rate_check(scope="short", address=address, limit=1, window=1) == 1
    cache.clear()


def test_the_window_counts_a_request_made_this_very_instant():
    from troubleshoot.articles.throttling import window_admit

    assert window_admit(stamps=[10.0], now=10.0, limit=1, window=5) == ([10.0], 5.0)
    assert window_admit(stamps=[4.9, 10.0], now=10.0, limit=2, window=5) == ([10.0, 10.0], 0.0)
    assert window_admit(stamps=[], now=3.0, limit=0, window=7) == ([], 7.0)  # nothing allowed: wait a window


def _fallback_logs(monkeypatch, *, stale: int, fresh: int, empty: int = 0):
    import time

    from troubleshoot.articles import throttling

    now = time.time()
    logs = {f"stale{i}": [now - 500, now - 400] for i in range(stale)}
    logs.update({f"fresh{i}": [now - 500, now - 400, now - 1] for i in range(fresh)})  # the last one counts
    logs.update({f"empty{i}": [] for i in range(empty)})
    monkeypatch.setattr(throttling, "_local_logs", logs)
    return throttling


def test_the_fallback_memory_forgets_addresses_whose_window_has_passed(monkeypatch):
    throttling = _fallback_logs(monkeypatch, stale=9_000, fresh=1_000, empty=1)  # 10,001 addresses
    assert throttling._local_admit("new", 3, 30) == 0
    assert set(throttling._local_logs) == {f"fresh{i}" for i in range(1_000)} | {"new"}


def test_the_fallback_memory_is_left_alone_up_to_ten_thousand_addresses(monkeypatch):
    throttling = _fallback_logs(monkeypatch, stale=10_000, fresh=0)
    throttling._local_admit("new", 3, 30)
    assert len(throttling._local_logs) == 10_001


def test_the_fallback_memory_starts_afresh_when_ten_thousand_addresses_are_all_recent(monkeypatch):
    throttling = _fallback_logs(monkeypatch, stale=0, fresh=10_001)
    assert throttling._local_admit("new", 3, 30) == 0
    assert set(throttling._local_logs) == {"new"}
    throttling = _fallback_logs(monkeypatch, stale=1, fresh=10_000)  # 10,000 left after forgetting: kept
    throttling._local_admit("new", 3, 30)
    assert len(throttling._local_logs) == 10_001
