"""DNS lookups for the checks: dnspython underneath, a deadline for everything, answers cached
for their TTL (at most an hour) in a Django-cache-like object, and every failure reduced to one
``"error"`` answer that the checks turn into "could not check", never into a pass or a fail.
"""

from __future__ import annotations

import hashlib
import ipaddress
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

import dns.exception
import dns.message
import dns.name
import dns.nameserver
import dns.rcode
import dns.rdatatype
import dns.resolver

#: The most any answer is kept, whatever its TTL says.
MAX_CACHE_SECONDS = 3600
#: TXT answers bigger than this (all strings of all records of one name) are not read: no SPF,
#: DMARC, DKIM, MTA-STS or TLS-RPT record needs more, and a huge one is a broken or hostile zone.
MAX_TXT_BYTES = 4096
#: Longest wait for one server's answer to one query, inside the overall deadline.
DEFAULT_ATTEMPT_TIMEOUT = 2.0

_CACHE_PREFIX = "troubleshoot.checks.dns:v1:"
_TYPES = ("A", "AAAA", "MX", "TXT", "PTR", "CNAME")


class CacheLike(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any, timeout: float | None = None) -> Any: ...


@dataclass(frozen=True)
class Answer:
    """One DNS answer, reduced to what the checks read.

    ``status``: ``"ok"`` (records present), ``"nxdomain"`` (the name does not exist), ``"nodata"``
    (the name exists, no record of this type) or ``"error"`` (timeout, SERVFAIL, REFUSED, garbage,
    truncated beyond repair, oversized TXT, CNAME loop: nothing can be concluded).
    ``records``: A/AAAA addresses, ``(preference, host)`` for MX, host names for PTR/CNAME (no
    trailing dot, lower case), and ``bytes`` (strings joined) for TXT.
    ``error``: for ``"error"``, one of ``"timeout"``, ``"servfail"``, ``"refused"``, ``"garbage"``,
    ``"too_large"``, ``"cname_loop"``, ``"no_resolver"``, ``"budget"``.
    """

    status: str
    records: tuple = ()
    ttl: int | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def failed(self) -> bool:
        return self.status == "error"


def nameserver_parse(value: str) -> tuple[str, int]:
    """``"IP"``, ``"IP:port"``, ``"[IPv6]:port"`` or a bare IPv6 → ``(ip, port)``; ValueError otherwise."""
    text = value.strip()
    port = 53
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"not a nameserver address: {value!r}")
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        port = int(port_text)
    else:
        host = text
    address = ipaddress.ip_address(host)
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {value!r}")
    return str(address), port


class Resolver:
    """Where the checks send their queries.

    ``nameservers``: ``["127.0.0.1:5353", "9.9.9.9", "[2620:fe::fe]:53"]``; empty or ``None``
    uses the system's resolvers (``/etc/resolv.conf``). Thread-safe: one instance can serve
    every request of a process.
    """

    def __init__(self, nameservers: Sequence[str] | None = None, *, attempt_timeout: float = DEFAULT_ATTEMPT_TIMEOUT):
        self.nameservers: tuple[tuple[str, int], ...] = tuple(nameserver_parse(n) for n in (nameservers or ()))
        self.attempt_timeout = attempt_timeout
        self.cache_scope = ",".join(f"{h}#{p}" for h, p in self.nameservers) or "system"
        self._lock = threading.Lock()
        self._resolver: dns.resolver.Resolver | None = None

    def __repr__(self) -> str:
        return f"Resolver({self.cache_scope})"

    def _dns_resolver(self) -> dns.resolver.Resolver:
        with self._lock:
            if self._resolver is None:
                if self.nameservers:
                    resolver = dns.resolver.Resolver(configure=False)
                    resolver.nameservers = [dns.nameserver.Do53Nameserver(h, p) for h, p in self.nameservers]
                else:
                    resolver = dns.resolver.Resolver()
                resolver.retry_servfail = False
                resolver.timeout = self.attempt_timeout
                resolver.cache = None
                resolver.use_edns(0, 0, 1232)
                self._resolver = resolver
            return self._resolver

    def query(self, name: str, rdtype: str, *, lifetime: float) -> Answer:
        """Ask once, within ``lifetime`` seconds. Never raises for DNS trouble."""
        if rdtype not in _TYPES:
            raise ValueError(f"unsupported record type {rdtype}")
        if lifetime <= 0.01:
            return Answer("error", error="budget")
        try:
            resolver = self._dns_resolver()
        except (dns.resolver.NoResolverConfiguration, OSError):
            return Answer("error", error="no_resolver")
        try:
            qname = dns.name.from_text(name)
        except (dns.exception.DNSException, UnicodeError, ValueError):
            return Answer("error", error="garbage")
        try:
            answer = resolver.resolve(
                qname,
                rdtype,
                lifetime=lifetime,
                search=False,
                raise_on_no_answer=False,
            )
        except dns.resolver.NXDOMAIN as exc:
            return Answer("nxdomain", ttl=_negative_ttl(exc))
        except dns.resolver.LifetimeTimeout:
            return Answer("error", error="timeout")
        except dns.resolver.NoNameservers as exc:
            return Answer("error", error=_nameserver_error(exc))
        except dns.exception.Timeout:
            return Answer("error", error="timeout")
        except (dns.exception.DNSException, OSError, UnicodeError, ValueError, EOFError):
            return Answer("error", error="garbage")
        return _answer_read(answer, rdtype)


