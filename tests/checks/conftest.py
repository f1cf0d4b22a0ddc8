"""A real DNS server for the checks: Debian's unbound, on 127.0.0.1 at a free port (UDP and TCP),
serving zones written here (block lists, reverse DNS, sender and recipient domains), with one
zone delegated to a server that never answers.

Without unbound the tests skip, or fail when REQUIRE_DNS_SERVER=1 (as .ci/run sets it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from troubleshoot.checks import Resolver

UNBOUND_CANDIDATES = ("unbound", "/usr/sbin/unbound")
DKIM_2048 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4ze1xd+JxpULDPl4B6wk7KMQGPflzvUKFK4cMpEnkUAZdYD7cY7c44U3jGZtvwGA1/wADUxkd7qL7JXd+KrWXroMig5DO52L3TgcrWb3pIce/5DZ4qlc7/Xwv3cx12e/IVG19G55xafeMuMz7QYsWEHBKZmeFzIhOybWMlUyZLPOK8aWO+rtAluumwIrGEFH7hc00ox946WsBMyDPIKecWr9PkzQ+IBExHxl7Vv5uo27eOW7qIJeFp0xHPPlBo6GjjAv6VuGpwXVbLHa/yMS/uKBOnKHZqzDAFMaPvd+mlf7eNo1WyC0+KLI5g7fg0cWi1iQHktyP9TKx6zNIfhcjQIDAQAB"
DKIM_512 = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALsN4BNOhc0d222Cu7U4zeBUaj3lp2GHQ50w8y2CsyT3ceASoOUOcv1kin6v5ZR8e4Lls/1Jxyd3XKyWLtpPeGcCAwEAAQ=="
DQS_KEY = "testkey0123"


def _free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port")


def _txt(value: str) -> str:
    """A TXT rdata: the value cut in strings of at most 255 characters."""
    return " ".join('"' + value[i : i + 255].replace('"', '\\"') + '"' for i in range(0, len(value), 255)) or '""'


def _zone(origin: str, records: list[str], ttl: int = 300) -> str:
    head = f"""\
