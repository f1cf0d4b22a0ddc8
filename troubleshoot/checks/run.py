"""Running the checks: validate, decide which to run, run them in parallel within the budget."""

from __future__ import annotations

import concurrent.futures
import logging
import time
from typing import Callable, Iterable

from . import texts as T
from .auth import dkim_check, dmarc_check, spf_check
from .blocklists import DEFAULT_BLOCKLISTS, SPAMHAUS_DBL, BlockList, blocklist_check, spamhaus_dqs
from .dnsclient import CacheLike, CachedLookups, CacheMiss, Lookups, Resolver
from .model import Check
from .rdns import reverse_dns_check
from .recipient import mta_sts_check, mx_check, tls_rpt_check
from .texts import LazyText
from .validation import (
    domain_not_checked_reason,
    domain_validate,
    ip_not_checked_reason,
    ip_validate,
    selector_validate,
)

logger = logging.getLogger(__name__)

#: Topics that add checks: the DBL for "content"/"reputation", MTA-STS and TLS-RPT for "tls".
TOPICS = frozenset({"content", "reputation", "tls"})
DEFAULT_BUDGET = 3.0
MAX_BUDGET = 30.0

_system_resolver: Resolver | None = None


def _default_resolver() -> Resolver:
    global _system_resolver
    if _system_resolver is None:
        _system_resolver = Resolver()
    return _system_resolver


