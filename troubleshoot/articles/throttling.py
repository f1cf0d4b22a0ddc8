"""Request budgets per client address, kept in the cache.

With REDIS_URL set every process and machine counts together. The paste form and the API
share the "diagnose" budget; votes and the "not found" log have their own, so no visitor can
fill the database.

The budget is a sliding window log: the times of the requests let through in the last `window`
seconds are kept, and a request passes only while fewer than `limit` of them remain. The last
request let through in any span of `window` seconds saw every earlier one of that span still
logged, so no span of that length ever holds more than `limit` (a fixed window lets twice the
limit through across its boundary; a token bucket lets the limit plus what refills meanwhile).
"""

import logging
import math
import secrets
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
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
    key = f"{scope}-rate:{address}"
    try:
        wait = _shared_admit(key, limit, window)
    except (RedisError, OSError):
        # The shared cache is gone: count in this process alone rather than refuse or fail
        # everyone (each process then allows the limit, a bounded excess until it is back).
        logger.warning("Cache unreachable: rate limit %r counted in this process only", scope)
        wait = _local_admit(key, limit, window)
    return max(1, math.ceil(wait)) if wait > 0 else 0


def window_admit(*, stamps: list[float], now: float, limit: int, window: float) -> tuple[list[float], float]:
    """The log after one request at `now`, and 0 if it passes, else the seconds until one would."""
    stamps = [stamp for stamp in stamps if now - window < stamp <= now]
    if len(stamps) < limit:
        return [*stamps, now], 0.0
    # A refused request is not logged: it would push the wait further for a client that waits.
    return stamps, stamps[0] + window - now if stamps else float(window)


# Redis: the same log as a sorted set, read and written in one script (atomic), timed by Redis's own
# clock so that application hosts whose clocks differ still count in one time line.
SLIDING_WINDOW_LUA = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, now_parts[1] .. '.' .. now_parts[2] .. ':' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000) + 1000)
  return '0'
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tostring(tonumber(oldest[2]) + window - now)
"""

# The process's lock makes a read-and-write of the cache one step: enough for LocMemCache, which is
# the process's own memory. Settings configure only that one or Redis.
_cache_lock = threading.Lock()


def _shared_admit(key: str, limit: int, window: int) -> float:
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        cache_key = cache.make_and_validate_key(key)
        # Django's RedisCache has no script call; its client (redis-py) does, on the same pool.
        client = cache._cache.get_client(cache_key, write=True)
        wait = client.eval(SLIDING_WINDOW_LUA, 1, cache_key, limit, window, secrets.token_hex(6))
        return float(wait)
    with _cache_lock:
        stamps, wait = window_admit(stamps=cache.get(key) or [], now=time.time(), limit=limit, window=window)
        cache.set(key, stamps, timeout=window + 1)
    return wait


_local_lock = threading.Lock()
_local_logs: dict[str, list[float]] = {}  # key -> times let through; only while the cache is down


def _local_admit(key: str, limit: int, window: int) -> float:
    with _local_lock:
        now = time.time()
        if len(_local_logs) > 10_000:
            for stale in [k for k, stamps in _local_logs.items() if not stamps or stamps[-1] <= now - window]:
                del _local_logs[stale]
            if len(_local_logs) > 10_000:  # that many addresses in one window: start afresh
                _local_logs.clear()
        _local_logs[key], wait = window_admit(stamps=_local_logs.get(key, []), now=now, limit=limit, window=window)
        return wait


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
