"""One request budget per client address, shared by the paste form and the API.

Kept in the cache, so with REDIS_URL set every process and machine counts together.
"""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    # Trust decision: REMOTE_ADDR unless the operator says a proxy sits in front; then only
    # the last X-Forwarded-For hop (the one our proxy appended) is believed.
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def diagnose_rate_check(*, address: str) -> int:
    """Count one diagnosis for `address`; return 0 if allowed, else seconds to wait."""
    window = settings.DIAGNOSE_RATE_WINDOW
    now = int(time.time())
    window_start = now - now % window
    key = f"diagnose-rate:{address}:{window_start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count > settings.DIAGNOSE_RATE_LIMIT:
        return max(1, window_start + window - now)
    return 0
