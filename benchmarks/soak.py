#!/usr/bin/env python3
"""Memory under hostile input: 20,000 mixed hostile diagnoses after a warm-up move RSS by < 10%.

Usage: python benchmarks/soak.py [--diagnoses 20000] [--warmup 3000] [--max-growth 0.10] [--site]

Runs, in this process, what a worker runs for a paste: bounce_diagnose with the seed signatures
(fixtures/, RE2) on a mix of real bounces (the dev corpus), crafted charsets, encoded words, deep
MIME, long lines, binary refusals, control characters and surrogates; prints requests sent, by
outcome, the slowest, and RSS (from /proc/self/statm) after the warm-up and at the end.
With --site, the same inputs go over HTTP to one gunicorn worker (production settings, seeded
SQLite, never recycled, so that recycling hides nothing) through every diagnose path: the API,
the paste form, the upload, `?error=` links and search; the worker's RSS is read from /proc.
Exits 1 when RSS grew by more than --max-growth, or on any error (5xx over HTTP).
"""

from __future__ import annotations

import argparse
import encodings.aliases
import gc
import http.client
import json
import os
import random
import runpy
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import load_fixtures  # noqa: E402

from troubleshoot.diagnosis import CATEGORIES, BounceInputError, bounce_diagnose, ruleset_compile  # noqa: E402


def rss_bytes(pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def hostile_inputs(rng: random.Random) -> list[bytes | str]:
    corpus = sorted((ROOT / "tests" / "corpus" / "bounces" / "dev" / "emails").glob("*.eml"))
    real = [p.read_bytes() for p in corpus]
    crafted = []
    for charset in ("utf-7", "zlib", "hex", "rot13", "idna", "punycode", "undefined", "unicode_escape", "cp037",
                    "iso-2022-jp", "x-unknown", "utf-16"):
        crafted.append(f"From: MAILER-DAEMON\nSubject: =?{charset}?q?+2D0-?=\nContent-Type: text/plain; "
                       f"charset={charset}\n\n550 5.1.1 <a@example.com> user unknown \\ud800".encode("utf-8", "replace"))
    nested = "Content-Type: multipart/mixed; boundary=b\n\n" + "--b\nContent-Type: multipart/mixed; boundary=b\n\n" * 200
    crafted += [nested, "550 " + "x" * 200_000, "\x00\x01\x02" * 1000 + "550 user unknown",
                "550 5.7.1 " + "(" * 5000, ("a@" * 20000) + " 550", "=?utf-8?b?" + "A" * 50000 + "?=",
                bytes(rng.randrange(256) for _ in range(5000))]
    return real + crafted


CODECS = sorted(set(encodings.aliases.aliases.values()) | {"zlib_codec", "hex_codec", "rot_13", "uu_codec", "idna",
                                                           "punycode", "undefined", "unicode_escape", "x-unknown"})
VARIED = False  # --varied
WORDS = "relay denied mailbox full quota blocked spam policy unknown user rejected temporarily deferred".split()


def hostile_pick(inputs: list[bytes | str], rng: random.Random) -> bytes | str:
    """Half the time one of `inputs`; otherwise one never seen before, as an attacker or a storm of
    real senders sends (caches keyed by the text fill instead of being hit): a random declared
    codec, address and wording, or a real bounce with a new refusal line added."""
    if not VARIED or rng.random() < 0.5:
        return rng.choice(inputs)
    address = f"u{rng.getrandbits(32):x}@d{rng.getrandbits(24):x}.example"
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 8)))
    line = f"{rng.choice(['550', '552', '554', '451', '421'])} 5.{rng.randrange(8)}.{rng.randrange(8)} <{address}> {words}"
    if rng.random() < 0.5:
        original = rng.choice([i for i in inputs if isinstance(i, bytes)])
        return original + b"\n" + line.encode()
    codec = rng.choice(CODECS)
    return (f"From: MAILER-DAEMON\nSubject: =?{codec}?q?{words.replace(' ', '_')}+2D0-?=\n"
            f"Content-Type: text/plain; charset={codec}\n\n{line}\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diagnoses", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=3_000)
    parser.add_argument("--max-growth", type=float, default=0.10)
    parser.add_argument("--site", action="store_true", help="over HTTP, against one gunicorn worker")
    parser.add_argument("--varied", action="store_true",
                        help="half the inputs never seen before (random codec, address, wording): the real test")
    parser.add_argument("--no-heap-release", action="store_true", help="without malloc_trim: shows the growth it stops")
    parser.add_argument("--paths", default=",".join(SITE_PATHS), help="with --site: which paths, comma-separated")
    args = parser.parse_args(argv)
    global VARIED
    VARIED = args.varied
    rng = random.Random(7)
    inputs = hostile_inputs(rng)
    if args.site:
        return site_soak(inputs, rng, args)
    signatures, general = load_fixtures(ROOT / "fixtures")
    for category in CATEGORIES:
        general.setdefault(category, "general-" + category)
    ruleset = ruleset_compile(signatures=signatures, general_articles=general, skip_invalid=True)
    # what a worker does after each diagnosis (gunicorn.conf.py's post_request): give freed heap back
    heap_release = (lambda: None) if args.no_heap_release else runpy.run_path(str(ROOT / "gunicorn.conf.py"))["heap_release"]
    outcomes = {"answered": 0, "refused": 0, "error": 0}
    slowest = 0.0

    def run(count: int) -> None:
        nonlocal slowest
        for _ in range(count):
            text = hostile_pick(inputs, rng)
            started = time.perf_counter()
            try:
                bounce_diagnose(text=text, ruleset=ruleset)
                outcomes["answered"] += 1
            except BounceInputError:
                outcomes["refused"] += 1
            except Exception as error:  # noqa: BLE001 - counted: the figure must be 0
                outcomes["error"] += 1
                print("error:", type(error).__name__, error, file=sys.stderr)
            heap_release()
            slowest = max(slowest, time.perf_counter() - started)

    run(args.warmup)
    gc.collect()
    before = rss_bytes()
    run(args.diagnoses)
    gc.collect()
    after = rss_bytes()
    growth = (after - before) / before
    print(f"diagnoses: {args.warmup} warm-up + {args.diagnoses}; outcomes {outcomes}; slowest {slowest * 1000:.0f} ms")
    print(f"RSS after warm-up {before / 1e6:.1f} MB, at the end {after / 1e6:.1f} MB: {growth:+.1%} "
          f"(limit {args.max_growth:+.0%})")
    failed = growth > args.max_growth or outcomes["error"] > 0
    if failed:
        print("FAIL")
    return 1 if failed else 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SITE_PATHS = ("api", "form", "upload", "error", "search")


