#!/usr/bin/env python3
"""Write an nginx configuration for the site from deploy/nginx.conf.in.

Usage: python deploy/nginx_conf.py --prefix var/nginx --listen 127.0.0.1:8000 \\
           --upstream 127.0.0.1:8001 [--upstream 127.0.0.1:8002] --static staticfiles
Prints the path of the written file (PREFIX/nginx.conf) and creates PREFIX's folders.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.in"


def nginx_conf_write(*, prefix: Path, listen: str, upstreams: list[str], static: Path) -> Path:
    prefix = prefix.resolve()
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"):
        (prefix / name).mkdir(parents=True, exist_ok=True)
    text = (TEMPLATE.read_text(encoding="utf-8")
            .replace("@USER@", getpass.getuser()).replace("@PREFIX@", str(prefix)).replace("@LISTEN@", listen).replace("@STATIC@", str(static.resolve()))
            .replace("@UPSTREAMS@", "\n".join(f"        server {u} max_fails=1 fail_timeout=2s;" for u in upstreams)))
    path = prefix / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, required=True)
    parser.add_argument("--listen", required=True)
    parser.add_argument("--upstream", action="append", required=True)
    parser.add_argument("--static", type=Path, required=True)
    args = parser.parse_args()
    print(nginx_conf_write(prefix=args.prefix, listen=args.listen, upstreams=args.upstream, static=args.static))


if __name__ == "__main__":
    main()