def _negative_ttl(exc: dns.resolver.NXDOMAIN) -> int | None:
    try:
        responses = exc.responses()
        for response in responses.values():
            return int(response.resolve_chaining().minimum_ttl)
    except Exception:  # noqa: BLE001 - a TTL we cannot read is simply not cached
        return None
    return None


def _nameserver_error(exc: dns.resolver.NoNameservers) -> str:
    errors = exc.kwargs.get("errors") or []
    for _server, _tcp, _port, err, response in errors:
        if isinstance(err, dns.message.ChainTooLong):
            return "cname_loop"
        if response is not None and isinstance(response, dns.message.Message):
            rcode = response.rcode()
            if rcode == dns.rcode.SERVFAIL:
                return "servfail"
            if rcode == dns.rcode.REFUSED:
                return "refused"
    for _server, _tcp, _port, err, _response in errors:
        if isinstance(err, dns.exception.Timeout):
            return "timeout"
    return "garbage" if errors else "servfail"


def _answer_read(answer: dns.resolver.Answer, rdtype: str) -> Answer:
    chaining = answer.chaining_result
    ttl = int(chaining.minimum_ttl)
    rrset = answer.rrset
    if rrset is None:
        # No record of this type. A CNAME chain that ends nowhere is a broken zone, not "no record".
        if chaining.cnames and _chain_loops(chaining):
            return Answer("error", error="cname_loop")
        return Answer("nodata", ttl=ttl)
    records: list = []
    if rdtype in ("A", "AAAA"):
        records = [rd.address for rd in rrset]
    elif rdtype == "MX":
        records = sorted((int(rd.preference), _host(rd.exchange)) for rd in rrset)
    elif rdtype in ("PTR", "CNAME"):
        records = [_host(rd.target) for rd in rrset]
    elif rdtype == "TXT":
        total = 0
        for rd in rrset:
            joined = b"".join(rd.strings)
            total += len(joined)
            records.append(joined)
        if total > MAX_TXT_BYTES:
            return Answer("error", error="too_large")
    return Answer("ok", tuple(records), ttl)


def _chain_loops(chaining) -> bool:
    seen = set()
    for rrset in chaining.cnames:
        if rrset.name in seen:
            return True
        seen.add(rrset.name)
    target = chaining.canonical_name
    return target in seen


def _host(name: dns.name.Name) -> str:
    text = name.to_text(omit_final_dot=True).lower()
    return "." if text in ("", "@") or name == dns.name.root else text


class Lookups:
    """The lookups of one run of checks: one resolver, one cache, one deadline."""

    def __init__(self, resolver: Resolver, cache: CacheLike | None, deadline: float):
        self.resolver = resolver
        self.cache = cache
        self.deadline = deadline

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def _key(self, name: str, rdtype: str) -> str:
        raw = f"{self.resolver.cache_scope}|{name.lower().rstrip('.')}|{rdtype}"
        return _CACHE_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, name: str, rdtype: str) -> Answer:
        key = self._key(name, rdtype)
        if self.cache is not None:
            try:
                hit = self.cache.get(key)
            except Exception:  # noqa: BLE001 - a cache outage must not stop the checks
                hit = None
            if isinstance(hit, tuple) and len(hit) == 3:
                status, records, ttl = hit
                return Answer(status, tuple(records), ttl)
        answer = self.resolver.query(name, rdtype, lifetime=min(self.remaining(), 30.0))
        if self.cache is not None and not answer.failed and answer.ttl is not None and answer.ttl > 0:
            try:
                self.cache.set(key, (answer.status, answer.records, answer.ttl), min(answer.ttl, MAX_CACHE_SECONDS))
            except Exception:  # noqa: BLE001
                pass
        return answer


class CacheMiss(Exception):
    """A lookup that the cache could not answer (CachedLookups)."""


class CachedLookups(Lookups):
    """Lookups answered from the cache alone: a first pass that needs no thread when every answer
    is there. Any miss marks the pass as failed (even if a library swallows the exception)."""

    missed = False

    def get(self, name: str, rdtype: str) -> Answer:
        if self.cache is not None:
            try:
                hit = self.cache.get(self._key(name, rdtype))
            except Exception:  # noqa: BLE001 - a cache outage: the threaded pass will ask DNS
                hit = None
            if isinstance(hit, tuple) and len(hit) == 3:
                status, records, ttl = hit
                return Answer(status, tuple(records), ttl)
        self.missed = True
        raise CacheMiss(f"{name} {rdtype}")

