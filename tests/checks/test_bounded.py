"""Bounded and kind: the budget holds, answers are cached for their TTL (at most an hour), and
nothing unusable is ever a pass, a fail or a cache entry."""

import socket
import threading
import time

import pytest

from troubleshoot.checks import MAX_CACHE_SECONDS, Resolver, checks_run
from troubleshoot.checks.dnsclient import Lookups


def test_zone_that_never_answers_is_could_not_check_within_the_budget(dns_server, cache):
    started = time.monotonic()
    checks = checks_run(ip="5.6.7.20", domain="sender.dead.net", recipient_domain="rcpt.dead.net",
                        resolver=dns_server.resolver(), budget=1.0, cache=cache)
    elapsed = time.monotonic() - started
    assert elapsed < 1.6
    by_kind = {c.kind: c for c in checks}
    assert {by_kind[k].verdict for k in ("spf", "dmarc", "mx")} == {"could_not_check"}
    # The lookups that could be answered were, in parallel with the hanging ones.
    assert by_kind["reverse_dns"].verdict == "ok"
    assert all(c.verdict == "ok" for c in checks if c.kind == "blocklist")
    # Nothing from the dead zone was cached.
    assert not [v for v in cache.data.values() if v[0] == "error"]


def test_answers_are_cached_for_their_ttl_capped_at_an_hour(dns_server, cache):
    resolver = dns_server.resolver()
    checks_run(ip="5.6.7.2", recipient_domain="rcpt.fixture.net", resolver=resolver, cache=cache)
    assert cache.timeouts, "nothing was cached"
    timeouts = set(cache.timeouts.values())
    assert max(timeouts) == MAX_CACHE_SECONDS  # fixture.net answers have a TTL of 7200 s
    # Block list answers keep their own TTL (60 s in the zone, less once the server has cached it).
    assert [t for t in timeouts if 0 < t <= 60]
    first_hits = cache.hits
    again = checks_run(ip="5.6.7.2", recipient_domain="rcpt.fixture.net", resolver=resolver, cache=cache)
    assert cache.hits > first_hits
    assert {c.source: c.code for c in again if c.kind == "blocklist"}["Spamhaus ZEN"] == "sbl"


def test_cached_answers_serve_even_when_the_server_is_gone(dns_server, cache):
    resolver = dns_server.resolver()
    first = checks_run(recipient_domain="rcpt.fixture.net", resolver=resolver, cache=cache)
    # Same scope (same nameserver), new Resolver: the cache is keyed by nameserver, not object.
    assert [c.code for c in checks_run(recipient_domain="rcpt.fixture.net", resolver=dns_server.resolver(),
                                       cache=cache)] == [c.code for c in first]


def test_a_10_kb_txt_record_is_could_not_check_and_not_cached(dns_server, cache):
    checks = {c.kind: c for c in checks_run(domain="bigtxt.fixture.net", resolver=dns_server.resolver(), cache=cache)}
    assert checks["spf"].verdict == "could_not_check"
    lookups = Lookups(dns_server.resolver(), cache, time.monotonic() + 2)
    assert lookups.get("bigtxt.fixture.net", "TXT").error == "too_large"
    assert not [v for v in cache.data.values() if v[0] == "error"]


def test_a_cname_loop_is_could_not_check(dns_server, cache):
    checks = {c.kind: c for c in checks_run(domain="looped.fixture.net", resolver=dns_server.resolver(), cache=cache)}
    assert checks["dmarc"].verdict == "could_not_check"
    assert checks["spf"].verdict == "ok"


class FakeServer:
    """A UDP (and optionally TCP) responder that answers every query with ``reply(query)``."""

    def __init__(self, reply, tcp_reply=None):
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.port = self.udp.getsockname()[1]
        self.reply = reply
        self.tcp = None
        if tcp_reply is not None:
            self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.tcp.bind(("127.0.0.1", self.port))
            self.tcp.listen()
            self.tcp_reply = tcp_reply
            threading.Thread(target=self._serve_tcp, daemon=True).start()
        threading.Thread(target=self._serve_udp, daemon=True).start()

    def _serve_udp(self):
        while True:
            try:
                data, peer = self.udp.recvfrom(4096)
            except OSError:
                return
            self.udp.sendto(self.reply(data), peer)

    def _serve_tcp(self):
        while True:
            try:
                conn, _ = self.tcp.accept()
            except OSError:
                return
            with conn:
                conn.recv(4096)
                payload = self.tcp_reply()
                if payload:
                    conn.sendall(payload)

    def close(self):
        self.udp.close()
        if self.tcp:
            self.tcp.close()


def _truncated(query: bytes) -> bytes:
    # The query's id and question back, flags QR + TC, no records.
    return query[:2] + b"\x83\x80" + query[4:6] + b"\x00\x00\x00\x00\x00\x00" + query[12:]


@pytest.mark.parametrize(
    ("name", "server_args"),
    [
        ("garbage", (lambda q: b"\xde\xad\xbe\xef" * 7,)),
        ("wrong id garbage", (lambda q: b"\x00\x00" + q[2:],)),
        ("truncated, TCP answers garbage", (_truncated, lambda: b"\x00\x05hello")),
        ("truncated, TCP closes", (_truncated, lambda: b"")),
    ],
)
def test_a_resolver_answering_garbage_or_truncated_packets_is_could_not_check(name, server_args, cache):
    server = FakeServer(*server_args)
    try:
        started = time.monotonic()
        checks = checks_run(ip="5.6.7.2", domain="good.fixture.net", recipient_domain="rcpt.fixture.net",
                            resolver=Resolver([f"127.0.0.1:{server.port}"]), budget=1.0, cache=cache)
        assert time.monotonic() - started < 1.6
        assert {c.verdict for c in checks} == {"could_not_check"}, name
        assert all(c.listed is None for c in checks)
        assert cache.data == {}
    finally:
        server.close()


def test_nameservers_accept_ip_port_forms():
    assert Resolver(["127.0.0.1:5353", "9.9.9.9", "[::1]:53", "2620:fe::fe"]).nameservers == (
        ("127.0.0.1", 5353), ("9.9.9.9", 53), ("::1", 53), ("2620:fe::fe", 53))
    with pytest.raises(ValueError):
        Resolver(["not-an-ip"])


def test_many_checks_run_in_parallel(dns_server):
    started = time.monotonic()
    checks = checks_run(ip="5.6.7.21", domain="many.fixture.net", recipient_domain="tls.fixture.net",
                        dkim_selector="s1", topics={"tls", "content"}, resolver=dns_server.resolver(), budget=3.0)
    assert time.monotonic() - started < 3.0
    assert "could_not_check" not in {c.verdict for c in checks}
