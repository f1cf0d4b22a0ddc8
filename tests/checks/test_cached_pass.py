"""A page whose checks are all cached is answered without starting a thread, with the same verdicts."""

import concurrent.futures

from troubleshoot.checks import checks_run


def test_a_warm_cache_answers_the_same_checks_without_threads(dns_server, cache, monkeypatch):
    args = dict(ip="5.6.7.10", domain="good.fixture.net", recipient_domain="rcpt.fixture.net",
                resolver=dns_server.resolver(), cache=cache)
    cold = checks_run(**args)

    def no_threads(*a, **k):
        raise AssertionError("a thread pool was started although every answer is cached")

    monkeypatch.setattr(concurrent.futures, "ThreadPoolExecutor", no_threads)
    warm = checks_run(**args)
    assert [c.to_dict() for c in warm] == [c.to_dict() for c in cold]


def test_one_missing_answer_falls_back_to_the_network(dns_server, cache):
    args = dict(ip="5.6.7.10", domain="good.fixture.net", resolver=dns_server.resolver(), cache=cache)
    checks_run(**args)
    first_key = next(iter(cache.data))
    del cache.data[first_key]
    again = checks_run(**args)
    assert all(c.verdict != "could_not_check" for c in again)
    assert first_key in cache.data