def checks_run(
    *,
    ip: str | None = None,
    domain: str | None = None,
    recipient_domain: str | None = None,
    dkim_selector: str | None = None,
    topics: Iterable[str] = frozenset(),
    resolver: Resolver | None = None,
    budget: float = DEFAULT_BUDGET,
    cache: CacheLike | None = None,
    blocklists: Iterable[BlockList] | None = None,
    dqs_key: str | None = None,
) -> list[Check]:
    """Check the sending IP, the sender's domain and the recipient's domain, all at once.

    Raises :class:`~.validation.InvalidTarget` (a ValueError) for a malformed IP, domain or
    selector, before any lookup. Returns within about ``budget`` seconds, whatever the DNS does:
    a lookup still running then gives a ``could_not_check`` check. Order: block lists, reverse
    DNS, SPF, DMARC, DKIM, DBL, MX, MTA-STS, TLS-RPT (those that apply).
    """
    ip = ip_validate(ip) if ip else None
    domain = domain_validate(domain, field="domain") if domain else None
    recipient_domain = domain_validate(recipient_domain, field="recipient_domain") if recipient_domain else None
    selector = selector_validate(dkim_selector) if dkim_selector else None
    topics = frozenset(topics or ())
    lists = tuple(DEFAULT_BLOCKLISTS if blocklists is None else blocklists)
    dbl = SPAMHAUS_DBL
    if dqs_key:
        lists = tuple(spamhaus_dqs(b, dqs_key) for b in lists)
        dbl = spamhaus_dqs(SPAMHAUS_DBL, dqs_key)
    budget = max(0.05, min(float(budget), MAX_BUDGET))

    # (placeholder check if it does not finish, job or None for a check already decided)
    plan: list[tuple[Check, Callable[[Lookups], Check] | None]] = []

    def could_not(kind: str, target: str, what, source: str) -> Check:
        return Check(kind=kind, target=target, verdict="could_not_check", code="timeout", source=source,
                     detail=LazyText(T.COULD_NOT_CHECK, what=what, target=target))

    def not_checked(kind: str, target: str, source: str, reason) -> Check:
        code, detail = reason
        return Check(kind=kind, target=target, verdict="not_checked", code=code, source=source, detail=detail)

    if ip:
        reason = ip_not_checked_reason(ip)
        ip_lists = [b for b in lists if b.kind == "ip" and (b.ipv6 or ":" not in ip)]
        if reason:
            plan.append((not_checked("blocklist", ip, "", reason), None))
            plan.append((not_checked("reverse_dns", ip, "PTR", reason), None))
        else:
            for bl in ip_lists:
                placeholder = Check(kind="blocklist", target=ip, verdict="could_not_check", code="timeout",
                                    source=bl.name, detail=LazyText(T.BLOCKLIST_COULD_NOT_CHECK, target=ip, list=bl.name))
                plan.append((placeholder, lambda lk, bl=bl: blocklist_check(lk, bl, ip)))
            plan.append((could_not("reverse_dns", ip, T.WHAT_REVERSE_DNS, "PTR"), lambda lk: reverse_dns_check(lk, ip)))
    public_ip = ip if ip and not ip_not_checked_reason(ip) else None

    spf_index = None
    if domain:
        reason = domain_not_checked_reason(domain)
        if reason:
            plan.append((not_checked("spf", domain, "SPF", reason), None))
            plan.append((not_checked("dmarc", domain, "DMARC", reason), None))
            if selector:
                plan.append((not_checked("dkim", f"{selector}._domainkey.{domain}", "DKIM", reason), None))
            if topics & {"content", "reputation"}:
                plan.append((not_checked("domain_blocklist", domain, dbl.name, reason), None))
        else:
            spf_index = len(plan)
            plan.append((could_not("spf", domain, T.WHAT_SPF, "SPF"), lambda lk: spf_check(lk, domain, public_ip)))
            plan.append((could_not("dmarc", domain, T.WHAT_DMARC, "DMARC"), "dmarc"))
            if selector:
                name = f"{selector}._domainkey.{domain}"
                plan.append((could_not("dkim", name, T.WHAT_DKIM, "DKIM"), lambda lk: dkim_check(lk, domain, selector)))
            if topics & {"content", "reputation"}:
                placeholder = Check(kind="domain_blocklist", target=domain, verdict="could_not_check", code="timeout",
                                    source=dbl.name,
                                    detail=LazyText(T.BLOCKLIST_COULD_NOT_CHECK, target=domain, list=dbl.name))
                plan.append((placeholder, lambda lk: blocklist_check(lk, dbl, domain)))

    if recipient_domain:
        reason = domain_not_checked_reason(recipient_domain)
        rd = recipient_domain
        if reason:
            plan.append((not_checked("mx", rd, "MX", reason), None))
            if "tls" in topics:
                plan.append((not_checked("mta_sts", rd, "MTA-STS", reason), None))
                plan.append((not_checked("tls_rpt", rd, "TLS-RPT", reason), None))
        else:
            plan.append((could_not("mx", rd, T.WHAT_MX, "MX"), lambda lk: mx_check(lk, rd)))
            if "tls" in topics:
                plan.append((could_not("mta_sts", rd, T.WHAT_MTA_STS, "MTA-STS"), lambda lk: mta_sts_check(lk, rd)))
                plan.append((could_not("tls_rpt", rd, T.WHAT_TLS_RPT, "TLS-RPT"), lambda lk: tls_rpt_check(lk, rd)))

    jobs = [(i, job) for i, (_placeholder, job) in enumerate(plan) if job is not None]
    results: list[Check] = [placeholder for placeholder, _job in plan]
    if not jobs:
        return results

    deadline = time.monotonic() + budget
    resolver = resolver or _default_resolver()
    if cache is not None:
        # Everything cached (a page reloaded, a bounce storm): answer in this thread, no pool.
        cached = _from_cache(jobs, CachedLookups(resolver, cache, deadline), domain, public_ip, spf_index)
        if cached is not None:
            for i, check in cached.items():
                if check is not None:
                    results[i] = check
            return results
    lookups = Lookups(resolver, cache, deadline)
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="dns-check")
    futures: dict[int, concurrent.futures.Future] = {}
    try:
        for i, job in jobs:
            if job == "dmarc":
                spf_future = futures.get(spf_index) if spf_index is not None else None
                futures[i] = executor.submit(_guarded, lambda lk, f=spf_future: dmarc_check(
                    lk, domain, public_ip, spf_result=lambda: _result_or_none(f, lk)), lookups)
            else:
                futures[i] = executor.submit(_guarded, job, lookups)
        # A little grace past the deadline: lookups stop at the deadline, their checks need a moment.
        concurrent.futures.wait(futures.values(), timeout=max(0.0, deadline - time.monotonic()) + 0.15)
        for i, future in futures.items():
            if future.done() and future.exception() is None and future.result() is not None:
                results[i] = future.result()
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return results


def _from_cache(jobs, lookups: CachedLookups, domain, public_ip, spf_index) -> dict[int, Check | None] | None:
    """Every job run from the cache alone, in order; None as soon as one needs the network."""
    done: dict[int, Check | None] = {}
    for i, job in jobs:
        if job == "dmarc":
            spf = done.get(spf_index) if spf_index is not None else None
            check = _guarded(lambda lk, s=spf: dmarc_check(lk, domain, public_ip, spf_result=lambda: s), lookups)
        else:
            check = _guarded(job, lookups)
        if lookups.missed:
            return None
        done[i] = check
    return done


def _guarded(job: Callable[[Lookups], Check], lookups: Lookups) -> Check | None:
    try:
        return job(lookups)
    except CacheMiss:  # the cache-only pass: the threaded pass asks DNS
        return None
    except Exception:  # noqa: BLE001 - one broken check must not break the others (placeholder shows)
        logger.exception("DNS check failed")
        return None


def _result_or_none(future: concurrent.futures.Future | None, lookups: Lookups) -> Check | None:
    if future is None:
        return None
    try:
        return future.result(timeout=max(0.0, lookups.remaining()))
    except Exception:  # noqa: BLE001
        return None