def site_requests(data: bytes | str, rng: random.Random,
                  paths: tuple[str, ...] = SITE_PATHS) -> tuple[str, str, bytes | None, dict[str, str]]:
    """One hostile input as one request on one of the diagnose paths: (method, path, body, headers)."""
    text = data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")
    path = rng.choice(paths)
    if path == "error" and len(text) <= 1500:
        return "GET", "/en/?" + urllib.parse.urlencode({"error": text.encode("utf-8", "replace")}), None, {}
    if path == "search":
        return "GET", "/fr/search/?" + urllib.parse.urlencode({"q": text[:300].encode("utf-8", "replace")}), None, {}
    if path == "upload":
        boundary = "soak%016x" % rng.getrandbits(64)
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bounce.eml\"\r\n"
                f"Content-Type: message/rfc822\r\n\r\n").encode() + raw + f"\r\n--{boundary}--\r\n".encode()
        return "POST", "/en/diagnose/", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if path == "form":
        body = urllib.parse.urlencode({"text": text.encode("utf-8", "replace")}).encode()
        return "POST", "/fr/diagnose/", body, {"Content-Type": "application/x-www-form-urlencoded"}
    # lone surrogates travel as JSON escapes (\\udcxx): hostile as well
    return "POST", "/api/v1/diagnose", json.dumps({"text": text, "lang": "fr"}).encode(), {"Content-Type": "application/json"}


def site_soak(inputs: list[bytes | str], rng: random.Random, args) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "troubleshoot.settings", "DEBUG": "0",
           "SECRET_KEY": "soak-only-secret-key-" + "x" * 40, "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0",
           "HTTPS": "0", "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}", "DIAGNOSE_RATE_LIMIT": "100000000",
           "WRITE_RATE_LIMIT": "100000000", "LOG_LEVEL": "WARNING", "WEB_CONCURRENCY": "1",
           "GUNICORN_MAX_REQUESTS": "0"}  # never recycled: the growth itself is measured
    env.pop("REDIS_URL", None)
    python = sys.executable
    for command in (["migrate", "--noinput", "-v0"], ["seed_content", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(workdir / "gunicorn.log", "wb")  # refusals are logged as warnings: kept out of the figures
    server = subprocess.Popen([str(Path(python).parent / "gunicorn"), "--config", "gunicorn.conf.py", "--bind",
                               f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "troubleshoot.wsgi"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    statuses: dict[int, int] = {}
    slowest = 0.0
    connection = None

    def send(count: int) -> None:
        nonlocal slowest, connection
        for _ in range(count):
            method, path, body, headers = site_requests(hostile_pick(inputs, rng), rng, tuple(args.paths.split(",")))
            started = time.perf_counter()
            for attempt in (1, 2):  # a connection the worker closed (after a 4xx) is opened again
                try:
                    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    connection.request(method, path, body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    break
                except (http.client.HTTPException, OSError):
                    connection.close()
                    connection = None
                    if attempt == 2:
                        raise
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.will_close:
                connection.close()
                connection = None
            if response.status == 303:  # a paste's answer is at the address it is sent to
                connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                connection.request("GET", response.headers["Location"])
                answer = connection.getresponse()
                answer.read()
                statuses[answer.status] = statuses.get(answer.status, 0) + 1
            slowest = max(slowest, time.perf_counter() - started)

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=5).request("GET", "/healthz")
                workers = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True,
                                         text=True).stdout.split()
                if workers:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start:\n" + (workdir / "gunicorn.log").read_text(errors="replace"))
            time.sleep(0.3)
        worker = int(workers[0])
        send(args.warmup)
        before = rss_bytes(worker)
        send(args.diagnoses)
        after = rss_bytes(worker)
        still = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True).stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    errors = sum(n for status, n in statuses.items() if status >= 500)
    growth = (after - before) / before
    print(f"requests over HTTP ({args.paths}): {args.warmup} warm-up + {args.diagnoses}; "
          f"by status {dict(sorted(statuses.items()))}; 5xx {errors}; slowest {slowest * 1000:.0f} ms")
    print(f"worker {worker} RSS after warm-up {before / 1e6:.1f} MB, at the end {after / 1e6:.1f} MB: {growth:+.1%} "
          f"(limit {args.max_growth:+.0%})")
    failed = growth > args.max_growth or errors > 0 or str(worker) not in still.split()
    if str(worker) not in still.split():
        print("the worker was replaced during the run: its growth was not measured")
    if failed:
        print("FAIL")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
