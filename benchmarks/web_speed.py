#!/usr/bin/env python
"""Requests per second of the real pages against a bare Django view, one gunicorn, one run.

Starts gunicorn (gunicorn.conf.py, production settings, SQLite file with the seed content)
and loads it with wrk from a second process on loopback. Each URL is measured ROUNDS times,
interleaved with the baseline, and the medians are compared:
  home page and article page >= 70% of the bare view, search API >= 50%.
With --checks (needs Debian's unbound), the live DNS checks against a local DNS server
(tests/checks/conftest.py's zones): a cold check of one IP and two domains within the budget,
and a result page with its "Checked just now" panel served from cache costing at most 1.3x the
same page without it (each pair of requests timed against the page alone, same run).

Then through the front, as deployed (deploy/nginx.conf.in, written as deploy/serve.py writes it,
in front of the same gunicorn): the home page, an article and a popular `?error=` landing, each
against the same nginx serving the same bytes as a static file, interleaved in the same rounds;
each must reach at least half the static rate (a bounce storm sends thousands to the same pages).
--no-front skips it (no nginx installed).
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
sys.path.insert(0, str(ROOT / "deploy"))

from nginx_conf import nginx_conf_write  # noqa: E402

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
    parser.add_argument("--checks", action="store_true", help="also measure the live DNS checks panel")
    parser.add_argument("--no-front", action="store_true", help="skip the measures through nginx")
    parser.add_argument("--front-only", action="store_true", help="only the measures through nginx")
    args = parser.parse_args()
    if args.checks:
        sys.path.insert(0, str(ROOT))
        from tests.checks.conftest import unbound_serving

        with unbound_serving() as dns:
            return run(args, {"DNS_RESOLVERS": dns.address, "CHECKS_RATE_LIMIT": "100000000"})
    return run(args, {})


def run(args, extra_env: dict) -> int:
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
        **extra_env,
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

        samples = {name: [] for name in TARGETS}
        if not args.front_only:
            for path, _ in TARGETS.values():  # every worker builds its snapshot before we count
                measure(path, 1)
            for _ in range(args.rounds):
                for name, (path, _) in TARGETS.items():
                    samples[name].append(measure(path, args.seconds))
        checks_failed = checks_measure(base, workdir, args) if args.checks else False
        front_results = None if args.no_front else front_measure(f"127.0.0.1:{port}", workdir, args)
    finally:
        server.terminate()
        server.wait(timeout=30)

    if args.front_only:
        return 1 if front_results is None or front_report(front_results) else 0
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
    front_failed = front_report(front_results) if front_results is not None else False
    return 1 if failed or checks_failed or front_failed else 0


# Through the front: the pages a bounce storm sends senders to, each against the same bytes served
# by the same nginx as a static file.
FRONT_TARGETS = {
    "home page": "/en/",
    "article page": "/fr/relay-denied/",
    "?error= landing": "/en/?error=550+5.1.1+user+unknown",
}
FRONT_NEEDED = 0.50


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def front_measure(upstream: str, workdir: Path, args) -> dict | None:
    """{name: (page rates, static rates, path, size)} measured through nginx; None without nginx."""
    nginx = nginx_binary()
    if nginx is None:
        print("nginx is missing (apt-get install nginx-light): the front was not measured", file=sys.stderr)
        return None
    static = workdir / "static"
    (static / "front").mkdir(parents=True)
    port = free_port()
    conf = nginx_conf_write(prefix=workdir / "nginx", listen=f"127.0.0.1:{port}", upstreams=[upstream], static=static)
    front = subprocess.Popen([nginx, "-c", str(conf), "-p", str(conf.parent), "-g", "daemon off;"], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or front.poll() is not None:
                    raise SystemExit("nginx did not start")
                time.sleep(0.2)
        files = {}
        for n, (name, path) in enumerate(FRONT_TARGETS.items()):
            with urllib.request.urlopen(base + path, timeout=30) as response:
                body = response.read()
                if response.status != 200 or response.headers.get("Set-Cookie"):
                    raise SystemExit(f"{path}: status {response.status}, Set-Cookie {response.headers.get('Set-Cookie')}")
            (static / "front" / f"{n}.html").write_bytes(body)
            files[name] = f"/static/front/{n}.html"
            with urllib.request.urlopen(base + files[name], timeout=30) as response:
                assert response.read() == body, "the static copy differs"
        for name, path in FRONT_TARGETS.items():  # every worker's snapshot is built before we count
            wrk(base + path, 1, args.connections)
        results = {name: ([], [], path, (static / files[name][len("/static/"):]).stat().st_size)
                   for name, path in FRONT_TARGETS.items()}
        for _ in range(args.rounds):
            for name, path in FRONT_TARGETS.items():
                results[name][0].append(wrk(base + path, args.seconds, args.connections))
                results[name][1].append(wrk(base + files[name], args.seconds, args.connections))
        return results
    finally:
        front.terminate()
        front.wait(timeout=30)


def front_report(results: dict) -> bool:
    print("through nginx (deploy/nginx.conf.in, micro-cache on), same connections and rounds: "
          "each page against the same bytes as a static file")
    print(f"{'target':<20} {'page req/s':>10} {'static req/s':>12} {'ratio':>7} {'needed':>7}")
    failed = False
    for name, (pages, statics, path, size) in results.items():
        page, static = statistics.median(pages), statistics.median(statics)
        ratio = page / static
        ok = ratio >= FRONT_NEEDED
        failed |= not ok
        print(f"{name:<20} {page:>10.0f} {static:>12.0f} {ratio:>7.2f} {FRONT_NEEDED:>7} {'PASS' if ok else 'FAIL'}  "
              f"{path} ({size:,} bytes)")
    return failed


CHECKED_RESULT = "/en/?error=" + urllib.parse.quote_plus(
    "550 5.7.1 Service unavailable; Client host [5.6.7.10] blocked using zen.spamhaus.org")
CHECKS_PANEL = "/en/checks/?ip=5.6.7.10&domain=good.fixture.net&recipient_domain=rcpt.fixture.net&fragment=1"


def checks_measure(base: str, workdir: Path, args) -> bool:
    """The live checks: cold within the budget; page + panel from cache <= 1.3x the page alone."""
    started = time.monotonic()
    with urllib.request.urlopen(base + CHECKS_PANEL, timeout=30) as response:
        cold_html = response.read().decode()
    cold = time.monotonic() - started
    cold_ok = cold < 3.0 and "checks-panel" in cold_html and "could_not_check" not in cold_html
    pair = lua_rotation([CHECKED_RESULT, CHECKS_PANEL], workdir)
    for _ in range(2):  # every worker's DNS cache is warm before we count
        wrk(base + "/", 1, args.connections, pair)
    page_rates, pair_rates = [], []
    for _ in range(args.rounds):
        page_rates.append(wrk(base + CHECKED_RESULT, args.seconds, args.connections))
        pair_rates.append(wrk(base + "/", args.seconds, args.connections, pair))
    # a pair is two requests: its cost is 2 / rate; the page's is 1 / rate
    cost_ratio = (2 / statistics.median(pair_rates)) / (1 / statistics.median(page_rates))
    warm_ok = cost_ratio <= 1.3
    print(f"checks: cold panel (one IP, two domains) {cold * 1000:.0f} ms (budget 3000 ms): {'PASS' if cold_ok else 'FAIL'}")
    print(f"checks: result page {statistics.median(page_rates):.0f} req/s; page + cached panel pairs "
          f"{statistics.median(pair_rates) / 2:.0f} pairs/s; cost {cost_ratio:.2f}x (limit 1.30): "
          f"{'PASS' if warm_ok else 'FAIL'}")
    return not (cold_ok and warm_ok)


if __name__ == "__main__":
    sys.exit(main())
