#!/usr/bin/env python3
"""Serve the site as it is deployed: nginx in front (buffering slow clients, micro-caching) and
gunicorn behind it on an internal port. Used by `make run`; stops both on Ctrl-C.

Usage: python deploy/serve.py --bind 127.0.0.1:8000 [--instances 1]
Without nginx installed it says so and serves with gunicorn alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))

from nginx_conf import nginx_conf_write  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default="127.0.0.1:8000")
    parser.add_argument("--instances", type=int, default=1, help="gunicorn instances behind nginx")
    args = parser.parse_args()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        print("nginx is not installed (apt-get install nginx-light): serving with gunicorn alone, "
              "without protection against slow clients.", file=sys.stderr)
        os.execv(gunicorn, [gunicorn, "--config", "gunicorn.conf.py", "--bind", args.bind, "troubleshoot.wsgi"])
    host, port = args.bind.rsplit(":", 1)
    internal = [f"127.0.0.1:{int(port) + 1 + n}" for n in range(args.instances)]
    env = {**os.environ, "TRUST_X_FORWARDED_FOR": "1"}  # nginx appends the client's address

    def start(address: str) -> subprocess.Popen:
        # each instance its own control socket, as on its own host
        return subprocess.Popen([gunicorn, "--config", "gunicorn.conf.py", "--bind", address, "--control-socket",
                                 str(ROOT / "var" / f"gunicorn-{address.rsplit(':', 1)[1]}.ctl"), "troubleshoot.wsgi"],
                                cwd=ROOT, env=env)

    apps = [start(address) for address in internal]
    # one folder per port: two stacks on one machine (tests, make run) never share a pid or cache
    conf = nginx_conf_write(prefix=ROOT / "var" / f"nginx-{port}", listen=args.bind, upstreams=internal,
                            static=ROOT / "staticfiles")
    front = subprocess.Popen([nginx, "-c", str(conf), "-p", str(conf.parent), "-g", "daemon off;"], cwd=ROOT)
    print(f"Serving on http://{args.bind}/ (nginx in front of gunicorn at {', '.join(internal)})", flush=True)

    def stop(*_args):
        for process in [front, *apps]:
            if process.poll() is None:
                process.terminate()
        for process in [front, *apps]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    signal.signal(signal.SIGTERM, lambda *a: (stop(), sys.exit(0)))
    try:
        # An instance that dies is started again, as a process manager would; meanwhile nginx sends
        # its requests to the others.
        while front.poll() is None:
            for n, process in enumerate(apps):
                if process.poll() is not None:
                    print(f"instance {internal[n]} stopped ({process.returncode}): starting it again", flush=True)
                    apps[n] = start(internal[n])
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