$ORIGIN {origin}.
$TTL {ttl}
@ IN SOA ns.{origin}. hostmaster.{origin}. 1 3600 600 86400 {min(ttl, 300)}
@ IN NS ns.{origin}.
ns IN A 127.0.0.1
"""
    return head + "\n".join(records) + "\n"


def _blocklist_records(codes: dict[str, str]) -> list[str]:
    return [f"{'.'.join(reversed(ip.split('.')))} IN A {code}" for ip, code in codes.items()]


# Sending IPs (public addresses: the checks skip documentation ranges). 5.6.7.N is on Spamhaus
# ZEN with return code 127.0.0.N; 5.6.8.N answers Spamhaus's error 127.255.255.N.
ZEN_CODES = {f"5.6.7.{n}": f"127.0.0.{n}" for n in (2, 3, 4, 5, 6, 7, 9, 10, 11)}
ZEN_CODES.update({f"5.6.8.{n}": f"127.255.255.{n}" for n in (252, 254, 255)})
ZEN_CODES["5.6.9.1"] = "10.0.0.1"  # a resolver that rewrites answers
SPAMCOP_CODES = {"5.6.7.2": "127.0.0.2"}
BARRACUDA_CODES = {"5.6.7.3": "127.0.0.2"}
UNLISTED_IP = "5.6.7.20"

SPF_INCLUDES = [f"inc{n}.fixture.net" for n in range(12)]


def _fixture_net() -> list[str]:
    r = [
        # reverse DNS targets
        "mail IN A 5.6.7.20",
        "nomatch IN A 5.6.7.99",
        "22-7-6-5.dsl IN A 5.6.7.22",
        # sender domains
        f"good IN TXT {_txt('v=spf1 ip4:5.6.7.20 -all')}",
        f"_dmarc.good IN TXT {_txt('v=DMARC1; p=reject; aspf=s; rua=mailto:dmarc@fixture.net')}",
        f"s1._domainkey.good IN TXT {_txt('v=DKIM1; k=rsa; p=' + DKIM_2048)}",
        f"weak._domainkey.good IN TXT {_txt('v=DKIM1; k=rsa; p=' + DKIM_512)}",
        f"old._domainkey.good IN TXT {_txt('v=DKIM1; k=rsa; p=')}",
        f"bad._domainkey.good IN TXT {_txt('v=DKIM1; k=rsa; p=bm90IGEga2V5')}",
        f"soft IN TXT {_txt('v=spf1 ip4:5.6.7.21 ~all')}",
        f"_dmarc.soft IN TXT {_txt('v=DMARC1; p=quarantine; pct=50')}",
        f"many IN TXT {_txt('v=spf1 ' + ' '.join('include:' + d for d in SPF_INCLUDES) + ' -all')}",
        f"broken IN TXT {_txt('v=spf1 ip4:5.6.7.300 -all')}",
        f"_dmarc.broken IN TXT {_txt('v=DMARC1; p=sometimes')}",
        f"twodmarc IN TXT {_txt('v=spf1 -all')}",
        f"_dmarc.twodmarc IN TXT {_txt('v=DMARC1; p=none')}",
        f"_dmarc.twodmarc IN TXT {_txt('v=DMARC1; p=reject')}",
        "nospf IN A 5.6.7.20",
        # the organisational domain's DMARC record covers nospf.fixture.net
        f"_dmarc IN TXT {_txt('v=DMARC1; p=none; sp=quarantine')}",
        # hostile records
        f"bigtxt IN TXT {_txt('v=spf1 ' + 'a' * 10240)}",
        "loop IN CNAME loop2",
        "loop2 IN CNAME loop",
        "_dmarc.looped IN CNAME loop",
        f"looped IN TXT {_txt('v=spf1 -all')}",
        # recipient domains
        "rcpt IN MX 10 mx1.rcpt",
        "rcpt IN MX 20 mx2.rcpt",
        "mx1.rcpt IN A 5.6.10.1",
        "mx2.rcpt IN A 5.6.10.2",
        "nullmx IN MX 0 .",
        "amx IN A 5.6.10.3",
        f"nomail IN TXT {_txt('nothing here')}",
        "tls IN MX 10 mx1.rcpt",
        f"_mta-sts.tls IN TXT {_txt('v=STSv1; id=20260101T000000')}",
        f"_smtp._tls.tls IN TXT {_txt('v=TLSRPTv1; rua=mailto:tlsrpt@fixture.net')}",
    ]
    for n, name in enumerate(SPF_INCLUDES):
        r.append(f"{name.split('.')[0]} IN TXT {_txt(f'v=spf1 a:h{n}.fixture.net ~all')}")
        r.append(f"h{n} IN A 5.6.11.{n + 1}")
    return r


ZONES = {
    "zen.spamhaus.org": (_blocklist_records(ZEN_CODES), 60),
    f"{DQS_KEY}.zen.dq.spamhaus.net": (_blocklist_records({"5.6.7.4": "127.0.0.4"}), 60),
    "bl.spamcop.net": (_blocklist_records(SPAMCOP_CODES), 60),
    "b.barracudacentral.org": (_blocklist_records(BARRACUDA_CODES), 60),
    "dbl.spamhaus.org": (
        ["spammy.fixture.net IN A 127.0.1.2", "phishy.fixture.net IN A 127.0.1.4", "good.fixture.net IN TXT \"x\"",
         "refused.fixture.net IN A 127.255.255.254"],
        60,
    ),
    f"{DQS_KEY}.dbl.dq.spamhaus.net": (["spammy.fixture.net IN A 127.0.1.2"], 60),
    "7.6.5.in-addr.arpa": (
        ["20 IN PTR mail.fixture.net.", "21 IN PTR nomatch.fixture.net.", "22 IN PTR 22-7-6-5.dsl.fixture.net."],
        300,
    ),
    "fixture.net": (_fixture_net(), 7200),
}


def _unbound_binary() -> str | None:
    for candidate in UNBOUND_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class DNSServer:
    def __init__(self, port: int, dead_port: int, workdir: Path):
        self.port = port
        self.dead_port = dead_port
        self.workdir = workdir

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def resolver(self, **kwargs) -> Resolver:
        return Resolver([self.address], **kwargs)


@pytest.fixture(scope="session")
def dns_server():
    if _unbound_binary() is None:
        message = "the DNS server 'unbound' is not installed (apt-get install unbound); the DNS check tests need it"
        if os.environ.get("REQUIRE_DNS_SERVER") == "1":
            pytest.fail(message + " and REQUIRE_DNS_SERVER=1 is set")
        pytest.skip(message)
    try:
        with unbound_serving() as server:
            yield server
    except DNSServerError as error:
        pytest.fail(str(error))


class DNSServerError(RuntimeError):
    """unbound could not be started."""


@contextlib.contextmanager
def unbound_serving():
    """unbound on 127.0.0.1 at a free port, serving ZONES; also used by benchmarks/web_speed.py."""
    binary = _unbound_binary()
    if binary is None:
        raise DNSServerError("unbound is not installed (apt-get install unbound)")
    workdir = Path(tempfile.mkdtemp(prefix="dnscheck-"))
    # A zone delegated to a server that takes the packets and never answers.
    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))
    dead_port = silent.getsockname()[1]
    port = _free_port()
    auth = []
    for origin, (records, ttl) in ZONES.items():
        path = workdir / f"{origin}.zone"
        path.write_text(_zone(origin, records, ttl))
        auth.append(textwrap.dedent(f"""\
            auth-zone:
                name: "{origin}."
                zonefile: "{path}"
                for-downstream: no
                for-upstream: yes
                fallback-enabled: no
            """))
    config = workdir / "unbound.conf"
    config.write_text(
        textwrap.dedent(f"""\
        server:
            interface: 127.0.0.1@{port}
            port: {port}
            do-ip4: yes
            do-ip6: no
            do-udp: yes
            do-tcp: yes
            chroot: ""
            username: ""
            directory: "{workdir}"
            pidfile: "{workdir}/unbound.pid"
            use-syslog: no
            logfile: "{workdir}/unbound.log"
            verbosity: 1
            do-daemonize: no
            num-threads: 1
            access-control: 127.0.0.0/8 allow
            module-config: "iterator"
            do-not-query-localhost: no
            qname-minimisation: no
            edns-buffer-size: 1232
            trust-anchor-signaling: no
            root-key-sentinel: no
            so-reuseport: no
            minimal-responses: yes
            local-zone: "in-addr.arpa." nodefault
        remote-control:
            control-enable: no
        stub-zone:
            name: "dead.net."
            stub-addr: 127.0.0.1@{dead_port}
        """)
        + "".join(auth)
    )
    checkconf = Path(binary).with_name("unbound-checkconf")
    if checkconf.exists():
        check = subprocess.run([str(checkconf), str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise DNSServerError(f"unbound configuration refused: {check.stdout}{check.stderr}")
    process = subprocess.Popen([binary, "-d", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        server = DNSServer(port, dead_port, workdir)
        _wait_ready(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        silent.close()
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_ready(server: DNSServer, process: subprocess.Popen) -> None:
    import dns.message
    import dns.query

    query = dns.message.make_query("mail.fixture.net", "A")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (server.workdir / "unbound.log")
            text = log.read_text() if log.exists() else ""
            output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
            raise DNSServerError(f"unbound stopped at start: {output}{text}")
        try:
            response = dns.query.udp(query, "127.0.0.1", port=server.port, timeout=0.3)
            if response.answer:
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(0.1)
    raise DNSServerError("unbound did not answer within 15 s")


class DictCache:
    """A Django-cache-like object that remembers what was set and for how long."""

    def __init__(self):
        self.data: dict = {}
        self.timeouts: dict = {}
        self.hits = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            return self.data[key]
        return default

    def set(self, key, value, timeout=None):
        self.data[key] = value
        self.timeouts[key] = timeout


@pytest.fixture
def cache():
    return DictCache()
