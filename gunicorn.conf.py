"""gunicorn settings: workers from WEB_CONCURRENCY, logs to stdout."""

import ctypes
import ctypes.util
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A diagnosis is bounded well below this; the timeout only catches a stuck worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
# The path without its query string and no Referer: an ?error= link carries the bounce text,
# addresses included, and none of it may reach the logs.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s "%(a)s"'
# A safety net, not a fix: each worker is replaced after about this many requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# Native memory: diagnosing texts never seen before frees many small C allocations (Python's
# traced memory stays flat) and glibc keeps the freed pages in its heap instead of giving them
# back. malloc_trim(0) returns them: in `benchmarks/soak.py --varied`, RSS growth over 20,000
# diagnoses went from +53% to +29% (the rest is still held, not freed: see the README). It costs
# about 0.1 ms, paid only after requests that diagnose or search (a POST or a query string).
_LIBC = ctypes.CDLL(ctypes.util.find_library("c")) if ctypes.util.find_library("c") else None


def heap_release() -> None:
    if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):  # glibc only (musl has none)
        _LIBC.malloc_trim(0)


def post_request(worker, req, environ, resp):
    if req.method != "GET" or req.query:
        heap_release()
