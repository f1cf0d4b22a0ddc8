"""Request budgets per client address, kept in the cache.

With REDIS_URL set every process and machine counts together. The paste form and the API
share the "diagnose" budget; votes and the "not found" log have their own, so no visitor can
fill the database.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    # Trust decision: REMOTE_ADDR unless the operator says a proxy sits in front; then only
    # the last X-Forwarded-For hop (the one our proxy appended) is believed.
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_check(*, scope: str, address: str, limit: int, window: int) -> int:
    """Count one request in `scope` for `address`; return 0 if allowed, else seconds to wait."""
    now = int(time.time())
    window_start = now - now % window
    key = f"{scope}-rate:{address}:{window_start}"
    try:
        count = _shared_count(key, window)
    except (RedisError, OSError):
        # The shared cache is gone: count in this process alone rather than refuse or fail
        # everyone (each process then allows the limit, a bounded excess until it is back).
        logger.warning("Cache unreachable: rate limit %r counted in this process only", scope)
        count = _local_count(key, window_start + window)
    if count > limit:
        return max(1, window_start + window - now)
    return 0


def _shared_count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        return 1


_local_lock = threading.Lock()
_local_counts: dict[str, tuple[int, int]] = {}  # key -> (count, expires at); only while the cache is down


def _local_count(key: str, expires: int) -> int:
    with _local_lock:
        now = time.time()
        if len(_local_counts) > 10_000:
            for stale in [k for k, (_count, until) in _local_counts.items() if until <= now]:
                del _local_counts[stale]
            if len(_local_counts) > 10_000:  # that many addresses in one window: start afresh
                _local_counts.clear()
        count, _until = _local_counts.get(key, (0, expires))
        _local_counts[key] = (count + 1, expires)
        return count + 1


def diagnose_rate_check(*, address: str) -> int:
    return rate_check(
        scope="diagnose", address=address, limit=settings.DIAGNOSE_RATE_LIMIT, window=settings.DIAGNOSE_RATE_WINDOW
    )


def checks_rate_check(*, address: str) -> int:
    """Live DNS checks: their own budget, so that nobody uses the site to query DNS in bulk."""
    return rate_check(
        scope="checks", address=address, limit=settings.CHECKS_RATE_LIMIT, window=settings.DIAGNOSE_RATE_WINDOW
    )


def write_rate_check(*, address: str, scope: str) -> int:
    """Votes and "not found" records: a small budget per address and window."""
    return rate_check(
        scope=scope, address=address, limit=settings.WRITE_RATE_LIMIT, window=settings.DIAGNOSE_RATE_WINDOW
    )
