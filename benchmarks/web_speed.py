#!/usr/bin/env python
"""Requests per second of the real pages against a bare Django view, one gunicorn, one run.

Starts gunicorn (gunicorn.conf.py, production settings, SQLite file with the seed content)
and loads it with wrk from a second process on loopback. Each URL is measured ROUNDS times,
interleaved with the baseline, and the medians are compared:
  home page and article page >= 70% of the bare view, search API >= 50%.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "bare view": ("/bench/fixed", None),
    "home page": ("/en/", 0.70),
    "article page": ("/fr/relay-denied/", 0.70),
    "search API": ("/api/v1/search?q=relay+denied&lang=en", 0.50),
    # Many different queries, typos included, in both languages: most miss the result cache.
    "search API, varied": ("@varied", 0.50),
}
WORDS = (
    "relay denied mailbox full quota spamhaus blocked domain address sender reputation dmarc spf dkim "
    "tls starttls reverse dns ptr expired delayed queued virus spam filter policy unknown recipient "
    "relais refusé boîte pleine expéditeur bloqué liste blocage réputation délai chiffrement virus "
    "553 550 554 421 452 5.7.1 5.1.1 5.2.2 4.7.0 mailbx spamhuas blokced reputaton expediteur"
).split()


def varied_queries(count: int = 4000) -> list[str]:
    """Distinct two- and three-word queries, deterministic, so each run asks the same ones."""
    queries, n = [], len(WORDS)
    for i in range(count):
        a, b, c = WORDS[i % n], WORDS[(i // n) % n], WORDS[(i * 7 + 3) % n]
        lang = "fr" if i % 2 else "en"
        q = f"{a} {b}" if i % 3 else f"{a} {b} {c}"
        queries.append(f"/api/v1/search?lang={lang}&q={urllib.parse.quote(q)}")
    return list(dict.fromkeys(queries))


def lua_rotation(paths: list[str], workdir: Path) -> Path:
    script = workdir / "rotate.lua"
    entries = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"local paths = {{\n{entries}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n"
    )
    return script


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> float:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url]
    if script:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx or 3xx responses", out):
        raise SystemExit(f"{url} answered with errors:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2

    workdir = Path(tempfile.mkdtemp(prefix="web-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "troubleshoot.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DIAGNOSE_RATE_LIMIT": "100000000",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
    }
    python = sys.executable
    for command in (["migrate", "--noinput", "-v0"], ["seed_content", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    port = free_port()
    gunicorn = str(Path(python).parent / "gunicorn")
    server = subprocess.Popen(
        [
            gunicorn, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
            "--access-logfile", "/dev/null", "--env", "DJANGO_SETTINGS_MODULE=benchmarks.bench_settings",
            "troubleshoot.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/bench/fixed", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start")
                time.sleep(0.3)
        rotation = lua_rotation(varied_queries(), workdir)

        def measure(path: str, seconds: int) -> float:
            if path == "@varied":
                return wrk(base + "/", seconds, args.connections, rotation)
            return wrk(base + path, seconds, args.connections)

        for path, _ in TARGETS.values():  # every worker builds its snapshot before we count
            measure(path, 1)
        samples = {name: [] for name in TARGETS}
        for _ in range(args.rounds):
            for name, (path, _) in TARGETS.items():
                samples[name].append(measure(path, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)

    baseline = statistics.median(samples["bare view"])
    print(f"gunicorn workers={args.workers}, wrk connections={args.connections}, {args.rounds} rounds of {args.seconds}s")
    print(f"{'target':<20} {'median req/s':>12} {'ratio':>7} {'needed':>7}")
    failed = False
    for name, (path, needed) in TARGETS.items():
        median = statistics.median(samples[name])
        ratio = median / baseline
        verdict = ""
        if needed is not None:
            ok = ratio >= needed
            failed |= not ok
            verdict = "PASS" if ok else "FAIL"
        shown = f"{len(varied_queries())} distinct search queries" if path == "@varied" else path
        print(f"{name:<20} {median:>12.0f} {ratio:>7.2f} {needed if needed else '':>7} {verdict}  {shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
